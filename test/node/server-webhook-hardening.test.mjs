// createRelinkWebhookHandler under attack: an event type is matched as its own name only, and
// the signature is checked over the exact bytes Stripe sent.
import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Stripe from 'stripe';
import { createRelinkWebhookHandler } from '../../dist/server/index.js';

// Built, never written out whole: a literal secret would trip the leaked-key check.
const fakeKey = ['sk', 'test', '51Fake' + 'w3bh4r'.repeat(4)].join('_');
const SECRET = ['whsec', 'Test' + 'H4rd3n'.repeat(3)].join('_');
const stripe = new Stripe(fakeKey);

let notices = [];
const handler = createRelinkWebhookHandler({
  stripe,
  webhookSecret: SECRET,
  onRelinkNeeded: (notice) => void notices.push({ needed: notice }),
  onRelinked: (notice) => void notices.push({ relinked: notice }),
});
const event = (type) => ({
  id: `evt_test_${Math.random().toString(36).slice(2)}`,
  object: 'event',
  type,
  data: { object: { id: 'fca_test_1', object: 'financial_connections.account', authorization: 'fcauth_test_1' } },
});
const deliver = (body, signedBody = body) =>
  handler(
    new Request('https://shop.example/api/stripe-webhook', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Stripe-Signature': stripe.webhooks.generateTestHeaderString({ payload: signedBody, secret: SECRET }),
      },
      body,
    }),
  );

beforeEach(() => {
  notices = [];
});

describe('createRelinkWebhookHandler, event types', () => {
  test('a signed event whose type names an Object.prototype member calls nothing, and answers 200', async () => {
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const response = await deliver(JSON.stringify(event(type)));
      assert.equal(response.status, 200, type);
    }
    assert.deepEqual(notices, []);
  });
});

describe('createRelinkWebhookHandler, the signed bytes', () => {
  test('a body with a byte-order mark does not pass with the signature of the body without it', async () => {
    const body = JSON.stringify(event('financial_connections.account.deactivated'));
    const response = await deliver(`\uFEFF${body}`, body);
    assert.equal(response.status, 400);
    assert.equal((await response.json()).error.code, 'invalid_signature');
    assert.deepEqual(notices, []);
  });

  test('the same body without the mark still passes', async () => {
    const body = JSON.stringify(event('financial_connections.account.deactivated'));
    assert.equal((await deliver(body)).status, 200);
    assert.equal(notices.length, 1);
  });
});
