// The verify half of fc-relink, loaded through import() only where a server check is
// configured (verify-url or verifySession), and by the hosted half. What it needs of the attempt
// half is handed to it, so that a bundler keeps each half in a chunk of its own.
import type { AnswerSource, CallNames, EndpointConfig, JsonAnswer } from '../attempt/index.js';
import type { RelinkAccount, RelinkMode, VerifySession } from '../types.js';

/** What the verify half uses of the attempt half. */
export type VerifyTools = Pick<
  typeof import('../attempt/index.js'),
  'callEndpoint' | 'detailOf' | 'fail' | 'isObject'
>;

/** What the server's answer must confirm. */
export interface ExpectedRelink {
  readonly sessionId: string;
  readonly mode: RelinkMode;
  /** The account a same-account session is for. */
  readonly account: string | null;
  /** The authorization the session repairs, where the page knows it (`null`: the server checked it). */
  readonly authorization: string | null;
}

const NAMES: CallNames = {
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
export function askServer({ callEndpoint }: VerifyTools, config: EndpointConfig, verify: AnswerSource<VerifySession>, sessionId: string): Promise<JsonAnswer> {
  return callEndpoint(
    NAMES,
    'call' in verify
      ? { call: (signal) => verify.call({ sessionId, signal }) }
      : { url: verify.url, body: { session: sessionId, account: config.account } },
    config,
    // Deliberately not tied to the element's lifetime: once the flow has run, its outcome is
    // worth knowing even if the element has left the page.
    new AbortController().signal,
  );
}

/** Why the server's answer does not confirm the relink, or `null` when it does. */
export function unconfirmed({ isObject }: VerifyTools, answer: unknown, expected: ExpectedRelink): string | null {
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

/**
 * Accepts the relink only when the server confirms it; otherwise throws verification_failed,
 * always retryable (a new attempt may well be confirmed) and listing the accounts Stripe.js
 * returned.
 */
export async function verifyRelink(
  tools: VerifyTools,
  config: EndpointConfig,
  verify: AnswerSource<VerifySession>,
  expected: ExpectedRelink,
  accounts: readonly RelinkAccount[],
): Promise<void> {
  const { detailOf, fail } = tools;
  try {
    const { body, status } = await askServer(tools, config, verify, expected.sessionId);
    const why = unconfirmed(tools, body, expected);
    if (why !== null) fail('verification_failed', `The server did not confirm the relink: ${why}.`, status === undefined ? {} : { status });
  } catch (error) {
    // Only a positive answer confirms; anything else fails closed.
    const { message, ...rest } = detailOf(error, 'verification_failed');
    fail('verification_failed', message, { ...rest, retryable: true, accounts: Object.freeze(accounts.map((account) => account.id)) });
  }
}
