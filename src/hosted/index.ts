// The hosted half of fc-relink (ui="hosted"), loaded by the element through import() only where
// it is used: the attempt sends the tab to Stripe's hosted page, and the element on the page
// Stripe returns to reports how it ended.
// It builds on the attempt half, which it fetches through import() like the element does, so that
// a bundler keeps each half in a chunk of its own rather than splitting out what both use.
import type { AttemptHooks, AttemptHost } from '../attempt/index.js';
import { hostedPageUrl } from '../hosted-page.js';
import type { RelinkOutcome } from '../types.js';
import { cameBack, hostedOrigins, LEAVE_TIMEOUT_MS, leftOrStayed, type HostedHost } from './leaving.js';
import { claimRecord, forgetRecord, saveRecord, type HostedRecord } from './record.js';


/**
 * On the page Stripe returned to: if this tab has a hosted relink to report, and it is this
 * element's (same `account`, or none set), claims it and has the element `run` its report.
 */
export function returned(host: AttemptHost, run: (attempt: (hooks: AttemptHooks) => Promise<RelinkOutcome>) => unknown): void {
  const record = claimRecord(host.account?.trim() || null);
  if (record) run((hooks) => resumeHosted(host, hooks, record, cameBack()));
}

type AttemptHalf = typeof import('../attempt/index.js');
const attemptHalf = (): Promise<AttemptHalf> => import('../attempt/index.js');

/**
 * A hosted session as the endpoint answered it: its id, and Stripe's page to send the tab to.
 * The answer is untrusted, and the tab follows its `url` right after the customer asked to
 * reconnect their bank: only `https:` on Stripe's hosted-page hosts, or on an origin the page
 * itself allowed (`hosted-origins`), is followed.
 */
function parseHosted(
  { fail, isObject, isStripeId }: AttemptHalf,
  body: unknown,
  status: number | undefined,
  origins: readonly string[],
): { id: string; url: string } {
  const bad = (why: string): never =>
    fail('invalid_session_response', `Bad hosted session response: ${why}`, status === undefined ? {} : { status });
  if (!isObject(body)) return bad('not an object.');
  const { id, url: page } = body;
  if (!isStripeId(id, 'fcsess_')) return bad('id is not fcsess_….');
  if (typeof page !== 'string') return bad('no url.');
  const url = hostedPageUrl(page, origins);
  return url === null ? bad("url is not https: on Stripe's hosted-page hosts (or on hosted-origins).") : { id, url };
}

/**
 * Starts a hosted relink: asks `session-url` for a hosted session (`{"account","delivery":"url"}`),
 * remembers `{ id, account, mode }` in sessionStorage, and sends this tab to Stripe's page. The
 * outcome is reported by the element on the page Stripe returns to; if the customer comes back
 * here through the browser's back button instead, it is reported here.
 */
export async function startHosted(host: HostedHost, hooks: AttemptHooks): Promise<RelinkOutcome> {
  const attempt = await attemptHalf();
  const { invalid } = attempt;
  let left: ReturnType<typeof leftOrStayed>;
  try {
    const config = attempt.validateEndpoints(host);
    const origins =
      hostedOrigins(host.hostedOrigins) ?? invalid('hosted-origins must be origins such as http://localhost:8000.');
    const account = config.account ?? invalid('account is required with ui="hosted": hosted relink repairs one known account.');
    const sessionUrl = attempt.url(host.sessionUrl, 'session-url') ?? invalid('session-url is required with ui="hosted".');
    hooks.enter('loading');
    const body = { account, delivery: 'url' };
    const answer = await attempt.callEndpoint(attempt.SESSION_CALL, { url: sessionUrl, body }, config, hooks.signal);
    const session = parseHosted(attempt, answer.body, answer.status, origins);
    saveRecord({ id: session.id, account, mode: 'same_account', at: Date.now() });
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
  const record = claimRecord(host.account?.trim() || null);
  return record ? resumeHosted(host, hooks, record, true) : { status: 'cancel', mode: 'same_account', sessionId: null };
}

/**
 * Reports how a hosted relink ended, on the page Stripe returned to, or the one the customer
 * came back to with the back button (`back`): asks the server (verify-url or verifySession), and
 * ends with success when it confirms the relink; cancel when the session was cancelled, or when
 * the customer came back with the session still `pending` (they left Stripe's page without
 * finishing); else verification_failed (Stripe sent them back, yet the session did not settle).
 */
async function resumeHosted(
  host: AttemptHost,
  hooks: AttemptHooks,
  record: HostedRecord,
  back: boolean,
): Promise<RelinkOutcome> {
  const { id: sessionId, account, mode } = record;
  const attempt = await attemptHalf();
  try {
    const config = attempt.validateEndpoints(host);
    const verify = config.verify ?? attempt.invalid('verify-url is required to report a hosted relink.');
    hooks.enter('verifying');
    const { askServer, unconfirmed } = await import('../verify/index.js');
    const { body, status } = await askServer(attempt, { ...config, account }, verify, sessionId);
    const left = attempt.isObject(body) && (body.status === 'cancelled' || (back && body.status === 'pending'));
    if (left) return { status: 'cancel', mode, sessionId };
    const why = unconfirmed(attempt, body, { sessionId, mode, account, authorization: null });
    if (why !== null) attempt.fail('verification_failed', `The server did not confirm the relink: ${why}.`, status === undefined ? {} : { status });
    return { status: 'success', mode, sessionId, accounts: [] };
  } catch (error) {
    return { status: 'error', error: attempt.detailOf(error, 'verification_failed') };
  }
}
