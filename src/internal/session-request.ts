import { relinkError } from '../errors.js';
import type { FetchSession, RelinkErrorDetail } from '../types.js';
import { parseSession, type AttemptConfig, type ValidSession } from './config.js';
import { deadline, raceAbort, seconds, type Deadline } from './deadline.js';

/** The result of one step of an attempt: a value, a reported error, or an abort. */
export type Step<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'error'; error: RelinkErrorDetail }
  | { kind: 'aborted' };

const fail = (error: RelinkErrorDetail): Step<never> => ({ kind: 'error', error });

function fromParsed<T>(checked: { ok: true; value: T } | { ok: false; error: RelinkErrorDetail }): Step<T> {
  return checked.ok ? { kind: 'ok', value: checked.value } : fail(checked.error);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** 408, 429 and 5xx may pass on their own; other statuses will answer the same again. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Maps a failure to reach the endpoint (or of fetchSession) to the right outcome. */
function unreachable(error: unknown, limit: Deadline, parent: AbortSignal, ms: number, what: string): Step<never> {
  if (limit.timedOut) {
    return fail(relinkError('session_request_failed', `${what} did not answer within ${seconds(ms)} (session-timeout).`));
  }
  if (parent.aborted) return { kind: 'aborted' };
  return fail(relinkError('session_request_failed', `${what} could not be reached: ${messageOf(error)}`));
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

async function viaEndpoint(url: string, config: AttemptConfig, limit: Deadline, parent: AbortSignal): Promise<Step<ValidSession>> {
  const what = 'The session endpoint';
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { ...config.headers, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(config.account === null ? {} : { account: config.account }),
      credentials: config.credentials,
      cache: 'no-store',
      signal: limit.signal,
    });
    text = await raceAbort(response.text(), limit.signal);
  } catch (error) {
    return unreachable(error, limit, parent, config.sessionTimeout, what);
  }
  if (!response.ok) {
    const detail = endpointMessage(text);
    return fail(
      relinkError(
        'session_http_error',
        `${what} answered HTTP ${response.status}${detail ? `: ${detail}` : '.'}`,
        { status: response.status, retryable: isRetryableStatus(response.status) },
      ),
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const type = response.headers.get('content-type') ?? 'no content type';
    return fail(
      relinkError('invalid_session_response', `${what} answered HTTP ${response.status} with a body that is not JSON (${type}).`, {
        status: response.status,
      }),
    );
  }
  const parsed = parseSession(body);
  return parsed.ok ? { kind: 'ok', value: parsed.value } : fail({ ...parsed.error, status: response.status });
}

async function viaFunction(
  fetchSession: FetchSession,
  config: AttemptConfig,
  limit: Deadline,
  parent: AbortSignal,
): Promise<Step<ValidSession>> {
  let body: unknown;
  try {
    // A synchronous throw from fetchSession becomes a rejection here.
    body = await raceAbort(
      Promise.resolve().then(() => fetchSession({ account: config.account, signal: limit.signal })),
      limit.signal,
    );
  } catch (error) {
    const status = (error as { status?: unknown } | null)?.status;
    if (!limit.timedOut && !parent.aborted && typeof status === 'number' && status >= 400 && status <= 599) {
      return fail(
        relinkError('session_http_error', `fetchSession failed with HTTP ${status}: ${messageOf(error)}`, {
          status,
          retryable: isRetryableStatus(status),
        }),
      );
    }
    return unreachable(error, limit, parent, config.sessionTimeout, 'fetchSession');
  }
  return fromParsed(parseSession(body));
}

/**
 * Obtains a fresh session for one attempt, from the endpoint or `fetchSession`, within
 * `sessionTimeout`. Never rejects.
 */
export async function requestSession(config: AttemptConfig, signal: AbortSignal): Promise<Step<ValidSession>> {
  const limit = deadline(config.sessionTimeout, signal);
  try {
    const { source } = config;
    return source.kind === 'endpoint'
      ? await viaEndpoint(source.url, config, limit, signal)
      : await viaFunction(source.fetchSession, config, limit, signal);
  } finally {
    limit.dispose();
  }
}
