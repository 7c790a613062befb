// createRelinkWebhookHandler hears Stripe's earliest warnings too: an authorization that will
// stop working (every account under it), and a deactivation date that moved. Event shapes as in
// Stripe's preview API: the event's data.object is the Financial Connections Account or
// Authorization, whose status_details.active.expected_deactivation_date is Unix seconds.
import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Stripe from 'stripe';
import { stripeEvent } from './support/stripe-event.mjs';
import { createRelinkWebhookHandler } from '../../dist/server/index.js';

// Built, never written out whole: a literal secret would trip the leaked-key check.
const fakeKey = ['sk', 'test', '51Fake' + 'w4rn1ng'.repeat(4)].join('_');
const SECRET = ['whsec', 'Test' + 'W4rn1ng'.repeat(3)].join('_');
const stripe = new Stripe(fakeKey);
const DEACTIVATES = 1_801_000_000;

let notices = [];
beforeEach(() => {
  notices = [];
});
const handler = () =>
  createRelinkWebhookHandler({ stripe, webhookSecret: SECRET, onRelinkNeeded: (notice) => void notices.push(notice) });

const event = stripeEvent;
const active = (date) => ({ active: { action: 'relink_required', expected_deactivation_date: date } });
const account = (fields = {}) => ({
  id: 'fca_test_1',
  object: 'financial_connections.account',
  authorization: 'fcauth_test_1',
  status: 'active',
  ...fields,
});
const authorization = (fields = {}) => ({
  id: 'fcauth_test_1',
  object: 'financial_connections.authorization',
  status: 'active',
  ...fields,
});

async function deliver(payload) {
  const body = JSON.stringify(payload);
  const signature = stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET });
  const request = new Request('https://shop.example/api/stripe-webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body,
  });
  const response = await handler()(request);
  assert.equal(response.status, 200);
  return notices;
}

describe('createRelinkWebhookHandler, for an authorization that will stop working', () => {
  test('financial_connections.authorization.upcoming_deactivation → onRelinkNeeded for every account under it', async () => {
    const sent = event(
      'financial_connections.authorization.upcoming_deactivation',
      authorization({ status_details: active(DEACTIVATES) }),
    );
    const [notice] = await deliver(sent);
    assert.deepEqual(
      { ...notice, event: notice.event.id },
      {
        account: null,
        authorization: 'fcauth_test_1',
        reason: 'upcoming_deactivation',
        date: DEACTIVATES,
        stripeAccount: null,
        event: sent.id,
      },
    );
  });

  test('financial_connections.authorization.expected_deactivation_date_updated → reason deactivation_date_updated, with the new date', async () => {
    const sent = event(
      'financial_connections.authorization.expected_deactivation_date_updated',
      authorization({ status_details: active(DEACTIVATES + 86_400) }),
      {
        account: 'acct_test_1',
      },
    );
    const [notice] = await deliver(sent);
    assert.deepEqual(
      [notice.account, notice.authorization, notice.reason, notice.date, notice.stripeAccount],
      [null, 'fcauth_test_1', 'deactivation_date_updated', DEACTIVATES + 86_400, 'acct_test_1'],
    );
  });

  test('an authorization event without an fcauth id calls nothing', async () => {
    assert.deepEqual(
      await deliver(
        event('financial_connections.authorization.upcoming_deactivation', {
          object: 'financial_connections.authorization',
        }),
      ),
      [],
    );
  });
});

describe('createRelinkWebhookHandler, for an account whose date moved or is coming', () => {
  test('financial_connections.account.expected_deactivation_date_updated → reason deactivation_date_updated, with the account and date', async () => {
    const [notice] = await deliver(
      event(
        'financial_connections.account.expected_deactivation_date_updated',
        account({ status_details: active(DEACTIVATES) }),
      ),
    );
    assert.deepEqual(
      [notice.account, notice.authorization, notice.reason, notice.date],
      ['fca_test_1', 'fcauth_test_1', 'deactivation_date_updated', DEACTIVATES],
    );
  });

  test('financial_connections.account.upcoming_deactivation carries the expected deactivation date', async () => {
    const [notice] = await deliver(
      event('financial_connections.account.upcoming_deactivation', account({ status_details: active(DEACTIVATES) })),
    );
    assert.equal(notice.date, DEACTIVATES);
  });

  test('financial_connections.account.upcoming_account_number_expiry carries the earliest expiry', async () => {
    const numbers = [
      { identifier_type: 'tokenized_account_number', status: 'transactable', expected_expiry_date: DEACTIVATES + 5 },
      { identifier_type: 'tokenized_account_number', status: 'transactable', expected_expiry_date: DEACTIVATES },
    ];
    const [notice] = await deliver(
      event('financial_connections.account.upcoming_account_number_expiry', account({ account_numbers: numbers })),
    );
    assert.deepEqual([notice.reason, notice.date], ['account_number_expiring', DEACTIVATES]);
  });

  test('a deactivated account has no date to meet', async () => {
    const [notice] = await deliver(
      event(
        'financial_connections.account.deactivated',
        account({ status: 'inactive', status_details: active(DEACTIVATES) }),
      ),
    );
    assert.deepEqual([notice.reason, notice.date], ['inactive', null]);
  });

  test('an event type named like an object property calls nothing', async () => {
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      assert.deepEqual(await deliver(event(type, account())), [], type);
    }
  });
});
