// The shapes of Stripe's ids, one rule for the element, its hosted half and the server: what a
// page, an endpoint or Stripe.js hands over is checked against these before it is used as an id.

/** The id prefixes fc-relink reads. */
export type StripeIdPrefix = 'fca_' | 'fcsess_' | 'fcauth_' | 'acct_' | 'cus_' | 'pk_test_' | 'pk_live_';

const ID_TAIL = /^[A-Za-z0-9_]+$/;

/** True when `value` is `prefix` followed by Stripe id characters. */
export function isStripeId(value: unknown, prefix: StripeIdPrefix): value is string {
  return typeof value === 'string' && value.startsWith(prefix) && ID_TAIL.test(value.slice(prefix.length));
}

/** A session's client secret, `fcsess_…_secret_…`. */
export function isClientSecret(value: unknown): value is string {
  return isStripeId(value, 'fcsess_') && value.includes('_secret_');
}

/**
 * A session id, `fcsess_…`, and never its client secret, which is made of the same characters:
 * an id is shown in events and kept in storage, a secret must never be.
 */
export function isSessionId(value: unknown): value is string {
  return isStripeId(value, 'fcsess_') && !value.includes('_secret_');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An attempt's id, as the element makes it: a lower-case UUID. */
export function isAttemptId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
