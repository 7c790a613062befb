import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { FakeSession, FakeStripe } from './fake-stripe.js';

/**
 * How the mocked merchant endpoint answers. `ok` implements the endpoint contract: a
 * same-account session for the requested `account`, an any-account session otherwise.
 */
export type EndpointScenario =
  /** A session per the contract. */
  | 'ok'
  /** Like `ok`, after `delayMs` (default 3000). */
  | 'slow'
  /** An any-account session even when an account was requested (→ `session_mismatch`). */
  | 'any-account'
  /** A same-account session for another account (→ `session_mismatch`). */
  | 'other-account'
  /** A session whose lifetime has already passed (→ `stripe_error`, retryable). */
  | 'expired'
  /** A session whose client secret has already opened a flow (→ `stripe_error`, retryable). */
  | 'used-session'
  | 'server-error'
  | 'rate-limited'
  | 'not-found'
  | 'forbidden'
  /** 401: the customer's session on the merchant's site has ended. */
  | 'signed-out'
  /** 200 with an HTML body. */
  | 'garbage'
  /** 200 with JSON of another shape. */
  | 'wrong-shape'
  /** 200 with a client secret that is not an `fcsess_…_secret_…`. */
  | 'malformed-secret'
  /** The request fails at the network level. */
  | 'network-error'
  /** The endpoint never answers. */
  | 'hang';

export const ENDPOINT_SCENARIOS: readonly EndpointScenario[] = Object.freeze([
  'ok',
  'slow',
  'any-account',
  'other-account',
  'expired',
  'used-session',
  'server-error',
  'rate-limited',
  'not-found',
  'forbidden',
  'signed-out',
  'garbage',
  'wrong-shape',
  'malformed-secret',
  'network-error',
  'hang',
]);

export interface SessionEndpointOptions {
  /** Default: `/api/relink-session`. */
  url?: string;
  /** Default: `ok`. Can be changed later through the returned object. */
  scenario?: EndpointScenario;
  /** For `slow`. Default: 3000. */
  delayMs?: number;
}

/** One request the mocked endpoint received. */
export interface RecordedSessionRequest {
  method: string;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  headers: Readonly<Record<string, string>>;
}

export interface SessionEndpoint {
  /** Pass to `setupWorker(...)` / `setupServer(...)` or `worker.use(...)`. */
  readonly handler: HttpHandler;
  scenario: EndpointScenario;
  delayMs: number;
  readonly requests: readonly RecordedSessionRequest[];
  /** Sessions the endpoint created, in order. */
  readonly sessions: readonly FakeSession[];
}

const jsonError = (status: number, message: string) => HttpResponse.json({ error: { message } }, { status });

/** Records a request (its JSON body parsed, or its text) and returns the body. */
async function record(request: Request, into: RecordedSessionRequest[]): Promise<unknown> {
  const text = await request.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Kept as text; the handler answers it.
  }
  into.push({ method: request.method, body, headers: Object.fromEntries(request.headers) });
  return body;
}

/**
 * An msw handler for the merchant endpoint, backed by a fake Stripe so that the sessions it
 * returns can really be launched (once) by that fake's Stripe.js.
 */
export function createSessionEndpoint(fake: FakeStripe, options: SessionEndpointOptions = {}): SessionEndpoint {
  const requests: RecordedSessionRequest[] = [];
  const sessions: FakeSession[] = [];
  const endpoint: { scenario: EndpointScenario; delayMs: number } = {
    scenario: options.scenario ?? 'ok',
    delayMs: options.delayMs ?? 3000,
  };

  const create = (params: Parameters<FakeStripe['createSession']>[0]) => {
    const session = fake.createSession(params);
    sessions.push(session);
    return session;
  };

  const handler = http.all(options.url ?? '/api/relink-session', async ({ request }) => {
    const body = await record(request, requests);
    if (request.method !== 'POST') return jsonError(405, 'Use POST.');
    if (typeof body !== 'object' || body === null) return jsonError(400, 'Expected a JSON object.');
    const requested = (body as { account?: unknown }).account;
    if (requested !== undefined && (typeof requested !== 'string' || !requested.startsWith('fca_'))) {
      return jsonError(400, 'account must be an fca_ id.');
    }
    const account = typeof requested === 'string' ? requested : null;
    const authorization = account === null ? undefined : fake.authorizationOf(account);
    if (account !== null && authorization === undefined) return jsonError(404, `No such account: ${account}`);

    switch (endpoint.scenario) {
      case 'server-error':
        return jsonError(500, 'Something went wrong creating the session.');
      case 'rate-limited':
        return jsonError(429, 'Too many requests; try again in a minute.');
      case 'not-found':
        return jsonError(404, 'Not found.');
      case 'forbidden':
        return jsonError(403, 'This account does not belong to the signed-in customer.');
      case 'signed-out':
        return jsonError(401, 'Sign in first.');
      case 'garbage':
        return new HttpResponse('<!doctype html><h1>Bad gateway</h1>', {
          status: 200,
          headers: { 'content-type': 'text/html' },
        });
      case 'wrong-shape':
        return HttpResponse.json({ session: { secret: 'nope' } });
      case 'malformed-secret':
        return HttpResponse.json({
          client_secret: 'not-a-client-secret',
          relink_options: { authorization: authorization ?? 'fcauth_unknown', account },
        });
      case 'network-error':
        return HttpResponse.error();
      case 'hang':
        await delay('infinite');
        return HttpResponse.error();
      case 'slow':
        await delay(endpoint.delayMs);
        break;
      default:
        break;
    }

    if (endpoint.scenario === 'any-account') {
      return HttpResponse.json(fake.toSessionConfig(create(authorization === undefined ? {} : { authorization })));
    }
    if (endpoint.scenario === 'other-account') {
      const auth = fake.authorizations.get(authorization ?? fake.authorizations.keys().next().value ?? '');
      const other = auth?.accounts.find((a) => a.id !== account);
      if (!other) return jsonError(500, 'The fake has no other account to return.');
      return HttpResponse.json(fake.toSessionConfig(create({ account: other.id })));
    }
    const session = create(account === null ? {} : { account });
    if (endpoint.scenario === 'expired') fake.expireSession(session.id);
    if (endpoint.scenario === 'used-session') fake.consumeSession(session.id);
    return HttpResponse.json(fake.toSessionConfig(session));
  });

  return {
    handler,
    requests,
    sessions,
    get scenario() {
      return endpoint.scenario;
    },
    set scenario(next: EndpointScenario) {
      endpoint.scenario = next;
    },
    get delayMs() {
      return endpoint.delayMs;
    },
    set delayMs(next: number) {
      endpoint.delayMs = next;
    },
  };
}

/**
 * How the mocked verify endpoint answers. `ok` implements `createRelinkVerifyHandler`'s answer
 * from the fake's record of the session: `{ status, relink_result }` for a request
 * `{ session, account }`, and the same 403 for a session it does not know or that is not for
 * the named account.
 */
export type VerifyScenario =
  | 'ok'
  /** Stripe has no relink on record for the session (→ `verification_failed`). */
  | 'unconfirmed'
  /** Stripe's record names another account (→ `verification_failed` in a same-account session). */
  | 'other-account'
  | 'server-error'
  | 'garbage'
  | 'network-error'
  | 'hang';

export const VERIFY_SCENARIOS: readonly VerifyScenario[] = Object.freeze([
  'ok',
  'unconfirmed',
  'other-account',
  'server-error',
  'garbage',
  'network-error',
  'hang',
]);

export interface VerifyEndpointOptions {
  /** Default: `/api/relink-verify`. */
  url?: string;
  /** Default: `ok`. Can be changed later through the returned object. */
  scenario?: VerifyScenario;
}

export interface VerifyEndpoint {
  readonly handler: HttpHandler;
  scenario: VerifyScenario;
  readonly requests: readonly RecordedSessionRequest[];
}

/** An msw handler for the merchant's verify endpoint, answering from the fake's sessions. */
export function createVerifyEndpoint(fake: FakeStripe, options: VerifyEndpointOptions = {}): VerifyEndpoint {
  const requests: RecordedSessionRequest[] = [];
  const state: { scenario: VerifyScenario } = { scenario: options.scenario ?? 'ok' };
  const handler = http.all(options.url ?? '/api/relink-verify', async ({ request }) => {
    const body = await record(request, requests);
    if (request.method !== 'POST') return jsonError(405, 'Use POST.');
    const { session: id, account } = (typeof body === 'object' && body !== null ? body : {}) as {
      session?: unknown;
      account?: unknown;
    };
    const session = typeof id === 'string' ? fake.retrieveSession(id) : undefined;
    // As createRelinkVerifyHandler: an unknown session and one for another account look alike.
    if (!session || (typeof account === 'string' && session.relink_options.account !== account)) {
      return jsonError(403, 'You are not allowed to relink this bank account.');
    }
    switch (state.scenario) {
      case 'server-error':
        return jsonError(500, 'Could not reach Stripe.');
      case 'garbage':
        return new HttpResponse('<h1>oops</h1>', { status: 200, headers: { 'content-type': 'text/html' } });
      case 'network-error':
        return HttpResponse.error();
      case 'hang':
        await delay('infinite');
        return HttpResponse.error();
      case 'unconfirmed':
        return HttpResponse.json({
          status: 'pending',
          relink_result: { authorization: null, account: null, failure_reason: null },
        });
      case 'other-account':
        return HttpResponse.json({
          status: session.status,
          relink_result: { ...session.relink_result, account: 'fca_someone_else' },
        });
      default:
        return HttpResponse.json({ status: session.status, relink_result: session.relink_result });
    }
  });
  return {
    handler,
    requests,
    get scenario() {
      return state.scenario;
    },
    set scenario(next: VerifyScenario) {
      state.scenario = next;
    },
  };
}
