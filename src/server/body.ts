// The request bodies of both handlers: a small JSON object with one id. Anything else is
// refused before authorize() or Stripe sees it.
import { jsonError } from './responses.js';

/**
 * The largest body either handler reads: its JSON holds one id. Anything bigger is refused (413)
 * before it is buffered further, so a large post cannot tie up the server's memory.
 */
export const MAX_BODY_BYTES = 16 * 1024;

/** The 413 for a body over {@link MAX_BODY_BYTES}. */
export function bodyTooLarge(): Response {
  return jsonError(413, { message: 'The request body is too large.', type: 'invalid_request_error', code: 'body_too_large' });
}

/** Either the parsed body, or the 4xx to answer with. */
export type BodyResult = { readonly ok: true; readonly body: Record<string, unknown> } | { readonly ok: false; readonly response: Response };

const unsupportedMediaType = (): BodyResult => ({
  ok: false,
  response: jsonError(415, {
    message: 'Send the request as JSON (Content-Type: application/json).',
    type: 'invalid_request_error',
    code: 'unsupported_media_type',
  }),
});

/**
 * Reads the request body as a JSON object. A body must be sent as
 * `Content-Type: application/json` (415 otherwise): a cross-site form can post text/plain or
 * form data with the visitor's cookies and no CORS preflight, but not JSON. An empty body with
 * no content type is `{}` (the element sends `{}`, but a hand-written client may send nothing);
 * invalid JSON and non-objects are a 400; over 16 KiB is a 413.
 *
 * @example
 * const read = await readJsonObject(request);
 * if (!read.ok) return read.response;
 */
export async function readJsonObject(request: Request): Promise<BodyResult> {
  const declared = request.headers.get('content-type');
  const isJson = declared !== null && declared.split(';')[0]?.trim().toLowerCase() === 'application/json';
  if (declared !== null && !isJson) return unsupportedMediaType();
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return { ok: false, response: bodyTooLarge() };
  let text: string;
  try {
    text = await request.text();
  } catch {
    // The client went away mid-body, or a middleware already drained the stream.
    return invalid('The request body could not be read.', 'invalid_body');
  }
  if (new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES) return { ok: false, response: bodyTooLarge() };
  if (text.trim() === '') return { ok: true, body: {} };
  if (!isJson) return unsupportedMediaType();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return invalid('The request body is not valid JSON.', 'invalid_json');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return invalid('The request body must be a JSON object.', 'invalid_json');
  }
  return { ok: true, body: parsed as Record<string, unknown> };
}

/** What an id field must look like: its pattern, and how the 400 message shows it. */
export interface IdShape {
  readonly pattern: RegExp;
  readonly example: string;
}

/** `fca_…`: the only account ids Stripe issues. */
export const ACCOUNT_ID: IdShape = { pattern: /^fca_[A-Za-z0-9_]+$/, example: 'fca_…' };
/** `fcsess_…`. A client secret (`fcsess_…_secret_…`) matches the pattern too; readId() refuses it. */
export const SESSION_ID: IdShape = { pattern: /^fcsess_[A-Za-z0-9_]+$/, example: 'fcsess_…' };

/**
 * Reads an id field, or the 400 to answer with. The message names the field and never echoes
 * the value (it might be a secret pasted in the wrong place).
 *
 * @example
 * const session = readId(body, 'session', SESSION_ID);
 * if (session instanceof Response) return session;
 */
export function readId(body: Record<string, unknown>, field: string, shape: IdShape): string | Response {
  const value = body[field];
  if (typeof value === 'string' && shape.pattern.test(value) && !value.includes('_secret_')) return value;
  return invalid(`"${field}" must be an id like ${shape.example}.`, 'parameter_invalid').response;
}

/**
 * Like {@link readId}, but an absent (or `null`) field is `null`.
 *
 * @example
 * const account = readOptionalId(body, 'account', ACCOUNT_ID); // null: any account
 */
export function readOptionalId(body: Record<string, unknown>, field: string, shape: IdShape): string | null | Response {
  const value = body[field];
  return value === undefined || value === null ? null : readId(body, field, shape);
}

function invalid(message: string, code: string): { ok: false; response: Response } {
  return { ok: false, response: jsonError(400, { message, type: 'invalid_request_error', code }) };
}
