// The request bodies of the handlers: a small JSON object. Anything else is refused before
// authorize() or Stripe sees it.
import { jsonError } from './responses.js';
import { isAttemptId, isSessionId, isStripeId } from '../common/ids.js';

/**
 * The largest body the relink handlers read: their JSON holds an id or two. Anything bigger is
 * refused (413) as soon as the count passes it, so a large post cannot tie up the server's memory.
 */
export const MAX_BODY_BYTES = 16 * 1024;

/** The 413 for a body over the limit. */
export function bodyTooLarge(): Response {
  return jsonError(413, {
    message: 'The request body is too large.',
    type: 'invalid_request_error',
    code: 'body_too_large',
  });
}

/** Either the parsed body, or the 4xx to answer with. */
export type BodyResult =
  { readonly ok: true; readonly body: Record<string, unknown> } | { readonly ok: false; readonly response: Response };

/** Either the raw bytes of a body, or the 4xx to answer with. */
export type RawBodyResult =
  { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly response: Response };

const unsupportedMediaType = (): { ok: false; response: Response } => ({
  ok: false,
  response: jsonError(415, {
    message: 'Send the request as JSON (Content-Type: application/json).',
    type: 'invalid_request_error',
    code: 'unsupported_media_type',
  }),
});

function join(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a request body with a reader, counting as it goes, and cancels the stream as soon as the
 * count passes `limit` (413). `Content-Length` is only a shortcut: a chunked body has none, and
 * a client may send more than it declared.
 */
export async function readBoundedBody(request: Request, limit: number): Promise<RawBodyResult> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return { ok: false, response: bodyTooLarge() };
  if (request.body === null) return { ok: true, bytes: new Uint8Array(0) };
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.byteLength;
      if (length > limit) {
        // Not awaited: a client that keeps sending must not hold the answer back.
        reader.cancel().catch(() => {});
        return { ok: false, response: bodyTooLarge() };
      }
      chunks.push(value);
    }
  } catch {
    // The client went away mid-body, or a middleware already drained the stream.
    return badRequest('The request body could not be read.', 'invalid_body');
  }
  return { ok: true, bytes: join(chunks, length) };
}

/**
 * Reads the request body as a JSON object. It must be sent as `Content-Type: application/json`,
 * or it is refused with 415 whatever it holds, an empty body included: a cross-site page can
 * post text/plain, form data or nothing at all with the visitor's cookies and no CORS preflight,
 * but not JSON. An empty JSON body is `{}`; invalid JSON and non-objects are a 400; over 16 KiB
 * is a 413 (the stream is cancelled there).
 */
export async function readJsonObject(request: Request): Promise<BodyResult> {
  const declared = request.headers.get('content-type');
  if (declared === null || declared.split(';')[0]?.trim().toLowerCase() !== 'application/json')
    return unsupportedMediaType();
  const read = await readBoundedBody(request, MAX_BODY_BYTES);
  if (!read.ok) return read;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    return badRequest('The request body is not valid JSON.', 'invalid_json');
  }
  if (text.trim() === '') return { ok: true, body: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return badRequest('The request body is not valid JSON.', 'invalid_json');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return badRequest('The request body must be a JSON object.', 'invalid_json');
  }
  return { ok: true, body: parsed as Record<string, unknown> };
}

/** What an id field must look like, and how the 400 message shows it. */
export interface IdShape {
  readonly test: (value: unknown) => value is string;
  readonly example: string;
}

/** `fca_…`: the only account ids Stripe issues. */
export const ACCOUNT_ID: IdShape = { test: (value) => isStripeId(value, 'fca_'), example: 'fca_…' };
/** `fcsess_…`, never a client secret (`fcsess_…_secret_…`). */
export const SESSION_ID: IdShape = { test: isSessionId, example: 'fcsess_…' };

/**
 * Reads an id field, or the 400 to answer with. The message names the field and never echoes
 * the value (it might be a secret pasted in the wrong place).
 */
export function readId(body: Record<string, unknown>, field: string, shape: IdShape): string | Response {
  const value = body[field];
  if (shape.test(value)) return value;
  return badRequest(`"${field}" must be an id like ${shape.example}.`, 'parameter_invalid').response;
}

/**
 * Like {@link readId}, but an absent (or `null`) field is `null`.
 */
export function readOptionalId(body: Record<string, unknown>, field: string, shape: IdShape): string | null | Response {
  const value = body[field];
  return value === undefined || value === null ? null : readId(body, field, shape);
}

/**
 * The attempt's id the element sent (`attempt`), or `null`. Never a reason to refuse a
 * request: a body without one (an older element, your own client) is served alike, and
 * anything that is not a UUID is ignored.
 */
export function readAttempt(body: Record<string, unknown>): string | null {
  return isAttemptId(body.attempt) ? body.attempt : null;
}

/**
 * Reads a field that must be one of `choices`; absent is `fallback`.
 */
export function readChoice<T extends string>(
  body: Record<string, unknown>,
  field: string,
  choices: readonly T[],
  fallback: T,
): T | Response {
  const value = body[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  return badRequest(`"${field}" must be one of ${choices.map((c) => `"${c}"`).join(', ')}.`, 'parameter_invalid')
    .response;
}

/**
 * A 400 `invalid_request_error` with `code`.
 */
export function badRequest(message: string, code: string): { ok: false; response: Response } {
  return { ok: false, response: jsonError(400, { message, type: 'invalid_request_error', code }) };
}
