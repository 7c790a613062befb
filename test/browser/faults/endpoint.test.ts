// The fault matrix: the merchant's session endpoint misbehaves. Each case injects one fault and
// goes through expectSoundAttempt (the harness's one check of an attempt: one terminal event with
// the right code and retryability, relink() agrees, the state ends there, no uncaught error or
// console.error, no secret anywhere, and a following attempt succeeds once the fault is gone).
// Stripe.js is the fake on window.Stripe.
import { delay, http, HttpResponse } from 'msw';
import {
  CHECKING,
  ENDPOINT,
  expect,
  expectSoundAttempt,
  fake,
  mount,
  plantSecret,
  restoreEndpoint,
  sleep,
  useHandlers,
  type ExpectedOutcome,
  type Mounted,
} from '../harness/index.js';

const retryableHttp = (status: number): ExpectedOutcome => ({
  status: 'error',
  code: 'session_http_error',
  retryable: true,
  httpStatus: status,
});
const finalHttp = (status: number): ExpectedOutcome => ({
  status: 'error',
  code: 'session_http_error',
  retryable: false,
  httpStatus: status,
});
const unreachable: ExpectedOutcome = { status: 'error', code: 'session_request_failed', retryable: true };
const invalidBody = (status = 200): ExpectedOutcome => ({
  status: 'error',
  code: 'invalid_session_response',
  retryable: false,
  httpStatus: status,
});

/** A real session (from the fake Stripe) for CHECKING, as the endpoint would answer it. */
const sessionJson = () => fake.toSessionConfig(fake.createSession({ account: CHECKING }));

/** Mounts an element for CHECKING whose endpoint answers with `respond` until healed. */
async function faulty(respond: Parameters<typeof http.post>[1], attrs: Record<string, string> = {}): Promise<Mounted> {
  const m = await mount({ attrs: { account: CHECKING, ...attrs } });
  await useHandlers(http.post(ENDPOINT, respond));
  return m;
}

/** The case's invariants, the fault's attempt started with a click, healed by restoring the endpoint. */
async function soundFault(m: Mounted, expected: ExpectedOutcome): Promise<void> {
  await expectSoundAttempt(m, {
    run: () => {
      m.button().click();
      return m.el.relink(); // the click's own attempt, in flight
    },
    expect: expected,
    heal: () => restoreEndpoint(m.endpoint),
    retryAccounts: [CHECKING],
  });
  const fromEndpoint = new Set(m.endpoint.sessions.map((s) => s.id));
  expect(
    m.launches().filter((l) => !fromEndpoint.has(l.sessionId ?? '')),
    'a faulty answer opened Stripe',
  ).to.have.length(0);
  expect(
    m.events.filter((e) => e.type === 'fc-relink-start'),
    'only the following attempt opens Stripe',
  ).to.have.length(1);
}

describe('the fault matrix: the session endpoint', () => {
  describe('when it cannot be reached', () => {
    it('reports session_request_failed, retryable, when the connection is refused', async () => {
      const m = await mount({ attrs: { account: CHECKING, 'session-url': 'http://127.0.0.1:9/api/relink-session' } });
      await expectSoundAttempt(m, {
        run: () => m.el.relink(),
        expect: unreachable,
        heal: () => m.el.setAttribute('session-url', ENDPOINT),
      });
    });

    it('reports session_request_failed, retryable, when the host name does not resolve', async () => {
      const m = await mount({
        attrs: {
          account: CHECKING,
          'session-url': 'http://fc-relink.invalid/api/relink-session',
          'session-timeout': '2500',
        },
      });
      await expectSoundAttempt(m, {
        run: () => m.el.relink(),
        expect: unreachable,
        heal: () => m.el.setAttribute('session-url', ENDPOINT),
      });
    });

    it('reports session_request_failed, retryable, when the connection drops without an answer', async () => {
      const m = await faulty(() => HttpResponse.error());
      await soundFault(m, unreachable);
    });

    it('reports session_request_failed, retryable, when fetchSession rejects with a value that cannot be read', async () => {
      const unreadable = new Proxy(
        {},
        {
          get(_, property) {
            if (property === 'then') return undefined;
            throw new Error('unreadable');
          },
          getPrototypeOf() {
            throw new Error('unreadable');
          },
        },
      );
      const m = await mount({
        attrs: { account: CHECKING, 'session-url': '' },
        props: { fetchSession: () => Promise.reject(unreadable) },
      });
      await expectSoundAttempt(m, {
        run: () => m.el.relink(),
        expect: unreachable,
        heal: () => {
          m.el.fetchSession = null;
          m.el.setAttribute('session-url', ENDPOINT);
        },
        retryAccounts: [CHECKING],
      });
    });

    it('ends a hanging endpoint with session_request_failed once session-timeout has passed, saying so', async () => {
      const m = await faulty(
        async () => {
          await delay('infinite');
          return HttpResponse.error();
        },
        { 'session-timeout': '200' },
      );
      await expectSoundAttempt(m, {
        run: () => m.el.relink(),
        expect: unreachable,
        notBefore: 190,
        within: 200 + 1500,
        heal: async () => {
          await restoreEndpoint(m.endpoint);
          // The small timeout only kept this case fast; the following attempt gets the default.
          m.el.removeAttribute('session-timeout');
        },
        retryAccounts: [CHECKING],
      });
      const error = m.events.find((e) => e.type === 'fc-relink-error');
      expect((error?.detail as { message: string }).message).to.include('200 ms');
      expect(m.launches(), 'Stripe opened only by the following attempt').to.have.length(1);
    });

    it('times out a slow first answer, and takes the fast second one', async () => {
      let calls = 0;
      let lateAnswered = false;
      const m = await faulty(
        async () => {
          calls += 1;
          if (calls === 1) {
            await delay(1200);
            lateAnswered = true;
          }
          return HttpResponse.json(sessionJson());
        },
        { 'session-timeout': '400' },
      );
      await expectSoundAttempt(m, {
        run: () => m.el.relink(),
        expect: unreachable,
        // The endpoint is now fast: the second attempt gets the second answer.
        heal: () => undefined,
        retryAccounts: [CHECKING],
      });
      expect(calls).to.equal(2);
      // The first answer arrives after its attempt was given up: it must change nothing.
      for (let i = 0; i < 200 && !lateAnswered; i++) await sleep(10);
      expect(lateAnswered).to.equal(true);
      await sleep(50);
      expect(m.events.filter((e) => e.type === 'fc-relink-success')).to.have.length(1);
      expect(m.el.state).to.equal('success');
    });
  });

  describe('when it redirects', () => {
    it('refuses a 302 to another origin (a login page), as unreachable, without opening Stripe', async () => {
      const m = await faulty(
        () => new HttpResponse(null, { status: 302, headers: { location: 'https://login.fc-relink.test/sso?next=/' } }),
      );
      await useHandlers(
        http.all(
          'https://login.fc-relink.test/*',
          () =>
            new HttpResponse('<!doctype html><form action="/login"><input name="password"></form>', {
              headers: { 'content-type': 'text/html' },
            }),
        ),
      );
      await soundFault(m, unreachable);
    });

    it('refuses a 301 to another origin that answers with a valid session (fails closed)', async () => {
      const m = await faulty(
        () =>
          new HttpResponse(null, { status: 301, headers: { location: 'https://api.elsewhere.test/relink-session' } }),
      );
      await useHandlers(
        http.all('https://api.elsewhere.test/*', () =>
          HttpResponse.json(sessionJson(), { headers: { 'access-control-allow-origin': location.origin } }),
        ),
      );
      await soundFault(m, unreachable);
    });

    it("follows a 307 within the endpoint's own origin", async () => {
      const m = await faulty(
        () => new HttpResponse(null, { status: 307, headers: { location: '/api/v2/relink-session' } }),
      );
      await useHandlers(http.post('/api/v2/relink-session', () => HttpResponse.json(sessionJson())));
      await expectSoundAttempt(m, {
        run: () => m.el.relink(),
        expect: { status: 'success', accounts: [CHECKING] },
        heal: () => restoreEndpoint(m.endpoint),
      });
    });
  });

  describe('when it answers an HTTP error', () => {
    const statuses: [number, string, boolean][] = [
      [401, 'the customer is signed out', false],
      [403, "the account is not the customer's", false],
      [404, 'the route does not exist', false],
      [408, 'the server timed out the request', true],
      [502, 'a proxy could not reach the server', true],
      [503, 'the server is down for maintenance', true],
    ];
    for (const [status, why, retryable] of statuses) {
      it(`reports session_http_error ${status} (${why}), ${retryable ? '' : 'not '}retryable`, async () => {
        const body =
          status === 502
            ? '<html><body><h1>502 Bad Gateway</h1></body></html>'
            : JSON.stringify({ error: { message: why } });
        const m = await faulty(
          () =>
            new HttpResponse(body, {
              status,
              headers: { 'content-type': status === 502 ? 'text/html' : 'application/json' },
            }),
        );
        await soundFault(m, retryable ? retryableHttp(status) : finalHttp(status));
      });
    }

    it('reports session_http_error 429, retryable, with a Retry-After', async () => {
      const m = await faulty(() =>
        HttpResponse.json({ error: 'Too many requests' }, { status: 429, headers: { 'retry-after': '30' } }),
      );
      await soundFault(m, retryableHttp(429));
    });

    it('reports session_http_error 500, retryable, and repeats no key or client secret from the body, even glued to a word', async () => {
      const key = plantSecret(`sk_test_51Leak${'Z'.repeat(24)}`);
      // A key straight after a word character ("…KEY_sk_live_…", "…1rk_test_…") is still a key.
      const glued = plantSecret(`sk_live_51Glued${'R'.repeat(24)}`);
      const gluedRestricted = plantSecret(`rk_test_51Glued${'T'.repeat(24)}`);
      const { client_secret: secret } = sessionJson();
      const m = await faulty(() =>
        HttpResponse.json(
          {
            error: {
              message: `Invalid API Key provided: ${key}; session secret ${secret}; STRIPE_KEY_${glued}, fallback 1${gluedRestricted}`,
              type: 'invalid_request_error',
            },
          },
          { status: 500 },
        ),
      );
      await soundFault(m, retryableHttp(500));
      const error = m.events.find((e) => e.type === 'fc-relink-error');
      expect(JSON.stringify(error?.detail)).not.to.match(/sk_test_|sk_live_|rk_test_/);
      expect(m.status()).not.to.match(/sk_test_|sk_live_|rk_test_/);
    });

    it('reports session_http_error 500 with a 5 MB body, its message bounded', async () => {
      const m = await faulty(() =>
        HttpResponse.json({ error: { message: 'x'.repeat(5 * 1024 * 1024) } }, { status: 500 }),
      );
      await soundFault(m, retryableHttp(500));
      const error = m.events.find((e) => e.type === 'fc-relink-error');
      expect((error?.detail as { message: string }).message.length).to.be.below(2000);
    });
  });

  describe('when it answers 2xx with something that is not a session', () => {
    it('reports invalid_session_response on an empty body', async () => {
      const m = await faulty(
        () => new HttpResponse('', { status: 200, headers: { 'content-type': 'application/json' } }),
      );
      await soundFault(m, invalidBody());
    });

    it('reports invalid_session_response on 204 No Content', async () => {
      const m = await faulty(() => new HttpResponse(null, { status: 204 }));
      await soundFault(m, invalidBody(204));
    });

    it('reports invalid_session_response on an HTML page', async () => {
      const m = await faulty(() => HttpResponse.html('<!doctype html><title>Welcome</title><h1>Our shop</h1>'));
      await soundFault(m, invalidBody());
    });

    it('reports invalid_session_response on truncated JSON, without repeating the secret in it', async () => {
      const m = await faulty(() => {
        const text = JSON.stringify(sessionJson());
        return new HttpResponse(text.slice(0, text.indexOf('_secret_') + 14), {
          headers: { 'content-type': 'application/json' },
        });
      });
      await soundFault(m, invalidBody());
    });

    it('reports invalid_session_response on a 5 MB body that is not JSON', async () => {
      const m = await faulty(
        () =>
          new HttpResponse('<p>'.padEnd(5 * 1024 * 1024, 'lorem ipsum '), { headers: { 'content-type': 'text/html' } }),
      );
      await soundFault(m, invalidBody());
    });

    const shapes: [string, () => unknown][] = [
      ['null', () => null],
      ['an array', () => [sessionJson()]],
      ['a bare client secret string', () => sessionJson().client_secret],
      ['the session wrapped in another object', () => ({ session: sessionJson() })],
      ['a numeric client_secret', () => ({ ...sessionJson(), client_secret: 42 })],
      [
        'a client_secret that is not fcsess_…_secret_…',
        () => ({ ...sessionJson(), client_secret: 'not-a-client-secret' }),
      ],
      ['no relink_options', () => ({ ...sessionJson(), relink_options: undefined })],
      [
        'a relink_options.account that is not an fca_ id',
        () => ({
          ...sessionJson(),
          relink_options: { authorization: 'fcauth_test_stripebank', account: { id: CHECKING } },
        }),
      ],
    ];
    for (const [what, body] of shapes) {
      it(`reports invalid_session_response on valid JSON of the wrong shape: ${what}`, async () => {
        const m = await faulty(() => HttpResponse.json(body() as never));
        await soundFault(m, invalidBody());
      });
    }

    it('accepts a valid session sent with a wrong content type (the body decides)', async () => {
      const m = await faulty(
        () =>
          new HttpResponse(JSON.stringify(sessionJson()), { headers: { 'content-type': 'text/plain; charset=utf-8' } }),
      );
      await expectSoundAttempt(m, {
        run: () => m.el.relink(),
        expect: { status: 'success', accounts: [CHECKING] },
        heal: () => restoreEndpoint(m.endpoint),
      });
    });

    it('accepts a valid session with extra unknown fields, and lets no __proto__ key pollute anything', async () => {
      const m = await faulty(() => {
        const extra = {
          ...sessionJson(),
          object: 'financial_connections.session',
          permissions: ['payment_method'],
          accounts: { object: 'list', data: [], has_more: false },
          filters: { countries: ['US'] },
          x_merchant_trace: 'a'.repeat(10_000),
        };
        const text = JSON.stringify(extra).replace(
          /^\{/,
          '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
        );
        return new HttpResponse(text, { headers: { 'content-type': 'application/json' } });
      });
      await expectSoundAttempt(m, {
        run: () => m.el.relink(),
        expect: { status: 'success', accounts: [CHECKING] },
        heal: () => restoreEndpoint(m.endpoint),
      });
      expect(({} as { polluted?: unknown }).polluted).to.equal(undefined);
    });
  });
});
