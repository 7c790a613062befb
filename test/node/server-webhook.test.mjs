// createRelinkWebhookHandler: Stripe's Financial Connections events, signed with stripe-node's
// own test signer, turned into onRelinkNeeded / onRelinked; and mounted with toNodeHandler under
// Express, where the signature needs the raw body.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import express from 'express';
import Stripe from 'stripe';
import { stripeEvent } from './support/stripe-event.mjs';
import { createRelinkWebhookHandler, toNodeHandler } from '../../dist/server/index.js';

// Built, never written out whole: a literal secret would trip the leaked-key check.
const fakeKey = ['sk', 'test', '51Fake' + 'w3bh00'.repeat(4)].join('_');
const SECRET = ['whsec', 'Test' + 'S1gn1ng'.repeat(3)].join('_');
const stripe = new Stripe(fakeKey);

let notices = [];
const options = (overrides = {}) => ({
  stripe,
  webhookSecret: SECRET,
  onRelinkNeeded: (notice) => void notices.push({ needed: notice }),
  onRelinked: (notice) => void notices.push({ relinked: notice }),
  ...overrides,
});

const fcAccount = (fields = {}) => ({
  id: 'fca_test_1',
  object: 'financial_connections.account',
  authorization: 'fcauth_test_1',
  status: 'inactive',
  ...fields,
});
const event = stripeEvent;

function signed(payload, secret = SECRET) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const signature = stripe.webhooks.generateTestHeaderString({ payload: body, secret });
  return { body, signature };
}

function deliver(handler, payload, { secret, headers = {} } = {}) {
  const { body, signature } = signed(payload, secret);
  return handler(
    new Request('https://shop.example/api/stripe-webhook', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Stripe-Signature': signature, ...headers },
      body,
    }),
  );
}

beforeEach(() => {
  notices = [];
});

describe('createRelinkWebhookHandler, when an account needs a relink', () => {
  for (const [type, reason] of [
    ['financial_connections.account.deactivated', 'inactive'],
    ['financial_connections.account.upcoming_deactivation', 'upcoming_deactivation'],
    ['financial_connections.account.upcoming_account_number_expiry', 'account_number_expiring'],
  ]) {
    test(`calls onRelinkNeeded with reason ${reason} for ${type}`, async () => {
      const sent = event(type, fcAccount());
      const response = await deliver(createRelinkWebhookHandler(options()), sent);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { received: true });
      assert.equal(notices.length, 1);
      const { needed } = notices[0];
      assert.equal(needed.account, 'fca_test_1');
      assert.equal(needed.reason, reason);
      assert.equal(needed.stripeAccount, null);
      assert.equal(needed.event.id, sent.id);
      assert.equal(needed.event.type, type);
    });
  }

  test("a connected account's event names it as stripeAccount", async () => {
    await deliver(
      createRelinkWebhookHandler(options()),
      event('financial_connections.account.deactivated', fcAccount(), { account: 'acct_test_1' }),
    );
    assert.equal(notices[0].needed.stripeAccount, 'acct_test_1');
  });
});

describe('createRelinkWebhookHandler, when an account was relinked', () => {
  test('calls onRelinked with the account and authorization on financial_connections.account.reactivated', async () => {
    const sent = event('financial_connections.account.reactivated', fcAccount({ status: 'active' }));
    await deliver(createRelinkWebhookHandler(options()), sent);
    assert.deepEqual(
      notices.map((n) => [n.relinked.account, n.relinked.authorization, n.relinked.event.id]),
      [['fca_test_1', 'fcauth_test_1', sent.id]],
    );
  });

  const session = (status, relink_result) => ({
    id: 'fcsess_test_1',
    object: 'financial_connections.session',
    status,
    relink_result,
  });

  test('calls onRelinked for financial_connections.session.updated with a successful relink_result', async () => {
    const handler = createRelinkWebhookHandler(options());
    await deliver(
      handler,
      event(
        'financial_connections.session.updated',
        session('succeeded', { authorization: 'fcauth_test_1', account: 'fca_test_1', failure_reason: null }),
      ),
    );
    await deliver(
      handler,
      event(
        'financial_connections.session.updated',
        session('succeeded', { authorization: 'fcauth_test_1', account: null, failure_reason: null }),
      ),
    );
    assert.deepEqual(
      notices.map((n) => [n.relinked.account, n.relinked.authorization]),
      [
        ['fca_test_1', 'fcauth_test_1'],
        [null, 'fcauth_test_1'],
      ],
    );
  });

  test('answers 200 and calls nothing for a session that failed, was cancelled, or is no relink', async () => {
    const handler = createRelinkWebhookHandler(options());
    for (const object of [
      session('failed', { authorization: null, account: null, failure_reason: 'no_account' }),
      session('cancelled', { authorization: null, account: null, failure_reason: null }),
      session('succeeded', undefined),
    ]) {
      const response = await deliver(handler, event('financial_connections.session.updated', object));
      assert.equal(response.status, 200);
    }
    assert.deepEqual(notices, []);
  });
});

describe('createRelinkWebhookHandler, for everything else', () => {
  test('other event types are answered 200, untouched', async () => {
    const handler = createRelinkWebhookHandler(options());
    for (const type of [
      'financial_connections.account.disconnected',
      'payment_intent.succeeded',
      'financial_connections.account.created',
    ]) {
      const response = await deliver(handler, event(type, fcAccount()));
      assert.equal(response.status, 200, type);
    }
    assert.deepEqual(notices, []);
  });

  test('answers a bad or missing signature with 400 and no callback, without the secret in the answer', async () => {
    const reported = [];
    const handler = createRelinkWebhookHandler(options({ onError: (error, { stage }) => reported.push(stage) }));
    const other = ['whsec', 'Other' + 'S1gn1ng'.repeat(3)].join('_');
    const wrong = await deliver(handler, event('financial_connections.account.deactivated', fcAccount()), {
      secret: other,
    });
    assert.equal(wrong.status, 400);
    const text = await wrong.text();
    assert.equal(JSON.parse(text).error.code, 'invalid_signature');
    assert.ok(!text.includes(SECRET) && !text.includes(other));
    const unsigned = await handler(new Request('https://shop.example/hook', { method: 'POST', body: '{}' }));
    assert.equal(unsigned.status, 400);
    assert.deepEqual(notices, []);
    assert.deepEqual(reported, ['webhook']);
  });

  test('answers a body changed after signing with 400 and no callback', async () => {
    const { body, signature } = signed(event('financial_connections.account.deactivated', fcAccount()));
    const tampered = body.replace('fca_test_1', 'fca_test_2');
    const response = await createRelinkWebhookHandler(options())(
      new Request('https://shop.example/hook', {
        method: 'POST',
        headers: { 'Stripe-Signature': signature },
        body: tampered,
      }),
    );
    assert.equal(response.status, 400);
    assert.deepEqual(notices, []);
  });

  test('answers 500 when a callback throws, so that Stripe delivers the event again', async () => {
    const handler = createRelinkWebhookHandler(
      options({
        onRelinkNeeded: async () => {
          throw new Error('db down');
        },
      }),
    );
    const response = await deliver(handler, event('financial_connections.account.deactivated', fcAccount()));
    assert.equal(response.status, 500);
    assert.ok(!(await response.text()).includes('db down'));
  });

  test('answers 405 for GET, and fails when the handler is created without a client or secret', async () => {
    assert.equal((await createRelinkWebhookHandler(options())(new Request('https://shop.example/hook'))).status, 405);
    assert.throws(() => createRelinkWebhookHandler({ ...options(), webhookSecret: '' }), /webhookSecret/);
    assert.throws(() => createRelinkWebhookHandler({ ...options(), stripe: {} }), /stripe/);
  });
});

describe('createRelinkWebhookHandler under Express, through toNodeHandler', () => {
  let server;
  let base;
  before(async () => {
    const app = express();
    const hook = toNodeHandler(
      createRelinkWebhookHandler(options({ onError: (error, context) => void errors.push({ error, context }) })),
    );
    app.post('/plain', hook);
    app.post('/raw', express.raw({ type: 'application/json' }), hook);
    app.post('/raw-body-kept', express.json({ verify: (req, res, buf) => void (req.rawBody = buf) }), hook);
    app.post('/parsed', express.json(), hook);
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));
  let errors = [];
  beforeEach(() => {
    errors = [];
  });

  const post = (path) => {
    // Spaced JSON: re-serializing it would not give the signed bytes back.
    const { body, signature } = signed(
      JSON.stringify(event('financial_connections.account.deactivated', fcAccount()), null, 2),
    );
    return fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
      body,
    });
  };

  test('with no body parser, or express.raw(), or a kept req.rawBody, the signature holds', async () => {
    for (const path of ['/plain', '/raw', '/raw-body-kept']) {
      assert.equal((await post(path)).status, 200, path);
    }
    assert.equal(notices.length, 3);
  });

  test('after express.json() alone the bytes are gone: 500, no callback, and onError names the fix', async () => {
    const response = await post('/parsed');
    assert.equal(response.status, 500);
    assert.equal((await response.json()).error.code, 'body_already_read');
    assert.deepEqual(notices, []);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].context.stage, 'request');
    assert.match(errors[0].error.message, /express\.json\(\) ran first/);
    assert.match(errors[0].error.message, /express\.json\(\{ verify/);
  });
});
