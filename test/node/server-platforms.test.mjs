// fc-relink/server for platforms and for accounts with more than payment_method: connected
// accounts, every account-holder form, permissions kept, session parameters, and a verify that
// waits for Stripe's settled record. Stripe's API is a recording stand-in driven by stripe-node.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Stripe from 'stripe';
import { createRelinkSessionHandler, createRelinkVerifyHandler } from '../../dist/server/index.js';

import { setupServer, http, HttpResponse } from './support/msw.mjs';

// Built, never written out whole: a literal key would trip the leaked-key check.
const fakeKey = ['sk', 'test', '51Fake' + 'pL4tf0'.repeat(4)].join('_');
const AUTHORIZATION = 'fcauth_test_1';
const ACCOUNT = 'fca_test_checking';
const CONNECTED = 'acct_test_platformuser';
const SESSION = 'fcsess_test_7';

/** Every request Stripe's API received in the current test, in order. */
let requests = [];
let accountPermissions = ['payment_method'];
/** The statuses verify's reads of the session see, one per read; the last one repeats. */
let sessionStatuses = ['succeeded'];

const record = async (request) => {
  const url = new URL(request.url);
  const entry = {
    method: request.method,
    path: url.pathname,
    stripeAccount: request.headers.get('stripe-account'),
    version: request.headers.get('stripe-version'),
    form: new URLSearchParams(request.method === 'POST' ? await request.text() : ''),
  };
  requests.push(entry);
  return entry;
};

const server = setupServer(
  http.get('https://api.stripe.com/v1/financial_connections/accounts/:id', async ({ request, params }) => {
    await record(request);
    return HttpResponse.json({
      id: params.id,
      object: 'financial_connections.account',
      authorization: AUTHORIZATION,
      permissions: accountPermissions,
    });
  }),
  http.post('https://api.stripe.com/v1/financial_connections/sessions', async ({ request }) => {
    const { form } = await record(request);
    return HttpResponse.json({
      id: SESSION,
      object: 'financial_connections.session',
      client_secret: `${SESSION}_secret_abc`,
      livemode: false,
      status: 'pending',
      relink_options: {
        authorization: form.get('relink_options[authorization]'),
        account: form.get('relink_options[account]'),
      },
    });
  }),
  http.get('https://api.stripe.com/v1/financial_connections/sessions/:id', async ({ request }) => {
    await record(request);
    const reads = requests.filter((r) => r.path.startsWith('/v1/financial_connections/sessions/')).length;
    const status = sessionStatuses[Math.min(reads, sessionStatuses.length) - 1];
    const settled = status === 'succeeded';
    return HttpResponse.json({
      id: SESSION,
      object: 'financial_connections.session',
      client_secret: null,
      livemode: false,
      status,
      relink_options: { authorization: AUTHORIZATION, account: ACCOUNT },
      relink_result: settled
        ? { authorization: AUTHORIZATION, account: ACCOUNT, failure_reason: null }
        : { authorization: null, account: null, failure_reason: null },
    });
  }),
);

const stripe = () => new Stripe(fakeKey, { maxNetworkRetries: 0 });
const owner = { authorization: AUTHORIZATION, accountHolder: { type: 'customer', customer: 'cus_test_owner' } };
const post = (body) =>
  new Request('https://shop.example/api/relink', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const sessionHandler = (options = {}) =>
  createRelinkSessionHandler({ stripe: stripe(), authorize: () => owner, ...options });
const created = () => requests.find((r) => r.method === 'POST').form;

before(() => server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => {
  requests = [];
  accountPermissions = ['payment_method'];
  sessionStatuses = ['succeeded'];
});
after(() => server.close());

describe('when the grant names a connected account (Connect)', () => {
  const grant = { ...owner, stripeAccount: CONNECTED };

  test('every Stripe request of a session call goes to that account', async () => {
    const response = await sessionHandler({ authorize: () => grant })(post({ account: ACCOUNT }));
    assert.equal(response.status, 200);
    assert.deepEqual(
      requests.map((r) => [r.method, r.path, r.stripeAccount]),
      [
        ['GET', `/v1/financial_connections/accounts/${ACCOUNT}`, CONNECTED],
        ['POST', '/v1/financial_connections/sessions', CONNECTED],
      ],
    );
  });

  test('verify reads the session on that account', async () => {
    const verify = createRelinkVerifyHandler({ stripe: stripe(), authorize: () => grant });
    const response = await verify(post({ session: SESSION, account: ACCOUNT }));
    assert.equal(response.status, 200);
    assert.deepEqual(
      requests.map((r) => r.stripeAccount),
      [CONNECTED],
    );
  });

  test('names no account in any request without one', async () => {
    await sessionHandler()(post({ account: ACCOUNT }));
    assert.deepEqual(
      requests.map((r) => r.stripeAccount),
      [null, null],
    );
  });
});

describe('when the grant names the account holder', () => {
  for (const [label, holder, expected] of [
    [
      'a Customer',
      { type: 'customer', customer: 'cus_test_1' },
      { 'account_holder[type]': 'customer', 'account_holder[customer]': 'cus_test_1' },
    ],
    [
      'an Account representing a customer',
      { type: 'customer', customer_account: 'acct_test_customer' },
      { 'account_holder[type]': 'customer', 'account_holder[customer_account]': 'acct_test_customer' },
    ],
    [
      'a connected Account',
      { type: 'account', account: 'acct_test_1' },
      { 'account_holder[type]': 'account', 'account_holder[account]': 'acct_test_1' },
    ],
    ['nothing (Stripe makes it optional)', undefined, {}],
  ]) {
    test(`sends ${label} as Stripe's account_holder`, async () => {
      const grant =
        holder === undefined
          ? { authorization: AUTHORIZATION }
          : { authorization: AUTHORIZATION, accountHolder: holder };
      const response = await sessionHandler({ authorize: () => grant })(post({}));
      assert.equal(response.status, 200);
      const sent = Object.fromEntries([...created()].filter(([key]) => key.startsWith('account_holder')));
      assert.deepEqual(sent, expected);
    });
  }
});

describe('when nothing names the permissions', () => {
  const permissionsSent = () =>
    [...created()].filter(([key]) => key.startsWith('permissions')).map(([, value]) => value);

  test('a same-account session asks for what the account already has, read from Stripe', async () => {
    accountPermissions = ['balances', 'payment_method', 'transactions'];
    await sessionHandler()(post({ account: ACCOUNT }));
    assert.deepEqual(permissionsSent(), ['balances', 'payment_method', 'transactions']);
  });

  test('an account Stripe reports no permissions for gets payment_method', async () => {
    accountPermissions = null;
    await sessionHandler()(post({ account: ACCOUNT }));
    assert.deepEqual(permissionsSent(), ['payment_method']);
  });

  test('an any-account session uses payment_method, without reading an account', async () => {
    await sessionHandler()(post({}));
    assert.deepEqual(permissionsSent(), ['payment_method']);
    assert.equal(requests.length, 1);
  });

  test("the handler's permissions, then the grant's, win over the account's", async () => {
    accountPermissions = ['balances', 'payment_method'];
    await sessionHandler({ permissions: ['ownership'] })(post({ account: ACCOUNT }));
    assert.deepEqual(permissionsSent(), ['ownership']);
    requests = [];
    await sessionHandler({
      permissions: ['ownership'],
      authorize: () => ({ ...owner, permissions: ['transactions'] }),
    })(post({ account: ACCOUNT }));
    assert.deepEqual(permissionsSent(), ['transactions']);
    assert.equal(requests.length, 1, 'the account was read although the permissions were named');
  });
});

describe('when session parameters are given', () => {
  test("passes them through, the grant's over the handler's", async () => {
    const handler = sessionHandler({
      sessionParams: {
        filters: { countries: ['US'], require_payment_method_support: 'all' },
        limits: { accounts: 1 },
        prefetch: ['balances'],
      },
      authorize: () => ({
        ...owner,
        sessionParams: { return_url: 'https://app.example/back', prefetch: ['ownership', 'transactions'] },
      }),
    });
    await handler(post({}));
    const sent = Object.fromEntries(
      [...created()].filter(([key]) => /^(filters|limits|prefetch|return_url)/.test(key)),
    );
    assert.deepEqual(sent, {
      'filters[countries][0]': 'US',
      'filters[require_payment_method_support]': 'all',
      'limits[accounts]': '1',
      'prefetch[0]': 'ownership',
      'prefetch[1]': 'transactions',
      return_url: 'https://app.example/back',
    });
  });
});

describe('when Stripe still reports the session pending', () => {
  const verify = (options = {}) => createRelinkVerifyHandler({ stripe: stripe(), authorize: () => owner, ...options });

  test('verify reads it again with back-off and answers the settled record', async () => {
    sessionStatuses = ['pending', 'pending', 'succeeded'];
    const started = Date.now();
    const response = await verify()(post({ session: SESSION, account: ACCOUNT }));
    const elapsed = Date.now() - started;
    assert.deepEqual(await response.json(), {
      status: 'succeeded',
      relink_result: { authorization: AUTHORIZATION, account: ACCOUNT, failure_reason: null },
    });
    assert.equal(requests.length, 3);
    // 250 ms, then 500 ms.
    assert.ok(elapsed >= 700 && elapsed < 3000, `took ${elapsed} ms`);
  });

  test('verify gives up at pendingTimeoutMs and answers the pending record', async () => {
    sessionStatuses = ['pending'];
    const started = Date.now();
    const response = await verify({ pendingTimeoutMs: 900 })(post({ session: SESSION, account: ACCOUNT }));
    const elapsed = Date.now() - started;
    assert.equal((await response.json()).status, 'pending');
    assert.ok(elapsed >= 850 && elapsed < 2500, `took ${elapsed} ms`);
    // Reads at 0, 250, 750 and 900 ms.
    assert.equal(requests.length, 4);
  });

  test('a settled session is answered at once, with one read', async () => {
    const response = await verify()(post({ session: SESSION, account: ACCOUNT }));
    assert.equal((await response.json()).status, 'succeeded');
    assert.equal(requests.length, 1);
  });
});
