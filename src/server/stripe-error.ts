// Turns a failed Stripe call into the answer the customer's browser gets: a status that says
// whose problem it is, and Stripe's message only where it is about the request and scrubbed.
import { redact } from '../common/redact.js';
import { text } from './fields.js';
import { jsonError, serverError } from './responses.js';

/** The fields of a stripe-node error this module reads; all optional, since anything may be thrown. */
interface StripeErrorLike {
  readonly type?: unknown;
  readonly rawType?: unknown;
  readonly raw?: { readonly type?: unknown } | null;
  readonly statusCode?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
}

// stripe-node picks the error class from the HTTP status, which is the surer signal: Stripe
// answers a bad key with 401 but `"type": "invalid_request_error"`, and a rate limit with 429 and
// the same type. So the class decides; the JSON `type` (`rawType`) only when the class is not a
// known one, and errors stripe-node makes itself (a lost connection) have only the class.
const CLASS_TO_RAW_TYPE: Readonly<Record<string, string>> = {
  StripeInvalidRequestError: 'invalid_request_error',
  StripeAuthenticationError: 'authentication_error',
  StripePermissionError: 'permission_error',
  StripeRateLimitError: 'rate_limit_error',
  StripeConnectionError: 'api_connection_error',
  StripeAPIError: 'api_error',
  StripeIdempotencyError: 'idempotency_error',
  StripeCardError: 'card_error',
};

const MISCONFIGURED = 'The server is misconfigured. Please try again later.';

/**
 * The Stripe error type (`invalid_request_error`, …) of a thrown value, or `null` when it is
 * not a Stripe error at all (a bug, or a stand-in client throwing something else).
 */
export function stripeErrorType(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as StripeErrorLike;
  const className = text(e.type);
  if (className !== null && Object.hasOwn(CLASS_TO_RAW_TYPE, className)) return CLASS_TO_RAW_TYPE[className];
  const raw = text(e.rawType) ?? text(e.raw?.type);
  if (raw) return raw;
  if (className?.startsWith('Stripe')) return 'api_error';
  // A stand-in client may throw Stripe's JSON error shape itself: { type: 'invalid_request_error' }.
  return className?.endsWith('_error') ? className : null;
}

/**
 * The response for an error thrown by a Stripe call:
 * `invalid_request_error` → 400 (`resource_missing` → 404), `authentication_error` and
 * `permission_error` → 500 with a generic message (the merchant's key is not the customer's
 * business, and Stripe's message may quote it), `rate_limit_error` → 429, anything else from
 * Stripe → 502. A value that is not a Stripe error → 500, generic. Never a stack.
 */
export function stripeErrorResponse(error: unknown): Response {
  const type = stripeErrorType(error);
  if (type === null) return serverError();
  if (type === 'authentication_error' || type === 'permission_error') {
    return jsonError(500, { message: MISCONFIGURED, type: 'api_error', code: 'server_error' });
  }
  const e = error as StripeErrorLike;
  const code = text(e.code);
  const message = redact(text(e.message) ?? 'Stripe could not complete the request.', 500);
  const status =
    type === 'invalid_request_error'
      ? code === 'resource_missing'
        ? 404
        : 400
      : type === 'rate_limit_error'
        ? 429
        : 502;
  return jsonError(status, code === null ? { message, type } : { message, type, code: redact(code) });
}
