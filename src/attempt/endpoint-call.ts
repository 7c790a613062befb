import { fail, messageOf } from './failure.js';
import type { RelinkErrorCode } from '../shell/types.js';
import type { EndpointConfig } from './config.js';
import { ABORTED, TIMEOUT, within } from './deadline.js';

/** How a call and its failures are named in messages and codes. */
export interface CallNames {
  /** The endpoint, for messages: "The session endpoint". */
  readonly endpoint: string;
  /** The property that replaces it, for messages: "fetchSession". */
  readonly fn: string;
  /** Not reached, timed out, or the function threw. */
  readonly unreachable: RelinkErrorCode;
  /** A non-2xx answer. */
  readonly httpError: RelinkErrorCode;
  /** An answer that is not JSON. */
  readonly notJson: RelinkErrorCode;
}

/** The endpoint and the body to POST to it, or the page's function (called with the signal). */
export type EndpointSource =
  { readonly url: string; readonly body: unknown } | { readonly call: (signal: AbortSignal) => Promise<unknown> };

/** A JSON answer, and the HTTP status it came with (none from a function). */
export interface JsonAnswer {
  readonly body: unknown;
  readonly status?: number;
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

/** 408, 429 and 5xx may pass on their own; other statuses will answer the same again. */
const retryableStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/**
 * POSTs `body` as JSON. Nothing the request carries (the body, the page's `headers`, cookies)
 * may reach another origin through a redirect: to an endpoint on the page's own origin the
 * request is same-origin, which the browser refuses to carry to another origin before it sends
 * anything; a cross-origin endpoint must answer itself, so its redirects are not followed.
 */
async function post(url: string, body: unknown, config: EndpointConfig, signal: AbortSignal): Promise<Response> {
  const sameOrigin = new URL(url).origin === location.origin;
  // The page's headers, with the request's own content type and accept whatever they say.
  const headers = new Headers(config.headers);
  headers.set('content-type', 'application/json');
  headers.set('accept', 'application/json');
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    credentials: config.credentials,
    cache: 'no-store',
    mode: sameOrigin ? 'same-origin' : 'cors',
    redirect: sameOrigin ? 'follow' : 'manual',
    signal,
  });
  if (response.type === 'opaqueredirect')
    throw new Error('it redirected, and a cross-origin endpoint must answer itself');
  return response;
}

/**
 * Gets a JSON answer from the endpoint or from the page's function, within
 * `session-timeout`. Throws the error to report, named by `names`, or ABORTED.
 */
export async function callEndpoint(
  names: CallNames,
  source: EndpointSource,
  config: EndpointConfig,
  signal: AbortSignal,
): Promise<JsonAnswer> {
  const what = 'url' in source ? names.endpoint : names.fn;
  const httpError = (status: number, detail: unknown): never =>
    fail(
      names.httpError,
      `${what} answered HTTP ${status}${typeof detail === 'string' && detail ? `: ${detail}` : '.'}`,
      {
        status,
        retryable: retryableStatus(status),
      },
    );
  let answer: { readonly body: unknown } | { readonly response: Response; readonly text: string };
  try {
    answer = await within(config.sessionTimeout, signal, async (limit) => {
      if ('call' in source) return { body: await source.call(limit) };
      const response = await post(source.url, source.body, config, limit);
      return { response, text: await response.text() };
    });
  } catch (error) {
    if (error === ABORTED) throw error;
    if (error === TIMEOUT)
      fail(names.unreachable, `${what} did not answer within ${config.sessionTimeout} ms (session-timeout).`);
    // The page's function may reject with the HTTP status it got (fetch wrappers do).
    const status = 'call' in source ? (error as { status?: unknown } | null)?.status : undefined;
    if (typeof status === 'number' && status >= 400 && status <= 599) httpError(status, messageOf(error));
    return fail(names.unreachable, `${what} could not be reached: ${messageOf(error)}`);
  }
  if ('body' in answer) return answer;
  const { response, text } = answer;
  const { status } = response;
  if (!response.ok) httpError(status, endpointMessage(text));
  try {
    return { body: JSON.parse(text), status };
  } catch {
    return fail(
      names.notJson,
      `${what} answered HTTP ${status}, not JSON (${response.headers.get('content-type') ?? 'no content type'}).`,
      { status },
    );
  }
}
