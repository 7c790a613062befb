import type { StripeLike } from '../types.js';

// What third parties hand over (endpoints, fetchSession, Stripe.js or a stand-in) is checked for
// shape before anything reads it as such.

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export const isStripeLike = (value: unknown): value is StripeLike =>
  isObject(value) && typeof value.collectFinancialConnectionsAccounts === 'function';

const ID_TAIL = /^[A-Za-z0-9_]+$/;

/** True when `value` is `prefix` followed by Stripe id characters. */
export const isStripeId = (value: unknown, prefix: string): value is string =>
  typeof value === 'string' && value.startsWith(prefix) && ID_TAIL.test(value.slice(prefix.length));
