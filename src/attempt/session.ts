import { isClientSecret, isSessionId, isStripeId, type StripeIdPrefix } from '../common/ids.js';
import type { RelinkSessionRequest } from '../common/wire.js';
import type { RelinkMode } from '../shell/types.js';
import type { AttemptConfig } from './config.js';
import { callEndpoint, type CallNames } from './endpoint-call.js';
import { fail, withStatus } from './failure.js';
import { isObject } from './shapes.js';

/** A session response that passed validation. The secret stays inside the attempt. */
export interface ValidSession {
  readonly clientSecret: string;
  readonly mode: RelinkMode;
  readonly authorization: string;
  readonly account: string | null;
  readonly sessionId: string | null;
  readonly livemode: boolean | null;
}

/** How the session request and its failures are named. */
export const SESSION_CALL: CallNames = {
  endpoint: 'The session endpoint',
  fn: 'fetchSession',
  unreachable: 'session_request_failed',
  httpError: 'session_http_error',
  notJson: 'invalid_session_response',
};

/**
 * Validates a session response (from the endpoint or `fetchSession`), or throws
 * invalid_session_response (with the HTTP `status` it came with, if any). Only the fields the
 * attempt needs are kept; nothing from the body is echoed except ids, which are not secret.
 */
export function parseSession(body: unknown, status?: number): ValidSession {
  const bad = (why: string): never =>
    fail('invalid_session_response', `Bad session response: ${why}`, withStatus(status));
  const record = (value: unknown, why: string): Record<string, unknown> =>
    isObject(value) && !Array.isArray(value) ? value : bad(why);
  const optionalId = (value: unknown, prefix: StripeIdPrefix, name: string): string | null =>
    value == null ? null : isStripeId(value, prefix) ? value : bad(`${name} is not ${prefix}….`);

  const session = record(body, 'not an object.');
  const secret = session.client_secret;
  if (typeof secret !== 'string') return bad('no client_secret.');
  if (!isClientSecret(secret)) bad('client_secret is not fcsess_…_secret_….');
  const options = record(session.relink_options, 'no relink_options.');
  const authorization = isStripeId(options.authorization, 'fcauth_')
    ? options.authorization
    : bad('relink_options.authorization is not fcauth_….');
  const account = optionalId(options.account, 'fca_', 'relink_options.account');
  const { livemode } = session;
  return {
    clientSecret: secret,
    mode: account === null ? 'any_account' : 'same_account',
    authorization,
    account,
    // An id is shown in events and kept in storage: never the client secret in its place.
    sessionId:
      session.id == null ? null : isSessionId(session.id) ? session.id : bad('id is not a session id like fcsess_….'),
    livemode: livemode == null ? null : typeof livemode === 'boolean' ? livemode : bad('livemode is not a boolean.'),
  };
}

/**
 * Obtains a fresh session for one attempt, from the endpoint (`{"account":…,"attempt":…}`, no `account` for any account) or
 * `fetchSession`, within `session-timeout`, and validates it. Throws the error to report, or
 * ABORTED.
 */
export async function requestSession(
  config: AttemptConfig,
  attempt: string,
  signal: AbortSignal,
): Promise<ValidSession> {
  const { session, account } = config;
  const body: RelinkSessionRequest = account === null ? { attempt } : { account, attempt };
  const { body: answer, status } = await callEndpoint(
    SESSION_CALL,
    'call' in session
      ? { call: (limit) => session.call({ account, attempt, signal: limit }) }
      : { url: session.url, body },
    config,
    signal,
  );
  return parseSession(answer, status);
}

/** Fails closed when the session is not the one this element asked for; before Stripe opens. */
export function checkSession(config: AttemptConfig, session: ValidSession): void {
  if (config.account !== null && session.account !== config.account) {
    fail(
      'session_mismatch',
      `The endpoint's session is for ${session.account ?? 'any account'}, not ${config.account}.`,
    );
  }
  // Caught here, before the flow opens, rather than after the customer has gone through it.
  if (config.livemode !== null && session.livemode !== null && session.livemode !== config.livemode) {
    fail(
      'livemode_mismatch',
      `The endpoint's session is not in ${config.livemode ? 'live' : 'test'} mode, as the key is.`,
      {
        stage: 'session',
      },
    );
  }
  // The server check must be about this attempt's session, named by the endpoint, not by
  // whatever Stripe.js (or a stand-in for it) later reports.
  if (config.verify !== null && session.sessionId === null) {
    fail('invalid_session_response', 'Bad session response: verify-url needs its id.');
  }
}
