// Every answer of the handlers is JSON built here, so that the headers the contract demands
// cannot be forgotten on one path.
import type { RelinkErrorBody } from './types.js';

/**
 * A JSON response. `no-store` on every one: a session answer carries a client secret, and the
 * others are per-user; no cache between the customer and the server may keep them.
 */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}

/**
 * An error response in the shape `<fc-relink>` reads: `{ error: { message, type, code? } }`.
 */
export function jsonError(status: number, error: RelinkErrorBody['error'], headers?: Record<string, string>): Response {
  return json(status, { error }, headers);
}

/**
 * 405 for anything but POST, with the `Allow` header.
 */
export function methodNotAllowed(): Response {
  return jsonError(
    405,
    { message: 'Use POST.', type: 'invalid_request_error', code: 'method_not_allowed' },
    { Allow: 'POST' },
  );
}

/** Shown whenever the cause is the server's own (`authorize` threw or returned something malformed, or a value that is no Stripe error): not the customer's business. Key errors answer their own message (see stripe-error.ts). */
export const GENERIC_SERVER_ERROR: RelinkErrorBody['error'] = {
  message: 'Something went wrong on our side. Please try again later.',
  type: 'api_error',
  code: 'server_error',
};

/**
 * 500 with the generic message, never the cause.
 */
export function serverError(): Response {
  return jsonError(500, GENERIC_SERVER_ERROR);
}

/**
 * 403 when `authorize` refuses. One message for "not yours" and "no such account", so the
 * answer reveals nothing about other users' accounts.
 */
export function forbidden(): Response {
  return jsonError(403, {
    message: 'You are not allowed to relink this bank account.',
    type: 'permission_error',
    code: 'forbidden',
  });
}
