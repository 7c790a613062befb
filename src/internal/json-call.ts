import { relinkError } from '../errors.js';
import type { RelinkErrorCode, RelinkErrorDetail } from '../types.js';
import { deadline, raceAbort, seconds, type Deadline } from './deadline.js';

/** The result of one step of an attempt: a value, a reported error, or an abort. */
export type Step<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'error'; error: RelinkErrorDetail }
  | { kind: 'aborted' };

export const fail = (error: RelinkErrorDetail): Step<never> => ({ kind: 'error', error });

/**
 * Where a JSON answer comes from: the merchant's endpoint (POSTed `body`), or a function the app
 * supplied (called with the signal; its other arguments are the caller's closure).
 */
export type JsonSource =
  | { kind: 'endpoint'; url: string; body: unknown }
  | { kind: 'function'; call: (signal: AbortSignal) => Promise<unknown> };

/** How to name a call and its failures. */
export interface CallNames {
  /** "The session endpoint" */
  endpoint: string;
  /** "fetchSession" */
  fn: string;
  /** The attribute that sets the timeout, for messages. */
  timeoutAttribute: string;
  /** Code for an unreachable endpoint, a timeout, or a throwing function. */
  unreachable: RelinkErrorCode;
  /** Code for a non-2xx answer. */
  http: RelinkErrorCode;
  /** Code for an answer that is not JSON. */
  invalid: RelinkErrorCode;
}

export interface CallOptions {
  source: JsonSource;
  headers: Readonly<Record<string, string>>;
  credentials: RequestCredentials;
  timeout: number;
  signal: AbortSignal;
  names: CallNames;
}

/** A JSON body, and the HTTP status it came with (none from a function). */
export interface JsonAnswer {
  body: unknown;
  status?: number;
}

/**
 * Describes a thrown or rejected value for a message. Never throws itself: what a third party
 * (Stripe.js, a stand-in for it, fetchSession) rejects with may have a `message` getter or a
 * `toString` that throws, and the attempt must still end with its one outcome.
 */
export function messageOf(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error);
  } catch {
    return 'an error that could not be read';
  }
}

/** The HTTP status a rejected value carries, read without trusting it. */
function statusOf(error: unknown): unknown {
  try {
    return (error as { status?: unknown } | null)?.status;
  } catch {
    return undefined;
  }
}

/** 408, 429 and 5xx may pass on their own; other statuses will answer the same again. */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Pulls a human message out of an error body, in the shapes endpoints commonly use. */
function endpointMessage(text: string): string | null {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null) return null;
    const { error, message } = body as { error?: unknown; message?: unknown };
    if (typeof error === 'string') return error;
    if (typeof error === 'object' && error !== null) {
      const nested = (error as { message?: unknown }).message;
      if (typeof nested === 'string') return nested;
    }
    return typeof message === 'string' ? message : null;
  } catch {
    return null;
  }
}

function unreachable(error: unknown, limit: Deadline, options: CallOptions, what: string): Step<never> {
  const { names, timeout, signal } = options;
  if (limit.timedOut) {
    return fail(relinkError(names.unreachable, `${what} did not answer within ${seconds(timeout)} (${names.timeoutAttribute}).`));
  }
  if (signal.aborted) return { kind: 'aborted' };
  return fail(relinkError(names.unreachable, `${what} could not be reached: ${messageOf(error)}`));
}

function httpError(status: number, detail: string | null, what: string, names: CallNames): Step<never> {
  return fail(
    relinkError(names.http, `${what} answered HTTP ${status}${detail ? `: ${detail}` : '.'}`, {
      status,
      retryable: isRetryableStatus(status),
    }),
  );
}

async function viaEndpoint(url: string, body: unknown, options: CallOptions, limit: Deadline): Promise<Step<JsonAnswer>> {
  const what = options.names.endpoint;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { ...options.headers, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: options.credentials,
      cache: 'no-store',
      signal: limit.signal,
    });
    // The answer must come from the endpoint's own origin. A redirect elsewhere (a login page,
    // a moved API) is not the endpoint answering, whether or not that origin allows CORS: a
    // browser fails the same redirect without CORS as a network error, and so do we, with CORS.
    if (response.redirected && new URL(response.url).origin !== new URL(url).origin) {
      void response.body?.cancel().catch(() => {});
      throw new Error('it redirected to another origin');
    }
    text = await raceAbort(response.text(), limit.signal);
  } catch (error) {
    return unreachable(error, limit, options, what);
  }
  if (!response.ok) return httpError(response.status, endpointMessage(text), what, options.names);
  try {
    return { kind: 'ok', value: { body: JSON.parse(text), status: response.status } };
  } catch {
    const type = response.headers.get('content-type') ?? 'no content type';
    return fail(
      relinkError(options.names.invalid, `${what} answered HTTP ${response.status}, not JSON (${type}).`, {
        status: response.status,
      }),
    );
  }
}

async function viaFunction(
  call: (signal: AbortSignal) => Promise<unknown>,
  options: CallOptions,
  limit: Deadline,
): Promise<Step<JsonAnswer>> {
  const { names } = options;
  try {
    // A synchronous throw becomes a rejection here; raceAbort stops waiting for a function
    // that ignores its signal.
    const body = await raceAbort(Promise.resolve().then(() => call(limit.signal)), limit.signal);
    return { kind: 'ok', value: { body } };
  } catch (error) {
    const status = statusOf(error);
    if (!limit.timedOut && !options.signal.aborted && typeof status === 'number' && status >= 400 && status <= 599) {
      return httpError(status, messageOf(error), names.fn, names);
    }
    return unreachable(error, limit, options, names.fn);
  }
}

/**
 * POSTs the body as JSON to the endpoint (or calls the function) within `timeout`, and
 * resolves with the JSON answer or the error to report. Never rejects.
 */
export async function callJson(options: CallOptions): Promise<Step<JsonAnswer>> {
  const limit = deadline(options.timeout, options.signal);
  try {
    const { source } = options;
    return source.kind === 'endpoint'
      ? await viaEndpoint(source.url, source.body, options, limit)
      : await viaFunction(source.call, options, limit);
  } finally {
    limit.dispose();
  }
}
