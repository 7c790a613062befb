import { http, HttpResponse, type HttpHandler } from 'msw';
import type { FakeSession, FakeStripe, FakeStripeApiError } from './fake-types.js';

/** How the mocked hosted-session endpoint answers. */
export type HostedEndpointScenario =
  /** A hosted session, as `createHostedRelinkHandler` answers. */
  | 'ok'
  /** A hosted session whose link has expired before the customer opens it. */
  | 'expired-link';

export interface HostedEndpointOptions {
  /** Default: `/api/relink-hosted`. */
  url?: string;
  /**
   * Where Stripe sends the customer back, or a function asked at each request (a demo page
   * returns its own `location.href`). Default: the request's `Referer`, else `/`.
   */
  returnUrl?: string | (() => string);
  /** Default: `ok`. Can be changed later through the returned object. */
  scenario?: HostedEndpointScenario;
}

export interface HostedEndpoint {
  /** Pass to `setupWorker(...)` / `setupServer(...)` or `worker.use(...)`. */
  readonly handler: HttpHandler;
  scenario: HostedEndpointScenario;
  /** Hosted sessions the endpoint created, in order. */
  readonly sessions: readonly FakeSession[];
  /**
   * The origin of the fake's hosted page, which is not Stripe's: set it as the element's
   * `hosted-origins` (`element.hostedOrigins = endpoint.hostedOrigin`) for the tab to go there.
   */
  readonly hostedOrigin: string;
}

const jsonError = (status: number, error: { message: string; type: string; code: string }, headers: HeadersInit = {}) =>
  HttpResponse.json({ error }, { status, headers });

const isApiError = (error: unknown): error is FakeStripeApiError =>
  error instanceof Error && error.name === 'FakeStripeApiError';

/**
 * An msw handler for the hosted-session endpoint (`createHostedRelinkHandler`'s contract): a
 * POST `{"account":"fca_…","delivery":"url"|"email"}` answers `{ id, url }` or
 * `{ id, delivery: 'email' }`, and a second email for the same account within 48 hours answers
 * 429 `relink_rate_limited` with a `Retry-After`. Backed by a fake Stripe, whose hosted page
 * (`fake.openHostedPage(url)`) the customer then acts on.
 */
export function createHostedEndpoint(fake: FakeStripe, options: HostedEndpointOptions = {}): HostedEndpoint {
  const sessions: FakeSession[] = [];
  const state = { scenario: options.scenario ?? ('ok' as HostedEndpointScenario) };

  const handler = http.post(options.url ?? '/api/relink-hosted', async ({ request }) => {
    if (!/^application\/json\b/.test(request.headers.get('content-type') ?? '')) {
      return jsonError(415, { message: 'Send JSON.', type: 'invalid_request_error', code: 'unsupported_media_type' });
    }
    const body: unknown = await request.json().catch(() => null);
    const { account, delivery = 'url' } = (typeof body === 'object' && body !== null ? body : {}) as {
      account?: unknown;
      delivery?: unknown;
    };
    if (
      typeof account !== 'string' ||
      fake.authorizationOf(account) === undefined ||
      (delivery !== 'url' && delivery !== 'email')
    ) {
      return jsonError(400, {
        message: 'Expected {"account":"fca_…","delivery":"url"|"email"}.',
        type: 'invalid_request_error',
        code: 'invalid_request',
      });
    }
    const { returnUrl: given } = options;
    const returnUrl =
      (typeof given === 'function' ? given() : given) ??
      request.headers.get('referer') ??
      new URL('/', request.url).href;
    let session: FakeSession;
    try {
      session = fake.createSession({
        account,
        ui_mode: 'hosted',
        hosted: { delivery_method: delivery },
        return_url: returnUrl,
      });
    } catch (error) {
      if (!isApiError(error) || error.code !== 'hosted_relink_email_rate_limited') throw error;
      const retryAfter =
        error.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(error.retryAfterSeconds) };
      return jsonError(
        429,
        {
          message: 'A relink email was sent for this account less than 48 hours ago.',
          type: 'invalid_request_error',
          code: 'relink_rate_limited',
        },
        retryAfter,
      );
    }
    sessions.push(session);
    // The link is handed out first, then expires: the customer finds an expired page behind it.
    const { id, url } = session;
    if (state.scenario === 'expired-link') fake.expireHostedLink(id);
    return HttpResponse.json(delivery === 'email' ? { id, delivery: 'email' } : { id, url });
  });

  return {
    handler,
    sessions,
    hostedOrigin: fake.hostedPageOrigin,
    get scenario() {
      return state.scenario;
    },
    set scenario(next: HostedEndpointScenario) {
      state.scenario = next;
    },
  };
}
