import { fail, messageOf, relinkError, RelinkFailure } from './failure.js';
import type { RelinkAccount } from '../types.js';
import type { AnswerSource, AttemptConfig } from './config.js';
import { callEndpoint, type CallNames } from './endpoint-call.js';
import type { ValidSession } from './session.js';
import { isObject } from './shapes.js';
import type { VerifySession } from '../types.js';

const NAMES: CallNames = {
  endpoint: 'The verify endpoint',
  fn: 'verifySession',
  unreachable: 'verification_failed',
  httpError: 'verification_failed',
  notJson: 'verification_failed',
};

/** Why the server's answer does not confirm the relink, or `null` when it does. */
function unconfirmed(answer: unknown, session: ValidSession): string | null {
  if (!isObject(answer)) return 'not an object';
  const { status, relink_result: result } = answer;
  if (status === 'failed' || status === 'cancelled') return `session ${status}`;
  if (!isObject(result)) return 'no relink_result';
  const { authorization, account, failure_reason: reason } = result;
  if (typeof authorization !== 'string') {
    return `no relinked authorization${typeof reason === 'string' ? ` (${reason})` : ''}`;
  }
  if (authorization !== session.authorization) return `${authorization} relinked, not ${session.authorization}`;
  if (session.mode === 'same_account' && account !== session.account) {
    return `${String(account)} relinked, not ${session.account}`;
  }
  return null;
}

/**
 * Asks the merchant's server how the session really ended (it reads `relink_result` back from
 * Stripe: a browser can be tampered with, Stripe's record cannot), and accepts the relink only
 * when that confirms it; otherwise throws verification_failed, always retryable (a new attempt
 * may well be confirmed) and listing the accounts Stripe.js returned. Deliberately not tied to
 * the element's lifetime: once the flow has run, its outcome is worth knowing even if the
 * element has left the page.
 */
export async function verifyRelink(
  config: AttemptConfig,
  verify: AnswerSource<VerifySession>,
  session: ValidSession,
  sessionId: string,
  accounts: readonly RelinkAccount[],
): Promise<void> {
  try {
    const { body, status } = await callEndpoint(
      NAMES,
      'call' in verify
        ? { call: (signal) => verify.call({ sessionId, signal }) }
        : { url: verify.url, body: { session: sessionId, account: config.account } },
      config,
      new AbortController().signal,
    );
    const why = unconfirmed(body, session);
    if (why !== null) fail('verification_failed', `The server did not confirm the relink: ${why}.`, status === undefined ? {} : { status });
  } catch (error) {
    // Only a positive answer confirms; anything else fails closed.
    const { message, ...rest } = error instanceof RelinkFailure ? error.detail : relinkError('verification_failed', `The server check failed: ${messageOf(error)}`);
    fail('verification_failed', message, { ...rest, retryable: true, accounts: Object.freeze(accounts.map((account) => account.id)) });
  }
}
