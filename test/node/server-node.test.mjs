// toNodeHandler: the Fetch API handlers mounted in node:http and Express 5, driven over real
// HTTP on a random port, with Stripe's API intercepted by msw (local traffic passes through).
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import express from 'express';
import Stripe from 'stripe';
import { createRelinkSessionHandler, createRelinkVerifyHandler, toNodeHandler } from '../../dist/server/index.js';

import { setupServer, http as mock, HttpResponse } from './support/msw.mjs';

// Built, never written out whole: a literal key would trip the leaked-key check.
const fakeKey = ['sk', 'test', '51Fake' + 'g7H8i9'.repeat(4)].join('_');
const AUTHORIZATION = 'fcauth_test_1';
const ACCOUNT = 'fca_test_checking';

let stripeRequests = [];
const stripeApi = setupServer(
  mock.post('https://api.stripe.com/v1/financial_connections/sessions', async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    stripeRequests.push(form);
    return HttpResponse.json({
      id: 'fcsess_test_1',
      object: 'financial_connections.session',
      client_secret: 'fcsess_test_1_secret_abc',
      livemode: false,
      status: 'pending',
      relink_options: {
        authorization: form.get('relink_options[authorization]'),
        account: form.get('relink_options[account]'),
      },
    });
  }),
  mock.get('https://api.stripe.com/v1/financial_connections/accounts/:id', ({ params }) =>
    HttpResponse.json({ id: params.id, object: 'financial_connections.account', permissions: ['payment_method'] }),
  ),
  mock.get('https://api.stripe.com/v1/financial_connections/sessions/:id', ({ params }) =>
    HttpResponse.json({
      id: params.id,
      object: 'financial_connections.session',
      client_secret: null,
      livemode: false,
      status: 'succeeded',
      relink_options: { authorization: AUTHORIZATION, account: ACCOUNT },
      relink_result: { authorization: AUTHORIZATION, account: ACCOUNT, failure_reason: null },
    }),
  ),
);

const stripe = new Stripe(fakeKey, { maxNetworkRetries: 0 });
/** What authorize saw in the current test. */
let seen = [];
const authorize = ({ request, account }) => {
  seen.push({ url: request.url, account, cookie: request.headers.get('cookie') });
  return { authorization: AUTHORIZATION, accountHolder: { type: 'customer', customer: 'cus_test_owner' } };
};
const sessionHandler = createRelinkSessionHandler({ stripe, authorize });
const verifyHandler = createRelinkVerifyHandler({ stripe, authorize });

/** Starts a node:http server with `listener` on a random port; returns its base URL and closer. */
async function listen(listener) {
  const server = http.createServer(listener);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function postJson(url, body, headers = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const EXPECTED_SESSION = {
  id: 'fcsess_test_1',
  client_secret: 'fcsess_test_1_secret_abc',
  relink_options: { authorization: AUTHORIZATION, account: ACCOUNT },
  livemode: false,
};

before(() =>
  stripeApi.listen({
    // Only Stripe is mocked: the tests' own requests to 127.0.0.1 go through to the real server.
    onUnhandledFrame: ({ frame, defaults }) => {
      if (new URL(frame.data.request.url).hostname !== '127.0.0.1') defaults.error();
    },
  }),
);
beforeEach(() => {
  stripeRequests = [];
  seen = [];
});
after(() => stripeApi.close());

describe('toNodeHandler in node:http', () => {
  let app;
  before(async () => {
    app = await listen(toNodeHandler(sessionHandler));
  });
  after(() => app.close());

  test('carries a request and its answer through: status, headers, body', async () => {
    const response = await postJson(`${app.base}/api/relink-session?x=1`, { account: ACCOUNT }, { Cookie: 'sid=abc' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await response.json(), EXPECTED_SESSION);
    assert.deepEqual(seen, [{ url: `${app.base}/api/relink-session?x=1`, account: ACCOUNT, cookie: 'sid=abc' }]);
    assert.equal(stripeRequests[0].get('relink_options[account]'), ACCOUNT);
  });

  test('passes an any-account request with an empty JSON body', async () => {
    const response = await fetch(`${app.base}/api/relink-session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(response.status, 200);
    assert.deepEqual((await response.json()).relink_options, { authorization: AUTHORIZATION, account: null });
  });

  test('X-Forwarded-Proto is not trusted: the URL stays http', async () => {
    await postJson(`${app.base}/x`, {}, { 'X-Forwarded-Proto': 'https' });
    assert.ok(seen[0].url.startsWith('http://127.0.0.1:'), seen[0].url);
  });

  test('answers 405 with Allow for GET, 400 for invalid JSON', async () => {
    const get = await fetch(`${app.base}/api/relink-session`);
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    const bad = await postJson(`${app.base}/api/relink-session`, '{"account":');
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error.code, 'invalid_json');
  });

  test('answers 405 for methods and targets Fetch cannot represent (TRACE, OPTIONS *)', async () => {
    const { request } = await import('node:http');
    const { port } = new URL(app.base);
    const raw = (method, path) =>
      new Promise((resolve, reject) => {
        request({ host: '127.0.0.1', port, method, path }, (res) => {
          let body = '';
          res
            .on('data', (chunk) => (body += chunk))
            .on('end', () => resolve({ status: res.statusCode, allow: res.headers.allow, body }));
        })
          .on('error', reject)
          .end();
      });
    for (const [method, path] of [
      ['TRACE', '/api/relink-session'],
      ['OPTIONS', '*'],
    ]) {
      const response = await raw(method, path);
      assert.equal(response.status, 405, method);
      assert.equal(response.allow, 'POST');
      assert.equal(JSON.parse(response.body).error.type, 'invalid_request_error');
    }
  });

  test('answers 413 for a streamed body over 16 KiB, without reading it all', async () => {
    const big = JSON.stringify({ account: ACCOUNT, padding: 'x'.repeat(64 * 1024) });
    const response = await postJson(`${app.base}/api/relink-session`, big);
    assert.equal(response.status, 413);
    assert.equal(seen.length, 0);
  });

  test('a handler that throws becomes a generic 500 without its message', async () => {
    const broken = await listen(
      toNodeHandler(async () => {
        throw new Error(`internal detail ${fakeKey}`);
      }),
    );
    try {
      const response = await postJson(`${broken.base}/`, {});
      assert.equal(response.status, 500);
      assert.equal(response.headers.get('content-type'), 'application/json');
      const text = await response.text();
      assert.ok(!text.includes('internal detail') && !text.includes(fakeKey));
      assert.equal(typeof JSON.parse(text).error.message, 'string');
    } finally {
      await broken.close();
    }
  });

  test('several Set-Cookie headers stay separate', async () => {
    const cookies = await listen(
      toNodeHandler(async () => {
        const headers = new Headers();
        headers.append('Set-Cookie', 'a=1; Path=/');
        headers.append('Set-Cookie', 'b=2; Path=/');
        return new Response('ok', { status: 201, headers });
      }),
    );
    try {
      const response = await fetch(`${cookies.base}/`, { method: 'POST' });
      assert.equal(response.status, 201);
      assert.deepEqual(response.headers.getSetCookie(), ['a=1; Path=/', 'b=2; Path=/']);
      assert.equal(await response.text(), 'ok');
    } finally {
      await cookies.close();
    }
  });
});

describe('toNodeHandler in Express 5', () => {
  const apps = [];
  after(() => Promise.all(apps.map((app) => app.close())));

  async function mount(configure) {
    const app = express();
    configure(app);
    const listening = await listen(app);
    apps.push(listening);
    return listening.base;
  }

  test('works without a body parser', async () => {
    const base = await mount((app) => {
      app.post('/api/relink-session', toNodeHandler(sessionHandler));
      app.post('/api/relink-verify', toNodeHandler(verifyHandler));
    });
    const session = await postJson(`${base}/api/relink-session`, { account: ACCOUNT });
    assert.equal(session.status, 200);
    assert.deepEqual(await session.json(), EXPECTED_SESSION);
    const verify = await postJson(`${base}/api/relink-verify`, { session: 'fcsess_test_1' });
    assert.equal(verify.status, 200);
    assert.deepEqual(await verify.json(), {
      status: 'succeeded',
      relink_result: { authorization: AUTHORIZATION, account: ACCOUNT, failure_reason: null },
    });
  });

  test('works after express.json(), which has consumed the body', async () => {
    const base = await mount((app) => {
      app.use(express.json());
      app.post('/api/relink-session', toNodeHandler(sessionHandler));
    });
    const response = await postJson(`${base}/api/relink-session`, { account: ACCOUNT });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), EXPECTED_SESSION);
    assert.equal(seen[0].account, ACCOUNT);
    // express.json() leaves req.body undefined when there is no JSON body; that is any-account.
    const empty = await fetch(`${base}/api/relink-session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(empty.status, 200);
    assert.equal(seen[1].account, null);
  });

  test('still answers 400 from the handler for a malformed account after express.json()', async () => {
    const base = await mount((app) => {
      app.use(express.json());
      app.post('/api/relink-session', toNodeHandler(sessionHandler));
    });
    const response = await postJson(`${base}/api/relink-session`, { account: 'acct_1' });
    assert.equal(response.status, 400);
    assert.match((await response.json()).error.message, /"account"/);
    assert.equal(stripeRequests.length, 0);
  });

  test('passes a string or Buffer body as is after express.text() and express.raw()', async () => {
    const base = await mount((app) => {
      app.post('/text', express.text({ type: '*/*' }), toNodeHandler(sessionHandler));
      app.post('/raw', express.raw({ type: '*/*' }), toNodeHandler(sessionHandler));
    });
    for (const path of ['/text', '/raw']) {
      const response = await postJson(`${base}${path}`, { account: ACCOUNT });
      assert.equal(response.status, 200, path);
      assert.deepEqual(await response.json(), EXPECTED_SESSION);
    }
    assert.deepEqual(
      seen.map((s) => s.account),
      [ACCOUNT, ACCOUNT],
    );
  });

  test('gives the handler the full URL when mounted under a router prefix', async () => {
    const base = await mount((app) => {
      const router = express.Router();
      router.post('/relink-session', toNodeHandler(sessionHandler));
      app.use('/api', router);
    });
    await postJson(`${base}/api/relink-session`, {});
    assert.equal(seen[0].url, `${base}/api/relink-session`);
  });

  test("an exception goes to Express's error handling through next()", async () => {
    const base = await mount((app) => {
      app.post(
        '/boom',
        toNodeHandler(async () => {
          throw new Error('boom');
        }),
      );
      app.use((error, req, res, _next) => {
        res.status(599).json({ handledBy: 'express', message: error.message });
      });
    });
    const response = await postJson(`${base}/boom`, {});
    assert.equal(response.status, 599);
    assert.deepEqual(await response.json(), { handledBy: 'express', message: 'boom' });
  });
});
