import { fail, messageOf } from '../errors.js';
import type { RelinkErrorCode } from '../types.js';
import type { AttemptConfig } from './config.js';
import { ABORTED, TIMEOUT, seconds, within } from './deadline.js';

/**
 * How to name a call and its failures: the endpoint ("The session endpoint"), the function that
 * can replace it ("fetchSession"), and the codes for an unreachable endpoint (or a timeout, or a
 * throwing function), a non-2xx answer, and an answer that is not JSON.
 */
export type CallNames = readonly [endpoint: string, fn: string, codes: readonly [RelinkErrorCode, RelinkErrorCode, RelinkErrorCode]];

/**
 * Where a JSON answer comes from: the merchant's endpoint (`url`, POSTed `body`), or a function
 * the app supplied (called with the signal; its other arguments are the caller's closure).
 */
export type JsonSource = { url: string; body: unknown } | { call: (signal: AbortSignal) => Promise<unknown> };

/** A JSON body, and the HTTP status it came with (none from a function). */
export interface JsonAnswer {
  body: unknown;
  status?: number;
}

/** Pulls a human message out of an error body, in the shapes endpoints commonly use. */
function endpointMessage(text: string): unknown {
  try {
    const { error, message } = JSON.parse(text);
    return typeof error === 'string' ? error : typeof error?.message === 'string' ? error.message : message;
  } catch {
    return null;
  }
}

/**
 * POSTs the body as JSON to the endpoint (or calls the function) within `session-timeout`, and
 * resolves with the JSON answer; throws the error to report, or ABORTED.
 */
export async function callJson(
  [endpoint, fn, [unreachable, http, invalid]]: CallNames,
  source: JsonSource,
  config: AttemptConfig,
  signal: AbortSignal,
): Promise<JsonAnswer> {
  const viaUrl = 'url' in source;
  const what = viaUrl ? endpoint : fn;
  const httpError = (status: number, detail: unknown): never =>
    fail(http, `${what} answered HTTP ${status}${typeof detail === 'string' && detail ? `: ${detail}` : '.'}`, {
      status,
      // 408, 429 and 5xx may pass on their own; other statuses will answer the same again.
      retryable: status === 408 || status === 429 || status >= 500,
    });
  let response: Response | undefined;
  let body: unknown;
  try {
    body = await within(config.sessionTimeout, signal, async (limit) => {
      if (!('url' in source)) return source.call(limit);
      response = await fetch(source.url, {
        method: 'POST',
        headers: { ...config.headers, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(source.body),
        credentials: config.credentials,
        cache: 'no-store',
        signal: limit,
      });
      // The answer must come from the endpoint's own origin. A redirect elsewhere (a login page,
      // a moved API) is not the endpoint answering, whether or not that origin allows CORS: a
      // browser fails the same redirect without CORS as a network error, and so do we, with CORS.
      if (response.redirected && new URL(response.url).origin !== new URL(source.url).origin) {
        void response.body?.cancel().catch(() => {});
        throw new Error('it redirected to another origin');
      }
      return response.text();
    });
  } catch (error) {
    if (error === ABORTED) throw error;
    if (error === TIMEOUT) fail(unreachable, `${what} did not answer within ${seconds(config.sessionTimeout)} (session-timeout).`);
    let status: unknown;
    try {
      status = (error as { status?: unknown } | null)?.status;
    } catch {
      // A status that cannot be read is no status.
    }
    // A function may reject with the HTTP status it got (fetch wrappers do).
    if (!viaUrl && typeof status === 'number' && status >= 400 && status <= 599) httpError(status, messageOf(error));
    fail(unreachable, `${what} could not be reached: ${messageOf(error)}`);
  }
  if (!response) return { body }; // from the function
  const { status } = response;
  if (!response.ok) httpError(status, endpointMessage(body as string));
  try {
    return { body: JSON.parse(body as string), status };
  } catch {
    return fail(invalid, `${what} answered HTTP ${status}, not JSON (${response.headers.get('content-type') ?? 'no content type'}).`, { status });
  }
}
