import { fail, isRelinkError } from '../errors.js';
import type { RelinkAccount, RelinkCancel, RelinkStripeError, RelinkSuccess } from '../types.js';
import type { ValidSession } from './config.js';
import { redact } from '../shared/redact.js';
import { isObject } from './shapes.js';

// Retrying only helps where a fresh session or a moment's wait can change the answer. An
// invalid_request_error is how Stripe.js reports an expired or already-used session (no
// dedicated code is documented), and every retry requests a fresh session, so it is retryable;
// an authentication_error means a wrong key, which no retry can mend.
const RETRYABLE_STRIPE_TYPES = /^(?:api_connection_error|api_error|rate_limit_error|invalid_request_error)$/;

function stripeErrorOf(raw: object): RelinkStripeError {
  const { type, code, message } = raw as Record<string, unknown>;
  const error: RelinkStripeError = { type: typeof type === 'string' ? type : 'api_error' };
  if (typeof code === 'string') error.code = code;
  if (typeof message === 'string') error.message = redact(message);
  return Object.freeze(error);
}

// Ids listed in an error detail are Stripe.js's words, so they are scrubbed like its messages.
const ids = (accounts: readonly RelinkAccount[]): readonly string[] => Object.freeze(accounts.map((account) => redact(account.id)));

/**
 * Turns what `collectFinancialConnectionsAccounts` resolved with into the attempt's outcome,
 * failing closed: anything other than the accounts the session allows is an error (thrown). A
 * result that is not Stripe's shape (down to each account), or that throws when read, is a
 * malformed result, never an exception and never a success.
 */
export function interpretResult(raw: unknown, session: ValidSession, expectedLivemode: boolean | null): RelinkSuccess | RelinkCancel {
  try {
    return interpret(raw, session, expectedLivemode);
  } catch (error) {
    if (isRelinkError(error)) throw error;
    return fail('stripe_error', 'Stripe.js returned no session.', { retryable: true });
  }
}

function interpret(raw: unknown, session: ValidSession, expectedLivemode: boolean | null): RelinkSuccess | RelinkCancel {
  // Objects only: a function or a Proxy-like oddity carrying the right names is not Stripe's shape.
  const { error, financialConnectionsSession: returnedSession } = isObject(raw) ? raw : {};
  if (error) {
    const stripeError = stripeErrorOf(isObject(error) ? error : {});
    fail('stripe_error', `Stripe: ${stripeError.message ?? stripeError.type}`, {
      stripeError,
      retryable: RETRYABLE_STRIPE_TYPES.test(stripeError.type),
    });
  }
  const { id: sessionId, accounts: returned } = isObject(returnedSession) ? returnedSession : {};
  if (
    typeof sessionId !== 'string' ||
    !Array.isArray(returned) ||
    !returned.every((account: unknown) => isObject(account) && typeof account.id === 'string')
  ) {
    throw new TypeError('malformed');
  }
  // A copy: what was checked is what is reported, whatever the original array does later.
  const accounts: readonly RelinkAccount[] = Object.freeze([...returned]);
  const { mode } = session;
  // A result for another session (a stand-in for Stripe.js replaying an old success, say) is
  // not this attempt's; neither it nor a server check of it can stand for this attempt.
  if (session.sessionId !== null && sessionId !== session.sessionId) {
    fail('stripe_error', `Stripe.js returned session ${sessionId}, not ${session.sessionId}.`);
  }
  if (accounts.length === 0) return { status: 'cancel', mode, sessionId };
  if (expectedLivemode !== null && accounts.some((account) => account.livemode !== expectedLivemode)) {
    fail('livemode_mismatch', `Stripe returned accounts not in ${expectedLivemode ? 'live' : 'test'} mode.`, {
      accounts: ids(accounts),
    });
  }
  if (mode === 'same_account' && (accounts.length !== 1 || accounts[0]?.id !== session.account)) {
    fail('account_mismatch', `Stripe returned ${ids(accounts).join(', ')}, not ${session.account}.`, {
      accounts: ids(accounts),
    });
  }
  return { status: 'success', mode, sessionId, accounts };
}
