// Stripe's hosted relink page, simulated: the 48-hour email limit, link expiry, and a customer
// who relinks, cancels or fails there and is sent back to the return URL.
import { settle } from './fake-outcome.js';
import type {
  FakeAuthorization,
  FakeHostedEmail,
  FakeHostedPage,
  FakeSession,
  FakeStripeApiError,
} from './fake-types.js';

/** Stripe sends at most one hosted relink email per account in this window. */
export const EMAIL_WINDOW_MS = 48 * 60 * 60 * 1000;
/** A hosted link nobody visited expires after this long. */
export const HOSTED_LINK_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Builds an error in the shape of Stripe's API errors.
 *
 * @example
 * throw apiError('resource_missing', 'No such session.', 404);
 */
export function apiError(
  code: string,
  message: string,
  statusCode = 400,
  retryAfterSeconds?: number,
): FakeStripeApiError {
  return Object.assign(new Error(message), {
    name: 'FakeStripeApiError',
    type: 'invalid_request_error' as const,
    code,
    statusCode,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
}

/**
 * Throws the 48-hour limit's error when an email about `about` went out less than 48 hours ago
 * and that request is still open (a completed relink clears the limit).
 * ASSUMED: Stripe's real error for this is not documented; the fake answers
 * `invalid_request_error` / `hosted_relink_email_rate_limited` with a Retry-After.
 */
export function checkEmailLimit(
  emails: readonly FakeHostedEmail[],
  sessions: ReadonlyMap<string, FakeSession>,
  about: string,
  now: number,
): void {
  const open = emails.filter(
    (e) => e.about === about && now - e.sentAt < EMAIL_WINDOW_MS && sessions.get(e.session)?.status === 'pending',
  );
  if (open.length === 0) return;
  const wait = Math.ceil((Math.max(...open.map((e) => e.sentAt)) + EMAIL_WINDOW_MS - now) / 1000);
  throw apiError(
    'hosted_relink_email_rate_limited',
    'A relink email was already sent for this account in the last 48 hours.',
    400,
    wait,
  );
}

function sessionIdOf(sessionOrUrl: string): string {
  if (sessionOrUrl.startsWith('fcsess_')) return sessionOrUrl;
  return URL.canParse(sessionOrUrl) ? (new URL(sessionOrUrl).searchParams.get('session') ?? '') : '';
}

/**
 * The customer on the hosted page of a session. The first visit keeps the link from expiring.
 *
 * @example
 * const page = openPage(state, url, Date.now());
 * location.assign(page.relink());
 */
export function openPage(
  state: {
    readonly sessions: ReadonlyMap<string, FakeSession>;
    readonly authorizations: ReadonlyMap<string, FakeAuthorization>;
    readonly visited: Set<string>;
  },
  sessionOrUrl: string,
  now: number,
): FakeHostedPage {
  const session = state.sessions.get(sessionIdOf(sessionOrUrl));
  const hosted = session?.ui_mode === 'hosted' ? session : undefined;
  const auth = hosted === undefined ? undefined : state.authorizations.get(hosted.relink_options.authorization);
  const pageState: FakeHostedPage['state'] =
    hosted === undefined
      ? 'not_found'
      : hosted.status !== 'pending'
        ? 'completed'
        : !state.visited.has(hosted.id) && now >= hosted.expiresAt
          ? 'expired'
          : 'open';
  if (pageState === 'open' && hosted !== undefined) state.visited.add(hosted.id);
  const expected = hosted?.relink_options.account ?? null;
  const accounts = (auth?.accounts ?? []).filter((a) => expected === null || a.id === expected);

  const act = (run: (session: FakeSession) => void): string => {
    if (pageState !== 'open' || hosted === undefined) {
      throw new Error(`This hosted page is ${pageState}: the customer cannot act on it.`);
    }
    run(hosted);
    hosted.url = null;
    return hosted.hosted?.return_url ?? hosted.return_url ?? '';
  };
  return {
    state: pageState,
    session: hosted,
    accounts,
    relink: (select) =>
      act((s) => {
        const chosen = select === undefined ? accounts.slice(0, 1) : accounts.filter((a) => select.includes(a.id));
        settle(s, auth, { kind: 'relink', accounts: chosen });
      }),
    cancel: () => act((s) => void settle(s, auth, { kind: 'cancel' })),
    fail: (reason) => act((s) => void settle(s, auth, { kind: 'fail', reason })),
  };
}
