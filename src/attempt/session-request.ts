import { parseSession, type AttemptConfig, type ValidSession } from './config.js';
import { callJson, type CallNames } from './json-call.js';

const NAMES: CallNames = [
  'The session endpoint',
  'fetchSession',
  ['session_request_failed', 'session_http_error', 'invalid_session_response'],
];

/**
 * Obtains a fresh session for one attempt, from the endpoint (`{"account":…}` or `{}`) or
 * `fetchSession`, within `session-timeout`, and validates it. Throws the error to report, or
 * ABORTED.
 */
export async function requestSession(config: AttemptConfig, signal: AbortSignal): Promise<ValidSession> {
  const { fetchSession, account } = config;
  const { body, status } = await callJson(
    NAMES,
    fetchSession
      ? { call: (s) => fetchSession({ account, signal: s }) }
      : { url: config.sessionUrl as string, body: account === null ? {} : { account } },
    config,
    signal,
  );
  return parseSession(body, status);
}
