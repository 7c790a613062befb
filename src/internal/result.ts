import { relinkError } from '../errors.js';
import type { RelinkAccount, RelinkOutcome, RelinkStripeError } from '../types.js';
import type { ValidSession } from './config.js';
import { redact } from './redact.js';

// Retrying only helps where a fresh session or a moment's wait can change the answer. An
// invalid_request_error is how Stripe.js reports an expired or already-used session (no
// dedicated code is documented), and every retry requests a fresh session, so it is retryable;
// an authentication_error means a wrong key, which no retry can mend.
const RETRYABLE_STRIPE_TYPES: ReadonlySet<string> = new Set([
  'api_connection_error',
  'api_error',
  'rate_limit_error',
  'invalid_request_error',
]);

function stripeErrorOf(raw: unknown): RelinkStripeError {
  const source = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const error: RelinkStripeError = { type: typeof source.type === 'string' ? source.type : 'api_error' };
  if (typeof source.code === 'string') error.code = source.code;
  if (typeof source.message === 'string') error.message = redact(source.message);
  return error;
}

// Ids listed in an error detail are Stripe.js's words, so they are scrubbed like its messages.
function ids(accounts: readonly RelinkAccount[]): string[] {
  return accounts.map((account) => redact(String(account?.id)));
}

/** An element of `accounts` that is at least shaped like a Financial Connections Account. */
function isAccount(value: unknown): value is RelinkAccount {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

const malformed = (): RelinkOutcome => ({
  status: 'error',
  error: relinkError('stripe_error', 'Stripe.js returned no session.', { retryable: true }),
});

/**
 * Turns what `collectFinancialConnectionsAccounts` resolved with into the attempt's outcome,
 * failing closed: anything other than the accounts the session allows is an error. A result
 * that is not Stripe's shape (down to each account), or that throws when read, is a malformed
 * result, never an exception and never a success.
 */
export function interpretResult(raw: unknown, session: ValidSession, expectedLivemode: boolean | null): RelinkOutcome {
  try {
    return interpret(raw, session, expectedLivemode);
  } catch {
    return malformed();
  }
}

function interpret(raw: unknown, session: ValidSession, expectedLivemode: boolean | null): RelinkOutcome {
  const result = (typeof raw === 'object' && raw !== null ? raw : {}) as {
    error?: unknown;
    financialConnectionsSession?: { id?: unknown; accounts?: unknown };
  };
  const { mode } = session;

  if (result.error) {
    const stripeError = stripeErrorOf(result.error);
    const error = relinkError(
      'stripe_error',
      `Stripe: ${stripeError.message ?? stripeError.type}`,
      { stripeError: Object.freeze(stripeError), retryable: RETRYABLE_STRIPE_TYPES.has(stripeError.type) },
    );
    return { status: 'error', error };
  }

  const returned = result.financialConnectionsSession;
  if (
    typeof returned !== 'object' ||
    returned === null ||
    typeof returned.id !== 'string' ||
    !Array.isArray(returned.accounts) ||
    !returned.accounts.every(isAccount)
  ) {
    return malformed();
  }
  const sessionId = returned.id;
  // A result for another session (a stand-in for Stripe.js replaying an old success, say) is
  // not this attempt's; neither it nor a server check of it can stand for this attempt.
  if (session.sessionId !== null && sessionId !== session.sessionId) {
    return {
      status: 'error',
      error: relinkError(
        'stripe_error',
        `Stripe.js returned session ${sessionId}, not ${session.sessionId}.`,
      ),
    };
  }
  const accounts = Object.freeze([...(returned.accounts as RelinkAccount[])]);

  if (accounts.length === 0) return { status: 'cancel', mode, sessionId };

  if (expectedLivemode !== null && accounts.some((account) => account?.livemode !== expectedLivemode)) {
    return {
      status: 'error',
      error: relinkError(
        'livemode_mismatch',
        `Stripe returned accounts not in ${expectedLivemode ? 'live' : 'test'} mode.`,
        { accounts: Object.freeze(ids(accounts)) },
      ),
    };
  }

  if (mode === 'same_account') {
    const [only] = accounts;
    if (accounts.length !== 1 || only?.id !== session.account) {
      return {
        status: 'error',
        error: relinkError(
          'account_mismatch',
          `Stripe returned ${ids(accounts).join(', ')}, not ${session.account}.`,
          { accounts: Object.freeze(ids(accounts)) },
        ),
      };
    }
  }

  return { status: 'success', mode, sessionId, accounts };
}
