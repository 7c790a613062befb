// The msw side of a property run: the session endpoint answers as the plan says, with a real
// session (from the shared fake) behind every answer, so that a planted client secret is a real
// one; and the tokens the arbitraries left in messages, bodies and headers become that client
// secret and the planted keys.
import { http, HttpResponse } from 'msw';
import type { SetupWorker } from 'msw/browser';
import type { FakeSession } from '../../../src/testing/index.js';
import { CHECKING, fake, sleep } from '../harness/index.js';
import { stripeJsHandler } from '../harness/stripe-network.js';
import {
  RESTRICTED_KEY,
  SECRET_KEY,
  TOKEN_KEY,
  TOKEN_RK,
  TOKEN_SECRET,
  sessionAccountOf,
  type BodyPlan,
  type Plan,
  type SessionMutation,
} from './arbitraries.js';

/** What a run's endpoint and Stripe.js stand-ins share, and what the run learns from them. */
export interface RunContext {
  url: string;
  /** Requests the endpoint received. */
  requests: number;
  /** Every session made for the run (their client secrets must appear nowhere). */
  sessions: FakeSession[];
  /** The session of the endpoint's last answer. */
  session: FakeSession | null;
  /** The id a stand-in put in its result in place of the session's (a result for another session). */
  otherSessionId: string | null;
  /** Flows Stripe.js opened (calls of collectFinancialConnectionsAccounts). */
  collectCalls: number;
  /** Resolves when the run's checks are done. */
  finished: Promise<void>;
}

const encoder = new TextEncoder();

/** Puts the run's client secret and the planted keys in place of the tokens. */
export function plant(text: string, ctx: RunContext): string {
  return text
    .replaceAll(TOKEN_SECRET, ctx.session!.client_secret)
    .replaceAll(TOKEN_KEY, SECRET_KEY)
    .replaceAll(TOKEN_RK, RESTRICTED_KEY);
}

export function plantDeep(value: unknown, ctx: RunContext): unknown {
  if (typeof value === 'string') return plant(value, ctx);
  if (Array.isArray(value)) return value.map((v) => plantDeep(v, ctx));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plantDeep(v, ctx)]));
  }
  return value;
}

const MUTATED: Record<SessionMutation, (s: Record<string, unknown>, o: Record<string, unknown>) => unknown> = {
  'secret-missing': (s) => void delete s.client_secret,
  'secret-number': (s) => void (s.client_secret = 42),
  'secret-null': (s) => void (s.client_secret = null),
  'secret-wrong-prefix': (s) => void (s.client_secret = String(s.client_secret).replace('fcsess_', 'seti_')),
  'secret-no-marker': (s) => void (s.client_secret = String(s.client_secret).replace('_secret_', '_')),
  'secret-bad-char': (s) => void (s.client_secret = `${String(s.client_secret)}-x`),
  'secret-leading-space': (s) => void (s.client_secret = ` ${String(s.client_secret)}`),
  'secret-empty': (s) => void (s.client_secret = ''),
  'options-missing': (s) => void delete s.relink_options,
  'options-null': (s) => void (s.relink_options = null),
  'options-array': (s) => void (s.relink_options = [s.relink_options]),
  'options-string': (s) => void (s.relink_options = 'fcauth_test_stripebank'),
  'authorization-missing': (_, o) => void delete o.authorization,
  'authorization-wrong-prefix': (_, o) => void (o.authorization = 'fca_test_checking'),
  'authorization-bare-prefix': (_, o) => void (o.authorization = 'fcauth_'),
  'authorization-bad-char': (_, o) => void (o.authorization = 'fcauth_test<b>'),
  'authorization-number': (_, o) => void (o.authorization = 7),
  'account-wrong-prefix': (_, o) => void (o.account = 'fcauth_test_stripebank'),
  'account-empty': (_, o) => void (o.account = ''),
  'account-number': (_, o) => void (o.account = 1),
  'account-bad-char': (_, o) => void (o.account = 'fca_test checking'),
  'id-wrong-prefix': (s) => void (s.id = 'fca_test_checking'),
  'id-number': (s) => void (s.id = 5),
  'id-bad-char': (s) => void (s.id = 'fcsess_<img src=x onerror=window.__xssFired=1>'),
  'livemode-string': (s) => void (s.livemode = 'false'),
  'livemode-number': (s) => void (s.livemode = 0),
  'wrapped-in-array': () => undefined,
};

function sessionBytes(plan: Plan, body: Extract<BodyPlan, { kind: 'session' }>, ctx: RunContext): Uint8Array {
  const session = ctx.session!;
  const account = sessionAccountOf(plan, body);
  const options: Record<string, unknown> = { authorization: session.relink_options.authorization };
  if (body.account !== 'absent') options.account = account;
  let json: Record<string, unknown> = {};
  if (body.withId) json.id = session.id;
  json.object = 'financial_connections.session';
  json.client_secret = session.client_secret;
  json.relink_options = options;
  if (body.livemode !== 'absent') json.livemode = body.livemode;
  for (const [key, value] of body.extras) {
    if (!Object.hasOwn(json, key) || key === 'object') {
      Object.defineProperty(json, key, {
        value: plantDeep(value, ctx),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  if (body.padding > 0) json.padding = 'x'.repeat(body.padding);
  if (body.reverseKeys) json = Object.fromEntries(Object.entries(json).reverse());
  let value: unknown = json;
  if (body.mutation) {
    MUTATED[body.mutation](json, options);
    if (body.mutation === 'wrapped-in-array') value = [json];
  }
  return encoder.encode((body.bom ? '\uFEFF' : '') + JSON.stringify(value, null, body.indent));
}

function bodyBytes(plan: Plan, body: BodyPlan, ctx: RunContext): Uint8Array | null {
  switch (body.kind) {
    case 'session':
      return sessionBytes(plan, body, ctx);
    case 'error-json': {
      const message = plant(body.message, ctx);
      const json =
        body.shape === 'error.message'
          ? { error: { message, type: 'api_error' } }
          : body.shape === 'error'
            ? { error: message }
            : { message };
      return encoder.encode(JSON.stringify(json));
    }
    case 'json':
      return encoder.encode(JSON.stringify(plantDeep(body.value, ctx)) ?? '');
    case 'text':
      return encoder.encode(plant(body.text, ctx));
    case 'bytes':
      return body.bytes;
    case 'empty':
      return null;
    case 'huge':
      return encoder.encode(plant(body.unit, ctx).repeat(Math.ceil(body.size / body.unit.length)));
  }
}

/** Makes the run's endpoint (at ctx.url) answer as the plan says, in place of any other handler. */
export function serveEndpoint(plan: Plan, ctx: RunContext, w: SetupWorker): void {
  w.resetHandlers(
    stripeJsHandler,
    http.post(ctx.url, async () => {
      ctx.requests += 1;
      // Every response has a real session behind it, so a planted client secret is a real one.
      const { response } = plan;
      const body = response.kind === 'http' ? response.body : null;
      const account = body?.kind === 'session' ? sessionAccountOf(plan, body) : (plan.account ?? CHECKING);
      const session = fake.createSession({ account });
      ctx.session = session;
      ctx.sessions.push(session);
      // Never answered while the run lasts; released after it, so that no service worker event
      // stays pending forever (Chromium may restart a worker that holds them, and a restarted
      // msw worker can miss requests).
      if (response.kind === 'hang') return ctx.finished.then(() => HttpResponse.error());
      await sleep(response.delayMs);
      if (response.kind === 'network-error') return HttpResponse.error();
      const headers = new Headers();
      for (const [name, value] of response.headers) headers.append(name, plant(value, ctx));
      return new HttpResponse(bodyBytes(plan, response.body, ctx), { status: response.status, headers });
    }),
  );
}
