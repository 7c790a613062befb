// The hosted half of fc-relink (ui="hosted"), loaded by the element through import() only where
// it is used: the attempt sends the tab to Stripe's hosted page, and the element on the page
// Stripe returns to reports how it ended.
// It builds on the attempt half in one way only: it fetches it through import(), as the element
// does, and uses what its index exports. A static import of an attempt module would make a
// bundler split the modules both use into a chunk of their own.
import type { AttemptHooks, AttemptHost, AttemptOutcome } from '../attempt/index.js';
import type { RelinkHostedRequest } from '../shared/wire.js';
import { claimRecord, saveRecord, type HostedRecord } from './record.js';

type AttemptHalf = typeof import('../attempt/index.js');
const attemptHalf = (): Promise<AttemptHalf> => import('../attempt/index.js');

/** The report of how a hosted relink ended: an attempt, under the id of the attempt that started it. */
export interface HostedReport {
  readonly attemptId: string;
  run(hooks: AttemptHooks): Promise<AttemptOutcome>;
}

/**
 * On the page Stripe returned to: if this tab has a hosted relink to report, and it is this
 * element's (same `account`, or none set), claims it and returns the attempt that reports it.
 */
export async function returned(host: AttemptHost): Promise<HostedReport | null> {
  const attempt = await attemptHalf();
  const record = claimRecord(attempt.given(host.account));
  return record && { attemptId: record.attempt, run: (hooks) => resumeHosted(host, hooks, record) };
}

/** A hosted session as the endpoint answered it: its id, and Stripe's page to send the tab to. */
function parseHosted({ fail, isObject, isSessionId, withStatus }: AttemptHalf, body: unknown, status: number | undefined): { id: string; url: string } {
  const bad = (why: string): never => fail('invalid_session_response', `Bad hosted session response: ${why}`, withStatus(status));
  if (!isObject(body)) return bad('not an object.');
  const { id, url: page } = body;
  if (!isSessionId(id)) return bad('id is not a session id like fcsess_….');
  if (typeof page !== 'string') return bad('no url.');
  // Stripe's page, as given: http(s) only, never a script or data URL.
  let href: URL;
  try {
    href = new URL(page);
  } catch {
    return bad('url is not a URL.');
  }
  return /^https?:$/.test(href.protocol) ? { id, url: href.href } : bad('url is not an http(s) URL.');
}

/** Resolves when the page is shown again from the back/forward cache (the customer came back). */
const shownAgain = (): Promise<void> =>
  new Promise((resolve) => {
    const onShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      removeEventListener('pageshow', onShow);
      resolve();
    };
    addEventListener('pageshow', onShow);
  });

/**
 * Starts a hosted relink: asks `session-url` for a hosted session (`{"account","delivery":"url"}`),
 * remembers `{ id, account, mode }` in sessionStorage, and sends this tab to Stripe's page. The
 * outcome is reported by the element on the page Stripe returns to; if the customer comes back
 * here through the browser's back button instead, it is reported here.
 */
export async function startHosted(host: AttemptHost, hooks: AttemptHooks): Promise<AttemptOutcome> {
  const attempt = await attemptHalf();
  const { invalidConfig } = attempt;
  try {
    const config = attempt.validateEndpoints(host);
    const account = config.account ?? invalidConfig('account is required with ui="hosted": hosted relink repairs one known account.');
    const sessionUrl = attempt.url(host.sessionUrl, 'session-url') ?? invalidConfig('session-url is required with ui="hosted".');
    hooks.enter('loading');
    const body: RelinkHostedRequest = { account, delivery: 'url', attempt: hooks.attemptId };
    const answer = await attempt.callEndpoint(attempt.SESSION_CALL, { url: sessionUrl, body }, config, hooks.signal);
    const session = parseHosted(attempt, answer.body, answer.status);
    saveRecord({ id: session.id, account, mode: 'same_account', at: Date.now(), attempt: hooks.attemptId });
    hooks.started({ mode: 'same_account', account, sessionId: session.id });
    hooks.enter('open');
    location.assign(session.url);
  } catch (error) {
    // Removed from the page before the tab left: nothing was started.
    if (error === attempt.ABORTED) return { status: 'cancel', mode: null, sessionId: null };
    return { status: 'error', error: attempt.detailOf(error, 'session_request_failed') };
  }
  await shownAgain();
  const record = claimRecord(attempt.given(host.account));
  return record ? resumeHosted(host, hooks, record) : { status: 'cancel', mode: 'same_account', sessionId: null };
}

/**
 * Reports how a hosted relink ended, on the page Stripe returned to: asks the server (verify-url
 * or verifySession), and ends with success when it confirms the relink, cancel when the
 * session was cancelled, else verification_failed.
 */
async function resumeHosted(host: AttemptHost, hooks: AttemptHooks, record: HostedRecord): Promise<AttemptOutcome> {
  const { id: sessionId, account, mode } = record;
  const attempt = await attemptHalf();
  try {
    const config = attempt.validateEndpoints(host);
    const verify = config.verify ?? attempt.invalidConfig('verify-url is required to report a hosted relink.');
    hooks.enter('verifying');
    const answer = await attempt.askServer({ ...config, account }, verify, sessionId, hooks.attemptId);
    if (attempt.isObject(answer.body) && answer.body.status === 'cancelled') return { status: 'cancel', mode, sessionId };
    attempt.confirmed(answer, { sessionId, mode, account, authorization: null });
    return { status: 'success', mode, sessionId, accounts: [] };
  } catch (error) {
    return { status: 'error', error: attempt.detailOf(error, 'verification_failed') };
  }
}
