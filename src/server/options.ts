// Checks a handler's options once, when it is created: a missing client or authorize() is a
// deployment bug that should stop the server at startup, not surface as a 500 per request.
import type { RelinkHandlerOptions } from './types.js';

/**
 * Throws a TypeError naming the first unusable option.
 */
export function assertHandlerOptions(options: RelinkHandlerOptions, factory: string): void {
  const sessions = (options as Partial<RelinkHandlerOptions> | undefined)?.stripe?.financialConnections?.sessions;
  if (typeof sessions?.create !== 'function' || typeof sessions.retrieve !== 'function') {
    throw new TypeError(`${factory}: "stripe" must be a Stripe client (new Stripe(secretKey)).`);
  }
  if (typeof options.authorize !== 'function') {
    throw new TypeError(`${factory}: "authorize" must be a function.`);
  }
  if (options.apiVersion !== undefined && (typeof options.apiVersion !== 'string' || options.apiVersion === '')) {
    throw new TypeError(`${factory}: "apiVersion" must be a Stripe API version such as "2026-08-26.preview".`);
  }
}
