// fc-relink/testing's fake Stripe where it stands in for Stripe's API: what a session records
// for each ending, what a relink does to the accounts, hosted sessions (URL, email and its
// 48-hour limit, link expiry, the customer on the hosted page), and a state that survives a
// page navigation as JSON.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createFakeStripe } from '../../dist/testing/fake.js';

const AUTH = 'fcauth_test_bank';
const HOUR = 60 * 60 * 1000;
const RETURN = 'https://shop.example/bank?back=1';

function fakeAt(start = Date.UTC(2027, 0, 1), extra = {}) {
  const clock = { now: start };
  const fake = createFakeStripe({
    now: () => clock.now,
    authorizations: [
      {
        id: AUTH,
        accountHolder: { type: 'customer', customer: 'cus_test_1' },
        accounts: [
          { id: 'fca_test_checking' },
          { id: 'fca_test_savings' },
          { id: 'fca_test_closed', repairable: false },
          { id: 'fca_test_gone', status: 'disconnected' },
        ],
      },
    ],
    ...extra,
  });
  return { fake, clock };
}

/** Runs the Stripe.js half on a session, as the element would. */
async function launch(fake, session, customer) {
  fake.customer = customer;
  return fake.Stripe('pk_test_fake').collectFinancialConnectionsAccounts({ clientSecret: session.client_secret });
}

const statusOf = (fake, id) => fake.authorizations.get(AUTH).accounts.find((a) => a.id === id).status;

describe('the fake, when a relink ends', () => {
  test('a success reactivates the authorization and every account under it, not only the one chosen', async () => {
    const { fake } = fakeAt();
    const session = fake.createSession({ account: 'fca_test_checking' });
    const result = await launch(fake, session, { action: 'relink' });
    assert.deepEqual(
      result.financialConnectionsSession.accounts.map((a) => a.id),
      ['fca_test_checking'],
    );
    assert.equal(session.status, 'succeeded');
    assert.deepEqual(session.relink_result, {
      authorization: AUTH,
      account: 'fca_test_checking',
      failure_reason: null,
    });
    assert.equal(statusOf(fake, 'fca_test_savings'), 'active');
    assert.equal(statusOf(fake, 'fca_test_gone'), 'disconnected');
    assert.equal(statusOf(fake, 'fca_test_closed'), 'inactive');
  });

  for (const reason of ['no_account', 'no_authorization', 'other']) {
    test(`a failure records failure_reason ${reason}, and Stripe.js resolves with no accounts`, async () => {
      const { fake } = fakeAt();
      const session = fake.createSession({ account: 'fca_test_checking' });
      const result = await launch(fake, session, { action: 'fail', reason });
      assert.deepEqual(result.financialConnectionsSession.accounts, []);
      assert.equal(session.status, 'failed');
      assert.deepEqual(session.relink_result, { authorization: null, account: null, failure_reason: reason });
      assert.equal(statusOf(fake, 'fca_test_checking'), 'inactive');
    });
  }

  test('an account Stripe cannot repair fails no_account', async () => {
    const { fake } = fakeAt();
    const session = fake.createSession({ account: 'fca_test_closed' });
    await launch(fake, session, { action: 'relink' });
    assert.equal(session.status, 'failed');
    assert.equal(session.relink_result.failure_reason, 'no_account');
  });

  test('a Stripe.js error leaves the session as it was', async () => {
    const { fake } = fakeAt();
    const session = fake.createSession({ account: 'fca_test_checking' });
    const result = await launch(fake, session, {
      action: 'error',
      error: { type: 'api_connection_error', message: 'offline' },
    });
    assert.equal(result.error.type, 'api_connection_error');
    assert.equal(session.status, 'pending');
    assert.deepEqual(session.relink_result, { authorization: null, account: null, failure_reason: null });
  });

  test('a cancel is recorded with status_details.cancelled', async () => {
    const { fake } = fakeAt();
    const session = fake.createSession({ account: 'fca_test_checking' });
    await launch(fake, session, { action: 'cancel' });
    assert.equal(session.status, 'cancelled');
    assert.deepEqual(session.status_details, { cancelled: { reason: 'other' } });
  });
});

describe('the fake, when a session is created', () => {
  test("gives it Stripe's account_holder (the authorization's or the one asked for), prefetch, status_details", () => {
    const { fake } = fakeAt();
    const plain = fake.createSession({ account: 'fca_test_checking' });
    assert.deepEqual(plain.account_holder, { type: 'customer', customer: 'cus_test_1' });
    assert.equal(plain.prefetch, null);
    assert.equal(plain.status_details, null);
    const asked = fake.createSession({
      account_holder: { type: 'account', account: 'acct_test_1' },
      prefetch: ['balances'],
    });
    assert.deepEqual(asked.account_holder, { type: 'account', account: 'acct_test_1' });
    assert.deepEqual(asked.prefetch, ['balances']);
  });

  test('a disconnected account is refused with an API error', () => {
    const { fake } = fakeAt();
    assert.throws(
      () => fake.createSession({ account: 'fca_test_gone' }),
      (error) => error.type === 'invalid_request_error' && error.statusCode === 400,
    );
  });
});

describe('the fake, for hosted sessions', () => {
  test('gives a url on the hosted page for url delivery, where the customer relinks and is sent back', () => {
    const { fake } = fakeAt(undefined, { hostedPageUrl: 'http://localhost:8000/hosted.html' });
    const session = fake.createSession({
      account: 'fca_test_checking',
      ui_mode: 'hosted',
      hosted: { delivery_method: 'url' },
      return_url: RETURN,
    });
    assert.equal(session.ui_mode, 'hosted');
    assert.equal(session.url, `http://localhost:8000/hosted.html?session=${session.id}`);
    assert.deepEqual(session.hosted, { delivery_method: 'url', return_url: RETURN });
    const page = fake.openHostedPage(session.url);
    assert.equal(page.state, 'open');
    assert.deepEqual(
      page.accounts.map((a) => a.id),
      ['fca_test_checking'],
    );
    assert.equal(page.relink(), RETURN);
    assert.equal(session.status, 'succeeded');
    assert.equal(session.url, null);
    assert.equal(fake.openHostedPage(session.id).state, 'completed');
  });

  test('cancel and fail on the hosted page are recorded as in the modal', () => {
    const { fake } = fakeAt();
    const hosted = () =>
      fake.createSession({ ui_mode: 'hosted', hosted: { delivery_method: 'url' }, return_url: RETURN });
    const cancelled = hosted();
    assert.equal(fake.openHostedPage(cancelled.id).cancel(), RETURN);
    assert.equal(cancelled.status, 'cancelled');
    const failed = hosted();
    fake.openHostedPage(failed.url).fail('no_authorization');
    assert.equal(failed.relink_result.failure_reason, 'no_authorization');
  });

  test('a link nobody visited expires after 30 days, or when told to; a visited one does not', () => {
    const { fake, clock } = fakeAt();
    const unvisited = fake.createSession({ ui_mode: 'hosted', hosted: { delivery_method: 'url' }, return_url: RETURN });
    const visited = fake.createSession({ ui_mode: 'hosted', hosted: { delivery_method: 'url' }, return_url: RETURN });
    assert.equal(fake.openHostedPage(visited.id).state, 'open');
    clock.now += 30 * 24 * HOUR;
    assert.equal(fake.openHostedPage(unvisited.id).state, 'expired');
    assert.equal(fake.openHostedPage(visited.id).state, 'open');
    const told = fake.createSession({ ui_mode: 'hosted', hosted: { delivery_method: 'url' }, return_url: RETURN });
    fake.expireHostedLink(told.id);
    assert.equal(fake.openHostedPage(told.id).state, 'expired');
    assert.throws(() => fake.openHostedPage(told.id).relink(), /expired/);
  });

  test('emails the holder for email delivery, at most once per account in 48 hours while the request is open', () => {
    const { fake, clock } = fakeAt();
    const email = () =>
      fake.createSession({
        account: 'fca_test_checking',
        ui_mode: 'hosted',
        hosted: { delivery_method: 'email' },
        return_url: RETURN,
      });
    const first = email();
    assert.equal(first.url, null);
    assert.deepEqual(
      fake.emails.map((e) => [e.session, e.about, e.to]),
      [[first.id, 'fca_test_checking', { type: 'customer', customer: 'cus_test_1' }]],
    );
    clock.now += 47 * HOUR;
    assert.throws(
      email,
      (error) => error.code === 'hosted_relink_email_rate_limited' && error.retryAfterSeconds === 3600,
    );
    // Another account is not limited.
    fake.createSession({
      account: 'fca_test_savings',
      ui_mode: 'hosted',
      hosted: { delivery_method: 'email' },
      return_url: RETURN,
    });
    clock.now += HOUR;
    assert.equal(email().status, 'pending');
  });

  test('a completed email request clears the limit at once', () => {
    const { fake } = fakeAt();
    const email = () =>
      fake.createSession({
        account: 'fca_test_checking',
        ui_mode: 'hosted',
        hosted: { delivery_method: 'email' },
        return_url: RETURN,
      });
    const first = email();
    fake.openHostedPage(first.id).relink();
    assert.equal(email().status, 'pending');
  });

  test('a hosted session cannot be opened with Stripe.js', async () => {
    const { fake } = fakeAt();
    const session = fake.createSession({ ui_mode: 'hosted', hosted: { delivery_method: 'url' }, return_url: RETURN });
    const result = await launch(fake, session, { action: 'relink' });
    assert.equal(result.error.type, 'invalid_request_error');
    assert.equal(session.status, 'pending');
  });
});

describe('the fake, across a page navigation', () => {
  test('a JSON snapshot makes a fake that knows the same sessions, accounts, emails and used secrets', async () => {
    const { fake, clock } = fakeAt();
    const hosted = fake.createSession({
      account: 'fca_test_checking',
      ui_mode: 'hosted',
      hosted: { delivery_method: 'url' },
      return_url: RETURN,
    });
    const used = fake.createSession({ account: 'fca_test_savings' });
    await launch(fake, used, { action: 'cancel' });
    fake.createSession({
      account: 'fca_test_savings',
      ui_mode: 'hosted',
      hosted: { delivery_method: 'email' },
      return_url: RETURN,
    });

    const stored = JSON.stringify(fake.snapshot());
    const next = createFakeStripe({ snapshot: JSON.parse(stored), now: () => clock.now });

    assert.equal(next.retrieveSession(hosted.id).url, hosted.url);
    assert.equal(next.openHostedPage(hosted.url).relink(), RETURN);
    assert.equal(next.retrieveSession(hosted.id).status, 'succeeded');
    assert.equal(next.authorizations.get(AUTH).accounts.find((a) => a.id === 'fca_test_savings').status, 'active');
    // The earlier fake is not changed by the next one.
    assert.equal(fake.retrieveSession(hosted.id).status, 'pending');
    assert.equal(next.emails.length, 1);
    const again = await next
      .Stripe('pk_test_fake')
      .collectFinancialConnectionsAccounts({ clientSecret: used.client_secret });
    assert.match(again.error.message, /already been used/);
  });
});
