import type { StripeLike } from '../types.js';

// What third parties hand over (endpoints, fetchSession, Stripe.js or a stand-in) is checked for
// shape before anything reads it as such.

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export const isStripeLike = (value: unknown): value is StripeLike =>
  isObject(value) && typeof value.collectFinancialConnectionsAccounts === 'function';

const ID_TAIL = /^[A-Za-z0-9_]+$/;

/** True when `value` is `prefix` followed by Stripe id characters: the shape of ids and secrets alike. */
const stripeShaped = (value: unknown, prefix: string): value is string =>
  typeof value === 'string' && value.startsWith(prefix) && ID_TAIL.test(value.slice(prefix.length));

/**
 * True when `value` is a Stripe id with this prefix: `prefix` followed by Stripe id characters,
 * and never a client secret (`fcsess_…_secret_…`), which an endpoint bug such as
 * `id: session.client_secret` would otherwise carry into events and sessionStorage. The same
 * rule as fc-relink/server's `readId`.
 */
export const isStripeId = (value: unknown, prefix: string): value is string =>
  stripeShaped(value, prefix) && !value.includes('_secret_');

/** True when `value` is a client secret of an object with this prefix: `fcsess_…_secret_…`. */
export const isClientSecret = (value: unknown, prefix: string): value is string =>
  stripeShaped(value, prefix) && value.includes('_secret_');
