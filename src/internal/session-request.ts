import { parseSession, type AttemptConfig, type ValidSession } from './config.js';
import { callJson, fail, type CallNames, type Step } from './json-call.js';

const NAMES: CallNames = {
  endpoint: 'The session endpoint',
  fn: 'fetchSession',
  timeoutAttribute: 'session-timeout',
  unreachable: 'session_request_failed',
  http: 'session_http_error',
  invalid: 'invalid_session_response',
};

/**
 * Obtains a fresh session for one attempt, from the endpoint (`{"account":…}` or `{}`) or
 * `fetchSession`, within `sessionTimeout`, and validates it. Never rejects.
 */
export async function requestSession(config: AttemptConfig, signal: AbortSignal): Promise<Step<ValidSession>> {
  const { source, account } = config;
  const answer = await callJson({
    source:
      source.kind === 'endpoint'
        ? { kind: 'endpoint', url: source.url, body: account === null ? {} : { account } }
        : { kind: 'function', call: (s) => source.fetchSession({ account, signal: s }) },
    headers: config.headers,
    credentials: config.credentials,
    timeout: config.sessionTimeout,
    signal,
    names: NAMES,
  });
  if (answer.kind !== 'ok') return answer;
  const parsed = parseSession(answer.value.body);
  if (parsed.ok) return { kind: 'ok', value: parsed.value };
  const { status } = answer.value;
  return fail(status === undefined ? parsed.error : { ...parsed.error, status });
}
