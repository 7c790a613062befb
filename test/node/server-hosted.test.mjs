// createHostedRelinkHandler against stripe-node, with Stripe's API a recording stand-in: URL and
// email delivery, authorize first, the 48-hour email limit, and the other handlers' body rules.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Stripe from 'stripe';
import { createHostedRelinkHandler } from '../../dist/server/index.js';

import { setupServer, http, HttpResponse } from './support/msw.mjs';

// Built, never written out whole: a literal key would trip the leaked-key check.
const fakeKey = ['sk', 'test', '51Fake' + 'h0st3d'.repeat(4)].join('_');
const AUTHORIZATION = 'fcauth_test_1';
const ACCOUNT = 'fca_test_checking';
const RETURN_URL = 'https://shop.example/bank?relinked=1';
const HOSTED_URL = 'https://connect.stripe.com/relink/fcsess_test_h';

let requests = [];
let answer;
const hostedSession = (form) => ({
  id: 'fcsess_test_h',
  object: 'financial_connections.session',
  client_secret: 'fcsess_test_h_secret_xyz',
  livemode: false,
  status: 'pending',
  ui_mode: 'hosted',
  url: form.get('hosted[delivery_method]') === 'url' ? HOSTED_URL : null,
  hosted: { delivery_method: form.get('hosted[delivery_method]'), return_url: form.get('return_url') },
  relink_options: {
    authorization: form.get('relink_options[authorization]'),
    account: form.get('relink_options[account]'),
  },
});

const server = setupServer(
  http.get('https://api.stripe.com/v1/financial_connections/accounts/:id', ({ params }) =>
    HttpResponse.json({
      id: params.id,
      object: 'financial_connections.account',
      permissions: ['payment_method', 'balances'],
    }),
  ),
  http.post('https://api.stripe.com/v1/financial_connections/sessions', async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    requests.push({ form, stripeAccount: request.headers.get('stripe-account') });
    return answer(form);
  }),
);

const owner = { authorization: AUTHORIZATION, accountHolder: { type: 'customer', customer: 'cus_test_owner' } };
// Both deliveries: these tests are of a back-office endpoint, which may have Stripe send the email.
const handler = (options = {}) =>
  createHostedRelinkHandler({
    stripe: new Stripe(fakeKey, { maxNetworkRetries: 0 }),
    authorize: () => owner,
    returnUrl: RETURN_URL,
    deliveries: ['url', 'email'],
    ...options,
  });
const post = (body, headers = { 'Content-Type': 'application/json' }) =>
  new Request('https://shop.example/api/relink-hosted', { method: 'POST', headers, body: JSON.stringify(body) });

before(() => server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => {
  requests = [];
  answer = (form) => HttpResponse.json(hostedSession(form));
});
after(() => server.close());

describe('createHostedRelinkHandler, when the link is for you to hand over (url)', () => {
  test('creates a hosted session and answers exactly { id, url }, no secret', async () => {
    const response = await handler()(post({ account: ACCOUNT, delivery: 'url' }));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const text = await response.text();
    assert.doesNotMatch(text, /_secret_/);
    assert.deepEqual(JSON.parse(text), { id: 'fcsess_test_h', url: HOSTED_URL });
    assert.deepEqual(Object.fromEntries(requests[0].form), {
      'account_holder[type]': 'customer',
      'account_holder[customer]': 'cus_test_owner',
      'permissions[0]': 'payment_method',
      'permissions[1]': 'balances',
      'relink_options[authorization]': AUTHORIZATION,
      'relink_options[account]': ACCOUNT,
      ui_mode: 'hosted',
      'hosted[delivery_method]': 'url',
      return_url: RETURN_URL,
    });
  });

  test('delivery defaults to url; returnUrl may be a function of the request', async () => {
    const seen = [];
    await handler({
      returnUrl: ({ request, account }) => (seen.push([request.url, account]), 'https://shop.example/back'),
    })(post({ account: ACCOUNT }));
    assert.equal(requests[0].form.get('hosted[delivery_method]'), 'url');
    assert.equal(requests[0].form.get('return_url'), 'https://shop.example/back');
    assert.deepEqual(seen, [['https://shop.example/api/relink-hosted', ACCOUNT]]);
  });

  test('answers 502 unexpected_session for a session without an http(s) url', async () => {
    answer = (form) => HttpResponse.json({ ...hostedSession(form), url: 'javascript:alert(1)' });
    const response = await handler()(post({ account: ACCOUNT, delivery: 'url' }));
    assert.equal(response.status, 502);
    assert.equal((await response.json()).error.code, 'unexpected_session');
  });

  test("creates the session on the grant's connected account", async () => {
    await handler({ authorize: () => ({ ...owner, stripeAccount: 'acct_test_platform' }) })(post({ account: ACCOUNT }));
    assert.equal(requests[0].stripeAccount, 'acct_test_platform');
  });
});

describe('createHostedRelinkHandler, when Stripe emails the customer', () => {
  test('answers { id, delivery: "email" }', async () => {
    const response = await handler()(post({ account: ACCOUNT, delivery: 'email' }));
    assert.deepEqual(await response.json(), { id: 'fcsess_test_h', delivery: 'email' });
    assert.equal(requests[0].form.get('hosted[delivery_method]'), 'email');
  });

  test('answers 429 relink_rate_limited at the 48-hour email limit, with Retry-After if Stripe says when', async () => {
    answer = () =>
      HttpResponse.json(
        {
          error: {
            type: 'invalid_request_error',
            code: 'hosted_relink_email_rate_limited',
            message: 'A relink email was already sent for this account in the last 48 hours.',
          },
        },
        { status: 400, headers: { 'Retry-After': '3600' } },
      );
    const response = await handler()(post({ account: ACCOUNT, delivery: 'email' }));
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '3600');
    assert.equal((await response.json()).error.code, 'relink_rate_limited');
  });

  test('recognises the email limit by its message alone, without Retry-After when Stripe gives none', async () => {
    answer = () =>
      HttpResponse.json(
        { error: { type: 'invalid_request_error', message: 'Hosted relink emails can be sent once every 48 hours.' } },
        { status: 400 },
      );
    const response = await handler()(post({ account: ACCOUNT, delivery: 'email' }));
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), null);
    assert.equal((await response.json()).error.code, 'relink_rate_limited');
  });

  test("Stripe's plain API rate limit stays a plain 429", async () => {
    answer = () =>
      HttpResponse.json(
        {
          error: {
            type: 'rate_limit_error',
            code: 'rate_limit',
            message: 'Too many requests hit the API too quickly.',
          },
        },
        { status: 429 },
      );
    const response = await handler()(post({ account: ACCOUNT, delivery: 'email' }));
    assert.equal(response.status, 429);
    assert.equal((await response.json()).error.code, 'rate_limit');
  });
});

describe('createHostedRelinkHandler, refusals before Stripe', () => {
  test('answers 403 when authorize returns null, and Stripe is never called', async () => {
    const response = await handler({ authorize: () => null })(post({ account: ACCOUNT, delivery: 'email' }));
    assert.equal(response.status, 403);
    assert.equal(requests.length, 0);
  });

  test('answers 415 for anything but JSON, 400 for an unknown delivery or account, 405 for GET', async () => {
    let asked = 0;
    const h = handler({ authorize: () => ((asked += 1), owner) });
    assert.equal((await h(post({ account: ACCOUNT }, { 'Content-Type': 'text/plain' }))).status, 415);
    assert.equal((await h(new Request('https://shop.example/x', { method: 'POST' }))).status, 415);
    assert.equal((await h(post({ account: ACCOUNT, delivery: 'sms' }))).status, 400);
    assert.equal((await h(post({ account: 'acct_1' }))).status, 400);
    assert.equal((await h(new Request('https://shop.example/x'))).status, 405);
    assert.equal(asked, 0);
    assert.equal(requests.length, 0);
  });

  test('a returnUrl that is not http(s) fails when the handler is created', () => {
    assert.throws(() => handler({ returnUrl: 'javascript:alert(1)' }), /returnUrl/);
    assert.throws(() => handler({ returnUrl: undefined }), /returnUrl/);
  });
});
