// fc-relink/server's session handler against stripe-node, with Stripe's API intercepted by msw:
// what reaches Stripe, what reaches the browser, and what never does (keys, secrets, stacks).
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Stripe from 'stripe';
import { createRelinkSessionHandler, DEFAULT_RELINK_API_VERSION } from '../../dist/server/index.js';

import { setupServer, http, HttpResponse } from './support/msw.mjs';

// Built, never written out whole: a literal key would trip the leaked-key check.
const fakeKey = ['sk', 'test', '51Fake' + 'a1B2c3'.repeat(4)].join('_');
const SESSIONS_URL = 'https://api.stripe.com/v1/financial_connections/sessions';
const CUSTOMER = 'cus_test_owner';
const AUTHORIZATION = 'fcauth_test_1';
const ACCOUNT = 'fca_test_checking';

/** Every request Stripe's API received in the current test. */
let stripeRequests = [];

function stripeSession(form) {
  return {
    id: 'fcsess_test_1',
    object: 'financial_connections.session',
    client_secret: 'fcsess_test_1_secret_abc123',
    livemode: false,
    accounts: { object: 'list', data: [], has_more: false, url: '/v1/financial_connections/accounts' },
    account_holder: { type: form.get('account_holder[type]'), customer: form.get('account_holder[customer]') },
    filters: { countries: ['US'] },
    permissions: [form.get('permissions[0]')],
    prefetch: null,
    status: 'pending',
    relink_options: {
      authorization: form.get('relink_options[authorization]'),
      account: form.get('relink_options[account]'),
    },
    relink_result: { authorization: null, account: null, failure_reason: null },
  };
}

/** A Stripe API error answer whose message echoes the caller's key, as a careless one might. */
function stripeFails(status, error) {
  return (form, request) => {
    const key = (request.headers.get('authorization') ?? '').replace(/^Bearer /, '');
    return HttpResponse.json({ error: { ...error, message: `${error.message} (key ${key})` } }, { status });
  };
}

const answerWithSession = (form) => HttpResponse.json(stripeSession(form));

// How Stripe answers in the current test. (One handler reading this, rather than server.use()
// and resetHandlers(): msw 3's resetHandlers() needs Set.prototype.intersection, Node 22+.)
let stripeAnswer = answerWithSession;

/** Every account read (for its current permissions) in the current test. */
let accountReads = [];
let accountPermissions = ['payment_method'];

const server = setupServer(
  http.get('https://api.stripe.com/v1/financial_connections/accounts/:id', ({ request, params }) => {
    accountReads.push({ id: params.id, headers: request.headers });
    return HttpResponse.json({
      id: params.id,
      object: 'financial_connections.account',
      permissions: accountPermissions,
    });
  }),
  http.post(SESSIONS_URL, async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    stripeRequests.push({ method: request.method, url: request.url, headers: request.headers, form });
    return stripeAnswer(form, request);
  }),
);

function stripeClient(config = {}) {
  // No retries: a 429 or 5xx would otherwise be retried with a back-off, slowing the suite.
  return new Stripe(fakeKey, { maxNetworkRetries: 0, ...config });
}

const owner = { authorization: AUTHORIZATION, accountHolder: { type: 'customer', customer: CUSTOMER } };

function handler(options = {}) {
  return createRelinkSessionHandler({ stripe: stripeClient(), authorize: async () => owner, ...options });
}

function post(body, init = {}) {
  return new Request('https://shop.example/api/relink-session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
}

function assertNoLeak(text) {
  assert.ok(!text.includes(fakeKey), 'the secret key leaked');
  assert.doesNotMatch(text, /\bsk_(test|live)_/);
  assert.doesNotMatch(text, /_secret_/);
  assert.doesNotMatch(text, /\n\s+at |Error:/, 'a stack trace leaked');
}

before(() => server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => {
  stripeRequests = [];
  accountReads = [];
  accountPermissions = ['payment_method'];
  stripeAnswer = answerWithSession;
});
after(() => server.close());

describe('createRelinkSessionHandler: a same-account session', () => {
  test('sends Stripe exactly the relink request, on the default preview version', async () => {
    const response = await handler()(post({ account: ACCOUNT }));
    assert.equal(response.status, 200);
    assert.equal(stripeRequests.length, 1);
    const [sent] = stripeRequests;
    assert.equal(sent.method, 'POST');
    assert.equal(new URL(sent.url).pathname, '/v1/financial_connections/sessions');
    assert.equal(sent.headers.get('stripe-version'), DEFAULT_RELINK_API_VERSION);
    assert.equal(DEFAULT_RELINK_API_VERSION, '2026-08-26.preview');
    assert.equal(sent.headers.get('content-type'), 'application/x-www-form-urlencoded');
    assert.deepEqual(Object.fromEntries(sent.form), {
      'account_holder[type]': 'customer',
      'account_holder[customer]': CUSTOMER,
      'permissions[0]': 'payment_method',
      'relink_options[authorization]': AUTHORIZATION,
      'relink_options[account]': ACCOUNT,
    });
  });

  test('answers with exactly id, client_secret, relink_options and livemode, uncached', async () => {
    const response = await handler()(post({ account: ACCOUNT }));
    assert.equal(response.headers.get('content-type'), 'application/json');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await response.json(), {
      id: 'fcsess_test_1',
      client_secret: 'fcsess_test_1_secret_abc123',
      relink_options: { authorization: AUTHORIZATION, account: ACCOUNT },
      livemode: false,
    });
  });

  test('asks authorize with the request and the account', async () => {
    const asked = [];
    const request = post({ account: ACCOUNT });
    await handler({ authorize: (context) => (asked.push(context), owner) })(request);
    assert.equal(asked.length, 1);
    assert.equal(asked[0].request, request);
    assert.equal(asked[0].account, ACCOUNT);
    assert.equal('session' in asked[0], false);
  });
});

describe('createRelinkSessionHandler: an any-account session', () => {
  for (const [label, body] of [
    ['{}', {}],
    ['an empty body', ''],
    ['"account": null', { account: null }],
  ]) {
    test(`${label} asks for no relink_options[account]`, async () => {
      const asked = [];
      const response = await handler({ authorize: ({ account }) => (asked.push(account), owner) })(post(body));
      assert.equal(response.status, 200);
      assert.deepEqual(asked, [null]);
      const { form } = stripeRequests[0];
      assert.equal(form.get('relink_options[authorization]'), AUTHORIZATION);
      assert.equal(form.has('relink_options[account]'), false);
      assert.deepEqual((await response.json()).relink_options, { authorization: AUTHORIZATION, account: null });
    });
  }
});

describe('createRelinkSessionHandler: options', () => {
  test('a configured apiVersion is sent, even by a client pinned to a GA version', async () => {
    const stripe = stripeClient({ apiVersion: '2025-01-27.acacia' });
    const response = await createRelinkSessionHandler({
      stripe,
      authorize: () => owner,
      apiVersion: '2026-01-28.preview',
    })(post({ account: ACCOUNT }));
    assert.equal(response.status, 200);
    assert.equal(stripeRequests[0].headers.get('stripe-version'), '2026-01-28.preview');
  });

  test('the default preview version overrides a GA version pinned on the client', async () => {
    const stripe = stripeClient({ apiVersion: '2025-01-27.acacia' });
    await createRelinkSessionHandler({ stripe, authorize: () => owner })(post({}));
    assert.equal(stripeRequests[0].headers.get('stripe-version'), DEFAULT_RELINK_API_VERSION);
  });

  test('a Connect account holder is sent as account_holder[account]', async () => {
    const grant = { authorization: AUTHORIZATION, accountHolder: { type: 'account', account: 'acct_test_1' } };
    await handler({ authorize: () => grant })(post({ account: ACCOUNT }));
    const { form } = stripeRequests[0];
    assert.equal(form.get('account_holder[type]'), 'account');
    assert.equal(form.get('account_holder[account]'), 'acct_test_1');
    assert.equal(form.has('account_holder[customer]'), false);
  });

  test("permissions: authorize's, else the handler's, else payment_method", async () => {
    await handler({ permissions: ['balances', 'ownership'] })(post({}));
    await handler({
      permissions: ['balances'],
      authorize: () => ({ ...owner, permissions: ['transactions', 'payment_method'] }),
    })(post({}));
    await handler()(post({}));
    const sent = stripeRequests.map(({ form }) => [...form].filter(([k]) => k.startsWith('permissions')));
    assert.deepEqual(sent, [
      [
        ['permissions[0]', 'balances'],
        ['permissions[1]', 'ownership'],
      ],
      [
        ['permissions[0]', 'transactions'],
        ['permissions[1]', 'payment_method'],
      ],
      [['permissions[0]', 'payment_method']],
    ]);
  });

  test("only the grant's known fields reach Stripe", async () => {
    const sloppy = { ...owner, accountHolder: { ...owner.accountHolder, email: 'a@b.example' }, note: 'internal' };
    await handler({ authorize: () => sloppy })(post({}));
    assert.deepEqual([...stripeRequests[0].form.keys()].sort(), [
      'account_holder[customer]',
      'account_holder[type]',
      'permissions[0]',
      'relink_options[authorization]',
    ]);
  });

  test("stripe-node's fetch HTTP client is intercepted as well as its default one", async () => {
    const stripe = stripeClient({ httpClient: Stripe.createFetchHttpClient() });
    const response = await createRelinkSessionHandler({ stripe, authorize: () => owner })(post({ account: ACCOUNT }));
    assert.equal(response.status, 200);
    assert.equal(stripeRequests[0].headers.get('stripe-version'), DEFAULT_RELINK_API_VERSION);
  });

  test('a missing client or authorize fails when the handler is created', () => {
    assert.throws(() => createRelinkSessionHandler({ authorize: () => owner }), TypeError);
    assert.throws(() => createRelinkSessionHandler({ stripe: stripeClient() }), /authorize/);
    assert.throws(() => createRelinkSessionHandler({ stripe: {}, authorize: () => owner }), /stripe/);
    assert.throws(
      () => createRelinkSessionHandler({ stripe: stripeClient(), authorize: () => owner, apiVersion: '' }),
      /apiVersion/,
    );
  });
});

describe('createRelinkSessionHandler: refusals before Stripe', () => {
  test('answers 415 for a body that is not sent as JSON (a cross-site form post), before authorize', async () => {
    let asked = false;
    const h = handler({ authorize: async () => ((asked = true), owner) });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await h(post(JSON.stringify({ account: ACCOUNT }), { headers: { 'Content-Type': type } }));
      assert.equal(response.status, 415, type);
      assert.equal((await response.json()).error.code, 'unsupported_media_type');
    }
    assert.equal(asked, false);
    assert.equal(stripeRequests.length, 0);
  });

  test('answers 413 for a body over 16 KiB, before authorize', async () => {
    const big = JSON.stringify({ account: ACCOUNT, padding: 'x'.repeat(17 * 1024) });
    const response = await handler()(post(big));
    assert.equal(response.status, 413);
    assert.equal((await response.json()).error.code, 'body_too_large');
    assert.equal(stripeRequests.length, 0);
  });

  test('answers 403 when authorize returns null, and Stripe is never called', async (t) => {
    // Every request that leaves for Stripe's API, whatever it asks (an account read as well as a
    // session creation), handled or not.
    const reachedStripe = [];
    const onRequest = ({ request }) => {
      if (new URL(request.url).hostname === 'api.stripe.com') reachedStripe.push(`${request.method} ${request.url}`);
    };
    server.events.on('request:start', onRequest);
    t.after(() => server.events.removeListener('request:start', onRequest));
    const response = await handler({ authorize: async () => null })(post({ account: 'fca_someone_else' }));
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('content-type'), 'application/json');
    const body = await response.json();
    assert.equal(body.error.type, 'permission_error');
    assert.equal(typeof body.error.message, 'string');
    assert.equal(stripeRequests.length, 0);
    assert.deepEqual(accountReads, []);
    assert.deepEqual(reachedStripe, []);
  });

  for (const [label, body, code] of [
    ['invalid JSON', '{"account":', 'invalid_json'],
    ['a JSON array', '[]', 'invalid_json'],
    ['a JSON string', '"fca_1"', 'invalid_json'],
    ['JSON null', 'null', 'invalid_json'],
    ['an account that is not fca_', { account: 'acct_1' }, 'parameter_invalid'],
    ['an account with odd characters', { account: 'fca_1/../x' }, 'parameter_invalid'],
    ['an account that is a number', { account: 42 }, 'parameter_invalid'],
    ['an empty account', { account: '' }, 'parameter_invalid'],
  ]) {
    test(`answers 400 for ${label}`, async () => {
      let asked = false;
      const response = await handler({ authorize: () => ((asked = true), owner) })(post(body));
      assert.equal(response.status, 400);
      const { error } = await response.json();
      assert.equal(error.type, 'invalid_request_error');
      assert.equal(error.code, code);
      if (code === 'parameter_invalid') assert.match(error.message, /"account"/);
      assert.equal(asked, false);
      assert.equal(stripeRequests.length, 0);
    });
  }

  for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS']) {
    test(`answers 405 for ${method}, with Allow: POST`, async () => {
      const response = await handler()(new Request('https://shop.example/api/relink-session', { method }));
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('allow'), 'POST');
      assert.equal((await response.json()).error.code, 'method_not_allowed');
      assert.equal(stripeRequests.length, 0);
    });
  }

  test('answers a generic 500 when authorize throws, and onError gets the error', async () => {
    const reported = [];
    const thrown = new Error(`db down at postgres://admin:hunter2@db.internal, key ${fakeKey}`);
    const response = await handler({
      authorize: async () => {
        throw thrown;
      },
      onError: (error, context) => reported.push({ error, stage: context.stage }),
    })(post({ account: ACCOUNT }));
    assert.equal(response.status, 500);
    const text = await response.text();
    assertNoLeak(text);
    assert.ok(!text.includes('hunter2') && !text.includes('postgres'));
    assert.equal(typeof JSON.parse(text).error.message, 'string');
    assert.deepEqual(reported, [{ error: thrown, stage: 'authorize' }]);
    assert.equal(stripeRequests.length, 0);
  });

  for (const [label, grant] of [
    ['undefined', undefined],
    ['no authorization', { accountHolder: owner.accountHolder }],
    ['an authorization that is not fcauth_', { ...owner, authorization: 'fca_1' }],
    [
      'a holder with two ids',
      { ...owner, accountHolder: { type: 'customer', customer: CUSTOMER, customer_account: 'acct_1' } },
    ],
    ['a stripeAccount that is not acct_', { ...owner, stripeAccount: 'cus_1' }],
    ['a customer holder without cus_', { ...owner, accountHolder: { type: 'customer', customer: 'acct_1' } }],
    ['an unknown holder type', { ...owner, accountHolder: { type: 'person', customer: CUSTOMER } }],
    ['empty permissions', { ...owner, permissions: [] }],
  ]) {
    test(`answers a generic 500 when authorize returns ${label}`, async () => {
      const reported = [];
      const response = await handler({ authorize: () => grant, onError: (error) => reported.push(error) })(post({}));
      assert.equal(response.status, 500);
      assert.equal(reported.length, 1);
      assert.ok(reported[0] instanceof TypeError);
      assert.equal(stripeRequests.length, 0);
    });
  }

  test('an onError that throws does not change the answer', async () => {
    const response = await handler({
      authorize: () => {
        throw new Error('boom');
      },
      onError: () => {
        throw new Error('logger down');
      },
    })(post({}));
    assert.equal(response.status, 500);
  });
});

describe('createRelinkSessionHandler: Stripe errors', () => {
  const cases = [
    {
      label: 'invalid_request_error → 400',
      status: 400,
      error: {
        type: 'invalid_request_error',
        code: 'parameter_invalid',
        message: 'relink_options[account] does not belong to the authorization.',
      },
      expect: { status: 400, type: 'invalid_request_error', code: 'parameter_invalid' },
    },
    {
      label: 'resource_missing → 404',
      status: 404,
      error: {
        type: 'invalid_request_error',
        code: 'resource_missing',
        message: "No such authorization: 'fcauth_test_1'",
      },
      expect: { status: 404, type: 'invalid_request_error', code: 'resource_missing' },
    },
    {
      label: 'authentication_error → 500, generic',
      status: 401,
      error: { type: 'invalid_request_error', message: 'Invalid API Key provided' },
      expect: { status: 500, generic: true },
    },
    {
      label: 'permission_error → 500, generic',
      status: 403,
      error: {
        type: 'invalid_request_error',
        code: 'secret_key_required',
        message: 'The provided key does not have access.',
      },
      expect: { status: 500, generic: true },
    },
    {
      label: 'rate_limit_error → 429',
      status: 429,
      error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests.' },
      expect: { status: 429, type: 'rate_limit_error', code: 'rate_limit' },
    },
    {
      label: 'api_error → 502',
      status: 500,
      error: { type: 'api_error', message: 'Something went wrong on our end.' },
      expect: { status: 502, type: 'api_error' },
    },
  ];

  for (const { label, status, error, expect } of cases) {
    test(label, async () => {
      stripeAnswer = stripeFails(status, error);
      const reported = [];
      const response = await handler({ onError: (e, { stage }) => reported.push({ e, stage }) })(
        post({ account: ACCOUNT }),
      );
      assert.equal(stripeRequests.length, 1);
      assert.equal(response.status, expect.status);
      assert.equal(response.headers.get('content-type'), 'application/json');
      const text = await response.text();
      assertNoLeak(text);
      const body = JSON.parse(text);
      assert.deepEqual(Object.keys(body), ['error']);
      assert.equal(typeof body.error.message, 'string');
      if (expect.generic) {
        assert.match(body.error.message, /misconfigured/);
        assert.ok(!body.error.message.includes(error.message));
        assert.equal(body.error.code, 'server_error');
      } else {
        assert.equal(body.error.type, expect.type);
        assert.equal(body.error.code, expect.code);
        // Stripe's own message is kept (it is about the request), with the echoed key removed.
        assert.ok(body.error.message.startsWith(error.message), body.error.message);
        assert.match(body.error.message, /\[secret key\]/);
      }
      assert.equal(reported.length, 1);
      assert.equal(reported[0].stage, 'stripe');
    });
  }

  test('answers a connection failure with 502 api_connection_error', async () => {
    stripeAnswer = () => HttpResponse.error();
    const response = await handler()(post({ account: ACCOUNT }));
    assert.equal(response.status, 502);
    const text = await response.text();
    assertNoLeak(text);
    assert.equal(JSON.parse(text).error.type, 'api_connection_error');
  });

  test('client secrets and webhook secrets in a Stripe message are redacted', async () => {
    const restricted = ['rk', 'live', 'abcdef123456'].join('_');
    const message = `Session fcsess_test_9_secret_zzz already used; see whsec_abc123 and ${restricted}.`;
    stripeAnswer = stripeFails(400, { type: 'invalid_request_error', message });
    const response = await handler()(post({}));
    assert.equal(response.status, 400);
    const { error } = await response.json();
    assert.ok(!error.message.includes('fcsess_test_9_secret_zzz'));
    assert.ok(!error.message.includes('whsec_abc123'));
    assert.ok(!error.message.includes(restricted));
    assert.match(error.message, /\[client secret\].*\[webhook secret\].*\[secret key\]/);
  });

  test('answers 502, and no client secret, for a session that is not the one asked for', async () => {
    stripeAnswer = (form) => {
      const session = stripeSession(form);
      return HttpResponse.json({
        ...session,
        relink_options: { ...session.relink_options, account: 'fca_test_other' },
      });
    };
    const response = await handler()(post({ account: ACCOUNT }));
    assert.equal(response.status, 502);
    const text = await response.text();
    assertNoLeak(text);
    assert.equal(JSON.parse(text).error.code, 'unexpected_session');
  });

  test('answers 502 for a session without relink_options (relink ignored)', async () => {
    stripeAnswer = (form) => {
      const { relink_options: _, ...session } = stripeSession(form);
      return HttpResponse.json(session);
    };
    const response = await handler()(post({}));
    assert.equal(response.status, 502);
  });
});
