// The shapes of Stripe's ids, one rule for the element, its hosted half and the server: what a
// page, an endpoint or Stripe.js hands over is checked against these before it is used as an id.

/** The id prefixes fc-relink reads. */
export type StripeIdPrefix = 'fca_' | 'fcsess_' | 'fcauth_' | 'acct_' | 'cus_' | 'pk_test_' | 'pk_live_';

const ID_TAIL = /^[A-Za-z0-9_]+$/;

/** `prefix` followed by Stripe id characters: the shape of ids and secrets alike. */
const stripeShaped = (value: unknown, prefix: StripeIdPrefix): value is string =>
  typeof value === 'string' && value.startsWith(prefix) && ID_TAIL.test(value.slice(prefix.length));

/**
 * True when `value` is a Stripe id with this prefix, and never a client secret
 * (`fcsess_…_secret_…`, made of the same characters): an id is shown in events and kept in
 * storage, and an endpoint bug such as `id: session.client_secret` must not carry a secret there.
 */
export function isStripeId(value: unknown, prefix: StripeIdPrefix): value is string {
  return stripeShaped(value, prefix) && !value.includes('_secret_');
}

/** A session's client secret, `fcsess_…_secret_…`. */
export function isClientSecret(value: unknown): value is string {
  return stripeShaped(value, 'fcsess_') && value.includes('_secret_');
}

/** A session id, `fcsess_…`, never its client secret. */
export const isSessionId = (value: unknown): value is string => isStripeId(value, 'fcsess_');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An attempt's id, as the element makes it: a lower-case UUID. */
export function isAttemptId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
