import type { StripeLike } from '../shell/types.js';

// What third parties hand over (endpoints, fetchSession, Stripe.js or a stand-in) is checked for
// shape before anything reads it as such. Stripe's id shapes are in common/ids.ts.

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export const isStripeLike = (value: unknown): value is StripeLike =>
  isObject(value) && typeof value.collectFinancialConnectionsAccounts === 'function';
