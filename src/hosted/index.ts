// The hosted half of fc-relink (ui="hosted"), loaded by the element through import() only where
// it is used: the attempt sends the tab to Stripe's hosted page, and the element on the page
// Stripe returns to reports how it ended.
// It builds on the attempt half in one way only: it fetches it through import(), as the element
// does, and uses what its index exports. A static import of an attempt module would make a
// bundler split the modules both use into a chunk of their own.
import type { AttemptHooks, AttemptOutcome } from '../attempt/index.js';
import { hostedPageUrl } from '../common/hosted-page.js';
import type { RelinkHostedRequest } from '../common/wire.js';
import { cameBack, hostedOrigins, LEAVE_TIMEOUT_MS, leftOrStayed, type HostedHost } from './leaving.js';
import { claimRecord, forgetRecord, saveRecord, type HostedRecord } from './record.js';

type AttemptHalf = typeof import('../attempt/index.js');
const attemptHalf = (): Promise<AttemptHalf> => import('../attempt/index.js');

/** The report of how a hosted relink ended: an attempt, under the id of the attempt that started it. */
export interface HostedReport {
  readonly attemptId: string;
  run(hooks: AttemptHooks): Promise<AttemptOutcome>;
}

/**
 * On the page Stripe returned to (or the one the back button brought back): if this tab has a
 * hosted relink to report, and it is this element's (same `account`, or none set), claims it
 * and returns the attempt that reports it.
 */
export async function returned(host: HostedHost): Promise<HostedReport | null> {
  const attempt = await attemptHalf();
  const record = claimRecord(attempt.given(host.account));
  const back = cameBack();
  return record && { attemptId: record.attempt, run: (hooks) => resumeHosted(attempt, host, hooks, record, back) };
}

/**
 * A hosted session as the endpoint answered it: its id, and Stripe's page to send the tab to.
 * The answer is untrusted, and the tab follows its `url` right after the customer asked to
 * reconnect their bank: only `https:` on Stripe's hosted-page hosts, or on an origin the page
 * itself allowed (`hosted-origins`), is followed.
 */
function parseHosted(
  { fail, isObject, isSessionId, withStatus }: AttemptHalf,
  body: unknown,
  status: number | undefined,
  origins: readonly string[],
): { id: string; url: string } {
  const bad = (why: string): never =>
    fail('invalid_session_response', `Bad hosted session response: ${why}`, withStatus(status));
  if (!isObject(body)) return bad('not an object.');
  const { id, url: page } = body;
  if (!isSessionId(id)) return bad('id is not a session id like fcsess_….');
  if (typeof page !== 'string') return bad('no url.');
  const url = hostedPageUrl(page, origins);
  return url === null ? bad("url is not https: on Stripe's hosted-page hosts (or on hosted-origins).") : { id, url };
}

/**
 * Starts a hosted relink: asks `session-url` for a hosted session
 * (`{"account","delivery":"url","attempt"}`), remembers `{ id, account, mode, attempt }` in
 * sessionStorage, and sends this tab to Stripe's page. The outcome is reported by the element on
 * the page Stripe returns to; if the customer comes back here through the browser's back button
 * instead, it is reported here. A tab that never leaves ends the attempt (see `leftOrStayed`).
 */
export async function startHosted(host: HostedHost, hooks: AttemptHooks): Promise<AttemptOutcome> {
  const attempt = await attemptHalf();
  const { invalidConfig } = attempt;
  let left: ReturnType<typeof leftOrStayed>;
  try {
    const config = attempt.validateEndpoints(host);
    const origins =
      hostedOrigins(host.hostedOrigins) ??
      invalidConfig('hosted-origins must be origins such as http://localhost:8000.');
    const account =
      config.account ?? invalidConfig('account is required with ui="hosted": hosted relink repairs one known account.');
    const sessionUrl =
      attempt.url(host.sessionUrl, 'session-url') ?? invalidConfig('session-url is required with ui="hosted".');
    hooks.enter('loading');
    const body: RelinkHostedRequest = { account, delivery: 'url', attempt: hooks.attemptId };
    const answer = await attempt.callEndpoint(attempt.SESSION_CALL, { url: sessionUrl, body }, config, hooks.signal);
    const session = parseHosted(attempt, answer.body, answer.status, origins);
    saveRecord({ id: session.id, account, mode: 'same_account', at: Date.now(), attempt: hooks.attemptId });
    hooks.started({ mode: 'same_account', account, sessionId: session.id });
    hooks.enter('open');
    left = leftOrStayed();
    location.assign(session.url);
  } catch (error) {
    // Removed from the page before the tab left: nothing was started.
    if (error === attempt.ABORTED) return { status: 'cancel', mode: null, sessionId: null };
    return { status: 'error', error: attempt.detailOf(error, 'session_request_failed') };
  }
  if ((await left) === 'stayed') {
    // The tab never left (the page answered 204, the url differed only by its #fragment, or
    // the customer pressed Stop): the attempt ends, so the button works again.
    forgetRecord();
    const why =
      `The tab did not leave for Stripe's hosted page within ${LEAVE_TIMEOUT_MS} ms ` +
      '(no page came back, or loading was stopped).';
    return { status: 'error', error: attempt.relinkError('session_request_failed', why) };
  }
  const record = claimRecord(attempt.given(host.account));
  return record
    ? resumeHosted(attempt, host, hooks, record, true)
    : { status: 'cancel', mode: 'same_account', sessionId: null };
}

/**
 * Reports how a hosted relink ended, on the page Stripe returned to, or the one the customer
 * came back to with the back button (`back`): asks the server (verify-url or verifySession), and
 * ends with success when it confirms the relink; cancel when the session was cancelled, or when
 * the customer came back with the session still `pending` (they left Stripe's page without
 * finishing); else verification_failed (Stripe sent them back, yet the session did not settle).
 */
async function resumeHosted(
  attempt: AttemptHalf,
  host: HostedHost,
  hooks: AttemptHooks,
  record: HostedRecord,
  back: boolean,
): Promise<AttemptOutcome> {
  const { id: sessionId, account, mode } = record;
  try {
    const config = attempt.validateEndpoints(host);
    const verify = config.verify ?? attempt.invalidConfig('verify-url is required to report a hosted relink.');
    hooks.enter('verifying');
    const answer = await attempt.askServer({ ...config, account }, verify, sessionId, hooks.attemptId);
    const status = attempt.isObject(answer.body) ? answer.body.status : undefined;
    if (status === 'cancelled' || (back && status === 'pending')) return { status: 'cancel', mode, sessionId };
    attempt.confirmed(answer, { sessionId, mode, account, authorization: null });
    return { status: 'success', mode, sessionId, accounts: [] };
  } catch (error) {
    return { status: 'error', error: attempt.detailOf(error, 'verification_failed') };
  }
}
