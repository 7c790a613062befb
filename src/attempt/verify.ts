// The server check after Stripe's flow (verify-url or verifySession): the merchant's server
// reads the session back from Stripe and says how it really ended. Used by the embedded attempt
// and, through the attempt half's exports, by the hosted half on the page Stripe returns to.
import type { RelinkVerifyRequest } from '../common/wire.js';
import type { RelinkAccount, RelinkMode, VerifySession } from '../shell/types.js';
import type { AnswerSource, EndpointConfig } from './config.js';
import { callEndpoint, type CallNames, type JsonAnswer } from './endpoint-call.js';
import { detailOf, fail, withStatus } from './failure.js';
import { isObject } from './shapes.js';

/** What the server's answer must confirm. */
export interface ExpectedRelink {
  readonly sessionId: string;
  readonly mode: RelinkMode;
  /** The account a same-account session is for. */
  readonly account: string | null;
  /** The authorization the session repairs, where the page knows it (`null`: the server checked it). */
  readonly authorization: string | null;
}

const VERIFY_CALL: CallNames = {
  endpoint: 'The verify endpoint',
  fn: 'verifySession',
  unreachable: 'verification_failed',
  httpError: 'verification_failed',
  notJson: 'verification_failed',
};

/**
 * Asks the merchant's server how the session really ended: it reads the session back from
 * Stripe (a browser can be tampered with, Stripe's record cannot). The request names the
 * session and the element's account, so the server can check both belong to the customer.
 */
export function askServer(
  config: EndpointConfig,
  verify: AnswerSource<VerifySession>,
  sessionId: string,
  attempt: string,
): Promise<JsonAnswer> {
  const body: RelinkVerifyRequest = { session: sessionId, account: config.account, attempt };
  return callEndpoint(
    VERIFY_CALL,
    'call' in verify ? { call: (signal) => verify.call({ sessionId, attempt, signal }) } : { url: verify.url, body },
    config,
    // Deliberately not tied to the element's lifetime: once the flow has run, its outcome is
    // worth knowing even if the element has left the page.
    new AbortController().signal,
  );
}

/** Why the server's answer does not confirm the relink, or `null` when it does. */
function unconfirmed(answer: unknown, expected: ExpectedRelink): string | null {
  if (!isObject(answer)) return 'not an object';
  const { status, relink_result: result } = answer;
  if (status === 'failed' || status === 'cancelled') return `session ${status}`;
  if (!isObject(result)) return 'no relink_result';
  const { authorization, account, failure_reason: reason } = result;
  if (typeof authorization !== 'string') {
    return `no relinked authorization${typeof reason === 'string' ? ` (${reason})` : ''}`;
  }
  if (expected.authorization !== null && authorization !== expected.authorization) {
    return `${authorization} relinked, not ${expected.authorization}`;
  }
  if (expected.mode === 'same_account' && account !== expected.account) {
    return `${String(account)} relinked, not ${expected.account}`;
  }
  return null;
}

/** Throws verification_failed unless the server's answer confirms the relink. */
export function confirmed({ body, status }: JsonAnswer, expected: ExpectedRelink): void {
  const why = unconfirmed(body, expected);
  if (why !== null) fail('verification_failed', `The server did not confirm the relink: ${why}.`, withStatus(status));
}

/**
 * Accepts the relink only when the server confirms it; otherwise throws verification_failed,
 * always retryable (a new attempt may well be confirmed) and listing the accounts Stripe.js
 * returned.
 */
export async function verifyRelink(
  config: EndpointConfig,
  verify: AnswerSource<VerifySession>,
  expected: ExpectedRelink,
  accounts: readonly RelinkAccount[],
  attempt: string,
): Promise<void> {
  try {
    confirmed(await askServer(config, verify, expected.sessionId, attempt), expected);
  } catch (error) {
    // Only a positive answer confirms; anything else fails closed.
    const { message, ...rest } = detailOf(error, 'verification_failed');
    fail('verification_failed', message, {
      ...rest,
      retryable: true,
      accounts: Object.freeze(accounts.map((account) => account.id)),
    });
  }
}
