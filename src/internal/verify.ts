import { relinkError } from '../errors.js';
import type { RelinkAccount, RelinkErrorDetail, RelinkVerification } from '../types.js';
import type { AttemptConfig, ValidSession } from './config.js';
import { callJson, fail, type CallNames, type Step } from './json-call.js';

const NAMES: CallNames = {
  endpoint: 'The verify endpoint',
  fn: 'verifySession',
  timeoutAttribute: 'session-timeout',
  unreachable: 'verification_failed',
  http: 'verification_failed',
  invalid: 'verification_failed',
};

/** Why the server's answer does not confirm the relink, or `null` when it does. */
function unconfirmed(answer: unknown, session: ValidSession): string | null {
  if (typeof answer !== 'object' || answer === null) return 'not an object';
  const { status, relink_result: result } = answer as Partial<RelinkVerification>;
  if (status === 'failed' || status === 'cancelled') return `session ${status}`;
  if (typeof result !== 'object' || result === null) return 'no relink_result';
  if (typeof result.authorization !== 'string') {
    const reason = result.failure_reason;
    return `no relinked authorization${typeof reason === 'string' ? ` (${reason})` : ''}`;
  }
  if (result.authorization !== session.authorization) {
    return `${result.authorization} relinked, not ${session.authorization}`;
  }
  if (session.mode === 'same_account' && result.account !== session.account) {
    return `${String(result.account)} relinked, not ${String(session.account)}`;
  }
  return null;
}

/**
 * Asks the merchant's server how the session really ended (it reads `relink_result` back from
 * Stripe: a browser can be tampered with, Stripe's record cannot), and accepts the relink only
 * when that confirms it. Never rejects. Deliberately not tied to the element's lifetime: once
 * the flow has run, its outcome is worth knowing even if the element has left the page.
 */
export async function verifyRelink(
  config: AttemptConfig,
  session: ValidSession,
  sessionId: string,
  accounts: readonly RelinkAccount[],
): Promise<Step<true>> {
  const verify = config.verify;
  if (verify === null) return { kind: 'ok', value: true };
  const ids = Object.freeze(accounts.map((a) => String(a?.id)));
  const answer = await callJson({
    source:
      verify.kind === 'endpoint'
        ? { kind: 'endpoint', url: verify.url, body: { session: sessionId } }
        : { kind: 'function', call: (signal) => verify.verifySession({ sessionId, signal }) },
    headers: config.headers,
    credentials: config.credentials,
    timeout: config.sessionTimeout,
    signal: new AbortController().signal,
    names: NAMES,
  });
  // Always retryable, whatever the verify endpoint's status: a new attempt may well be confirmed.
  const withAccounts = (error: RelinkErrorDetail): RelinkErrorDetail => Object.freeze({ ...error, retryable: true, accounts: ids });
  if (answer.kind === 'error') return fail(withAccounts(answer.error));
  if (answer.kind === 'aborted') return answer;
  const why = unconfirmed(answer.value.body, session);
  if (why === null) return { kind: 'ok', value: true };
  return fail(
    withAccounts(
      relinkError('verification_failed', `The server did not confirm the relink: ${why}.`, {
        ...(answer.value.status === undefined ? {} : { status: answer.value.status }),
      }),
    ),
  );
}
