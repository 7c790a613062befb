// fc-relink/server under hostile callers: bodies that never end, requests a cross-site page can
// send with cookies and no preflight, and nothing reaching Stripe before the body is accepted.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Stripe from 'stripe';
import { createRelinkSessionHandler, createRelinkVerifyHandler } from '../../dist/server/index.js';

import { setupServer, http, HttpResponse } from './support/msw.mjs';

// Built, never written out whole: a literal key would trip the leaked-key check.
const fakeKey = ['sk', 'test', '51Fake' + 'h4Rd3n'.repeat(4)].join('_');
const AUTHORIZATION = 'fcauth_test_1';
const ACCOUNT = 'fca_test_checking';

let stripeRequests = 0;
const server = setupServer(
  http.all('https://api.stripe.com/*', () => {
    stripeRequests += 1;
    return HttpResponse.json({ error: { type: 'api_error', message: 'not expected' } }, { status: 500 });
  }),
);

const grant = { authorization: AUTHORIZATION, accountHolder: { type: 'customer', customer: 'cus_test_owner' } };
let asked = 0;
const options = () => ({
  stripe: new Stripe(fakeKey, { maxNetworkRetries: 0 }),
  authorize: () => ((asked += 1), grant),
});
const handlers = {
  session: () => createRelinkSessionHandler(options()),
  verify: () => createRelinkVerifyHandler(options()),
};

/** A POST whose body is a stream of `total` bytes with no Content-Length, counting what is read. */
function endlessPost(total) {
  const chunk = new TextEncoder().encode(`{"pad":"${'x'.repeat(1012)}",`);
  let pulled = 0;
  const body = new ReadableStream({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new Request('https://shop.example/api/relink', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
    duplex: 'half',
  });
  return { request, pulled: () => pulled };
}

before(() => server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => {
  stripeRequests = 0;
  asked = 0;
});
after(() => server.close());

for (const [name, make] of Object.entries(handlers)) {
  describe(`the ${name} handler, when a body streams without Content-Length`, () => {
    test('stops reading past 16 KiB and answers 413, before authorize and Stripe', async () => {
      const { request, pulled } = endlessPost(8 * 1024 * 1024);
      const response = await make()(request);
      assert.equal(response.status, 413);
      assert.equal((await response.json()).error.code, 'body_too_large');
      assert.ok(pulled() < 64 * 1024, `read ${pulled()} bytes of a body it had to refuse`);
      assert.equal(asked, 0);
      assert.equal(stripeRequests, 0);
    });
  });

  describe(`the ${name} handler, when a POST is not sent as JSON`, () => {
    for (const [label, init] of [
      ['an empty body with no Content-Type', {}],
      ['an empty text/plain body', { headers: { 'Content-Type': 'text/plain' }, body: '' }],
      ['a form post', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `account=${ACCOUNT}` }],
    ]) {
      test(`answers 415 to ${label}, before authorize and Stripe`, async () => {
        const response = await make()(new Request('https://shop.example/api/relink', { method: 'POST', ...init }));
        assert.equal(response.status, 415);
        assert.equal((await response.json()).error.code, 'unsupported_media_type');
        assert.equal(asked, 0);
        assert.equal(stripeRequests, 0);
      });
    }
  });
}
