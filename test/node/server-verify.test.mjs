// fc-relink/server's verify handler against stripe-node, with Stripe's API intercepted by msw:
// it reports a session's outcome only to the user whose authorization the session repairs.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Stripe from 'stripe';
import { createRelinkVerifyHandler, DEFAULT_RELINK_API_VERSION } from '../../dist/server/index.js';

import { setupServer, http, HttpResponse } from './support/msw.mjs';

// Built, never written out whole: a literal key would trip the leaked-key check.
const fakeKey = ['sk', 'test', '51Fake' + 'd4E5f6'.repeat(4)].join('_');
const AUTHORIZATION = 'fcauth_test_1';
const ACCOUNT = 'fca_test_checking';
const SESSION = 'fcsess_test_42';

function relinkSession(overrides = {}) {
  return {
    id: SESSION,
    object: 'financial_connections.session',
    client_secret: `${SESSION}_secret_abc`,
    livemode: false,
    accounts: {
      object: 'list',
      data: [{ id: ACCOUNT, object: 'financial_connections.account' }],
      has_more: false,
      url: '/v1/x',
    },
    account_holder: { type: 'customer', customer: 'cus_test_owner' },
    permissions: ['payment_method'],
    prefetch: null,
    status: 'succeeded',
    relink_options: { authorization: AUTHORIZATION, account: ACCOUNT },
    relink_result: {
      authorization: AUTHORIZATION,
      account: ACCOUNT,
      failure_reason: null,
      extra: 'not for the browser',
    },
    ...overrides,
  };
}

let stripeRequests = [];
// How Stripe answers in the current test. (One handler reading this, rather than server.use()
// and resetHandlers(): msw 3's resetHandlers() needs Set.prototype.intersection, Node 22+.)
let stripeAnswer = () => HttpResponse.json(relinkSession());

const server = setupServer(
  http.get('https://api.stripe.com/v1/financial_connections/sessions/:id', ({ request, params }) => {
    stripeRequests.push({ method: request.method, url: new URL(request.url), headers: request.headers, id: params.id });
    return stripeAnswer(request);
  }),
);

const owner = {
  authorization: AUTHORIZATION,
  accountHolder: { type: 'customer', customer: 'cus_test_owner' },
};

function handler(options = {}) {
  return createRelinkVerifyHandler({
    stripe: new Stripe(fakeKey, { maxNetworkRetries: 0 }),
    authorize: () => owner,
    ...options,
  });
}

function post(body) {
  return new Request('https://shop.example/api/relink-verify', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

before(() => server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => {
  stripeRequests = [];
  stripeAnswer = () => HttpResponse.json(relinkSession());
});
after(() => server.close());

const noSuchSession = () =>
  HttpResponse.json(
    {
      error: {
        type: 'invalid_request_error',
        code: 'resource_missing',
        param: 'session',
        message: `No such financialconnections.session: '${SESSION}'`,
      },
    },
    { status: 404 },
  );

describe('createRelinkVerifyHandler, when the caller is not allowed', () => {
  test('asks authorize before any Stripe call, and a null grant never reaches Stripe', async () => {
    const order = [];
    stripeAnswer = () => (order.push('stripe'), HttpResponse.json(relinkSession()));
    const response = await handler({ authorize: () => (order.push('authorize'), null) })(
      post({ session: SESSION, account: ACCOUNT }),
    );
    assert.equal(response.status, 403);
    assert.deepEqual(order, ['authorize']);
    assert.equal(stripeRequests.length, 0);
  });

  test('authorize is asked with the account the request names, not one read from Stripe', async () => {
    const asked = [];
    await handler({ authorize: ({ account }) => (asked.push(account), owner) })(
      post({ session: SESSION, account: ACCOUNT }),
    );
    await handler({ authorize: ({ account }) => (asked.push(account), owner) })(
      post({ session: SESSION, account: null }),
    );
    assert.deepEqual(asked, [ACCOUNT, null]);
  });

  test("an unknown session and someone else's session get the same status and body", async () => {
    stripeAnswer = noSuchSession;
    const unknown = await handler()(post({ session: SESSION, account: ACCOUNT }));
    stripeAnswer = () =>
      HttpResponse.json(relinkSession({ relink_options: { authorization: 'fcauth_test_other', account: ACCOUNT } }));
    const foreign = await handler()(post({ session: SESSION, account: ACCOUNT }));
    assert.equal(unknown.status, 403);
    assert.equal(foreign.status, 403);
    assert.equal(await unknown.text(), await foreign.text());
  });

  test('answers 403 when the session repairs another account than the one the request names', async () => {
    const response = await handler()(post({ session: SESSION, account: 'fca_test_savings' }));
    assert.equal(response.status, 403);
    assert.ok(!(await response.text()).includes('succeeded'));
  });
});

describe('createRelinkVerifyHandler', () => {
  test('retrieves the session with GET, on the preview version', async () => {
    const response = await handler()(post({ session: SESSION }));
    assert.equal(response.status, 200);
    assert.equal(stripeRequests.length, 1);
    const [sent] = stripeRequests;
    assert.equal(sent.method, 'GET');
    assert.equal(sent.url.pathname, `/v1/financial_connections/sessions/${SESSION}`);
    assert.equal(sent.url.search, '');
    assert.equal(sent.headers.get('stripe-version'), DEFAULT_RELINK_API_VERSION);
  });

  test('sends a configured apiVersion instead', async () => {
    await handler({ apiVersion: '2026-01-28.preview' })(post({ session: SESSION }));
    assert.equal(stripeRequests[0].headers.get('stripe-version'), '2026-01-28.preview');
  });

  test('answers exactly { status, relink_result }, uncached', async () => {
    const response = await handler()(post({ session: SESSION }));
    assert.equal(response.headers.get('content-type'), 'application/json');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const text = await response.text();
    assert.ok(!text.includes('_secret_'));
    assert.deepEqual(JSON.parse(text), {
      status: 'succeeded',
      relink_result: { authorization: AUTHORIZATION, account: ACCOUNT, failure_reason: null },
    });
  });

  test('a failed relink is reported as Stripe gave it', async () => {
    stripeAnswer = () =>
      HttpResponse.json(
        relinkSession({
          status: 'failed',
          relink_result: { authorization: null, account: null, failure_reason: 'no_account' },
        }),
      );
    const response = await handler()(post({ session: SESSION }));
    assert.deepEqual(await response.json(), {
      status: 'failed',
      relink_result: { authorization: null, account: null, failure_reason: 'no_account' },
    });
  });

  test('asks authorize with the request, the account it names and the session id', async () => {
    const asked = [];
    const request = post({ session: SESSION, account: ACCOUNT });
    await handler({ authorize: (context) => (asked.push(context), owner) })(request);
    assert.equal(asked.length, 1);
    assert.equal(asked[0].request, request);
    assert.equal(asked[0].account, ACCOUNT);
    assert.equal(asked[0].session, SESSION);
  });

  test('a request that names no account is asked as account null, and may see a same-account session', async () => {
    const asked = [];
    const response = await handler({ authorize: ({ account }) => (asked.push(account), owner) })(
      post({ session: SESSION }),
    );
    assert.equal(response.status, 200);
    assert.deepEqual(asked, [null]);
  });

  test('answers 403 when authorize returns null', async () => {
    const response = await handler({ authorize: async () => null })(post({ session: SESSION }));
    assert.equal(response.status, 403);
    const body = await response.json();
    assert.deepEqual(Object.keys(body), ['error']);
    assert.equal(body.error.type, 'permission_error');
  });

  test("answers 403 when authorize's authorization is not the session's", async () => {
    const response = await handler({ authorize: () => ({ ...owner, authorization: 'fcauth_test_someone_else' }) })(
      post({ session: SESSION }),
    );
    assert.equal(response.status, 403);
    assert.ok(!(await response.text()).includes('succeeded'));
  });

  test('answers 403 for a session that is not a relink session', async () => {
    stripeAnswer = () => {
      const { relink_options: _o, relink_result: _r, ...session } = relinkSession();
      return HttpResponse.json(session);
    };
    const response = await handler()(post({ session: SESSION }));
    assert.equal(response.status, 403);
  });

  test('answers a generic 500 when authorize throws', async () => {
    const response = await handler({
      authorize: () => {
        throw new Error('session store unreachable at redis://10.0.0.5');
      },
    })(post({ session: SESSION }));
    assert.equal(response.status, 500);
    assert.ok(!(await response.text()).includes('redis'));
  });

  for (const [label, body] of [
    ['no session', {}],
    ['a session that is not fcsess_', { session: 'fca_test_1' }],
    ['a client secret instead of the id', { session: `${SESSION}_secret_abc` }],
    ['a session that is not a string', { session: ['fcsess_1'] }],
    ['an account that is not fca_', { session: SESSION, account: 'acct_1' }],
    ['invalid JSON', '{'],
    ['a JSON array', '["fcsess_1"]'],
  ]) {
    test(`answers 400 for ${label}, without calling Stripe`, async () => {
      const response = await handler()(post(body));
      assert.equal(response.status, 400);
      const text = await response.text();
      assert.ok(!text.includes('_secret_'), 'the 400 echoed the value');
      assert.equal(JSON.parse(text).error.type, 'invalid_request_error');
      assert.equal(stripeRequests.length, 0);
    });
  }

  test('answers 405 for GET, with Allow: POST', async () => {
    const response = await handler()(new Request(`https://shop.example/api/relink-verify?session=${SESSION}`));
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST');
    assert.equal(stripeRequests.length, 0);
  });

  test("Stripe's own errors other than a refusal keep their status, without the key", async () => {
    stripeAnswer = (request) =>
      HttpResponse.json(
        { error: { type: 'api_error', message: `Something went wrong (${request.headers.get('authorization')})` } },
        { status: 500 },
      );
    const response = await handler()(post({ session: SESSION }));
    assert.equal(response.status, 502);
    const text = await response.text();
    assert.ok(!text.includes(fakeKey));
    assert.doesNotMatch(text, /\n\s+at /);
  });
});
