// An app's onError may be async: whatever it returns or rejects with, the handlers answer as
// they would without it, and nothing becomes an unhandled rejection that ends the process.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Stripe from 'stripe';
import {
  createHostedRelinkHandler,
  createRelinkSessionHandler,
  createRelinkVerifyHandler,
  createRelinkWebhookHandler,
} from '../../dist/server/index.js';

// Built, never written out whole: a literal key would trip the leaked-key check.
const fakeKey = ['sk', 'test', '51Fake' + 'c4llb4'.repeat(4)].join('_');
const SECRET = ['whsec', 'Test' + 'C4llb4ck'.repeat(3)].join('_');
const stripe = new Stripe(fakeKey, { maxNetworkRetries: 0 });

const unhandled = [];
const onUnhandled = (reason) => void unhandled.push(reason);
before(() => process.on('unhandledRejection', onUnhandled));
after(() => process.off('unhandledRejection', onUnhandled));

/** Lets a rejection nobody handled surface (Node reports them after the microtask queue drains). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

const rejecting = async () => {
  throw new Error('the log service is down');
};
const post = (url, body, headers = {}) =>
  new Request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const throwingAuthorize = () => {
  throw new Error('no session store');
};

describe('an onError that rejects', () => {
  test("the webhook's bad-signature path answers 400, and no rejection goes unhandled", async () => {
    const handler = createRelinkWebhookHandler({ stripe, webhookSecret: SECRET, onError: rejecting });
    const unsigned = post('https://shop.example/hook', { id: 'evt_1' }, { 'Stripe-Signature': 't=1,v1=00' });
    const response = await handler(unsigned);
    assert.equal(response.status, 400);
    await settle();
    assert.deepEqual(unhandled, []);
  });

  test('the session, hosted and verify handlers answer 500 when authorize throws; nothing goes unhandled', async () => {
    const common = { stripe, authorize: throwingAuthorize, onError: rejecting };
    const handlers = [
      createRelinkSessionHandler(common),
      createHostedRelinkHandler({ ...common, returnUrl: 'https://shop.example/back' }),
      createRelinkVerifyHandler(common),
    ];
    for (const handler of handlers) {
      const body = { account: 'fca_test_1', session: 'fcsess_test_1' };
      const response = await handler(post('https://shop.example/api', body));
      assert.equal(response.status, 500);
    }
    await settle();
    assert.deepEqual(unhandled, []);
  });

  test('an onError returning a promise that never settles does not hold the answer', async () => {
    const handler = createRelinkWebhookHandler({ stripe, webhookSecret: SECRET, onError: () => new Promise(() => {}) });
    const response = await handler(post('https://shop.example/hook', {}, { 'Stripe-Signature': 't=1,v1=00' }));
    assert.equal(response.status, 400);
  });
});
