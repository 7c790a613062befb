import { AttemptError, fail } from './failure.js';
import { redact } from '../common/redact.js';
import type { RelinkAccount, RelinkStripeError } from '../shell/types.js';
import type { AttemptOutcome } from './run.js';
import type { ValidSession } from './session.js';
import { isStripeId } from '../common/ids.js';
import { isObject } from './shapes.js';

// Retrying only helps where a fresh session or a moment's wait can change the answer. An
// invalid_request_error is how Stripe.js reports an expired or already-used session (no
// dedicated code is documented), and every retry requests a fresh session, so it is retryable;
// an authentication_error means a wrong key, which no retry can mend.
const RETRYABLE_STRIPE_TYPES = ['api_connection_error', 'api_error', 'rate_limit_error', 'invalid_request_error'];

// The fields of a Financial Connections account that Stripe.js documents; nothing else it
// returns reaches an event.
const ACCOUNT_FIELDS = [
  'id',
  'object',
  'balance',
  'balance_refresh',
  'category',
  'created',
  'display_name',
  'institution_name',
  'last4',
  'livemode',
  'ownership',
  'ownership_refresh',
  'permissions',
  'status',
  'subcategory',
  'supported_payment_method_types',
] as const;

/** Thrown where the result is not Stripe's shape (reading it may also throw anything else). */
const MALFORMED = Symbol('malformed');

/**
 * The fields Stripe.js documents of one returned account, copied as plain data (what JSON can
 * hold), every string scrubbed of secrets. It must at least have an id.
 */
function accountOf(raw: unknown): RelinkAccount {
  if (!isObject(raw) || typeof raw.id !== 'string') throw MALFORMED;
  const documented = Object.fromEntries(ACCOUNT_FIELDS.map((field) => [field, raw[field]]));
  const copy: unknown = JSON.parse(JSON.stringify(documented), (_key, value: unknown) =>
    typeof value === 'string' ? redact(value) : value,
  );
  // Typed as Stripe.js types its accounts: only the id is checked, the rest is as Stripe.js sent it.
  return Object.freeze(copy) as RelinkAccount;
}

function stripeErrorOf(raw: unknown): RelinkStripeError {
  const { type, code, message } = isObject(raw) ? raw : {};
  const error: RelinkStripeError = { type: typeof type === 'string' ? redact(type) : 'api_error' };
  if (typeof code === 'string') error.code = redact(code);
  if (typeof message === 'string') error.message = redact(message);
  return Object.freeze(error);
}

const idsOf = (accounts: readonly RelinkAccount[]): readonly string[] =>
  Object.freeze(accounts.map((account) => account.id));

function interpret(
  raw: unknown,
  session: ValidSession,
  expectedLivemode: boolean | null,
): Exclude<AttemptOutcome, { status: 'error' }> {
  // Objects only: a function or a Proxy-like oddity carrying the right names is not Stripe's shape.
  const { error, financialConnectionsSession: returned } = isObject(raw) ? raw : {};
  if (error) {
    const stripeError = stripeErrorOf(error);
    fail('stripe_error', `Stripe: ${stripeError.message ?? stripeError.type}`, {
      stripeError,
      retryable: RETRYABLE_STRIPE_TYPES.includes(stripeError.type),
    });
  }
  const { id: sessionId, accounts: list } = isObject(returned) ? returned : {};
  if (typeof sessionId !== 'string' || !Array.isArray(list)) throw MALFORMED;
  // Copies: what was checked is what is reported, whatever the originals do later.
  const accounts = Object.freeze(list.map(accountOf));
  const { mode } = session;
  // A result for another session (a stand-in for Stripe.js replaying an old success, say) is
  // not this attempt's; neither it nor a server check of it can stand for this attempt.
  if (session.sessionId !== null && sessionId !== session.sessionId) {
    fail('stripe_error', `Stripe.js returned session ${redact(sessionId)}, not ${session.sessionId}.`);
  }
  if (accounts.length === 0) return { status: 'cancel', mode, sessionId };
  if (expectedLivemode !== null && accounts.some((account) => account.livemode !== expectedLivemode)) {
    fail('livemode_mismatch', `Stripe returned accounts not in ${expectedLivemode ? 'live' : 'test'} mode.`, {
      accounts: idsOf(accounts),
    });
  }
  if (mode === 'same_account' && (accounts.length !== 1 || accounts[0]?.id !== session.account)) {
    fail('account_mismatch', `Stripe returned ${idsOf(accounts).join(', ')}, not ${session.account}.`, {
      accounts: idsOf(accounts),
    });
  }
  // Any account under the authorization may come back, but only as a Stripe account id.
  if (mode === 'any_account' && !accounts.every((account) => isStripeId(account.id, 'fca_'))) {
    throw MALFORMED;
  }
  return { status: 'success', mode, sessionId, accounts };
}

/**
 * Turns what `collectFinancialConnectionsAccounts` resolved with into the attempt's outcome,
 * failing closed: anything other than the accounts the session allows is an error (thrown). A
 * result that is not Stripe's shape (down to each account's id), or that throws when read, is a
 * malformed result, never an exception and never a success.
 */
export function interpretResult(
  raw: unknown,
  session: ValidSession,
  expectedLivemode: boolean | null,
): Exclude<AttemptOutcome, { status: 'error' }> {
  try {
    return interpret(raw, session, expectedLivemode);
  } catch (error) {
    if (error instanceof AttemptError) throw error;
    return fail('stripe_error', 'Stripe.js returned a malformed result.', { retryable: true });
  }
}
