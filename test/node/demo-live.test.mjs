// npm run demo:live, end to end: its server (the page, fc-relink/server's endpoints, the
// accounts list with relinkEligibility) against Stripe's API mocked by msw, over real HTTP.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Stripe from 'stripe';
import { createLiveDemoServer, demoCustomer } from '../../scripts/demo/live-server.mjs';
import { HttpResponse, http, setupServer } from './support/msw.mjs';

const run = promisify(execFile);
const fakeKey = ['sk', 'test', 'demo' + 'Live0'.repeat(5)].join('_');
const CUSTOMER = 'cus_test_demo';
const AUTH = 'fcauth_test_demo';
const DAY = 86_400;
const now = Math.floor(Date.now() / 1000);

const account = (id, fields) => ({
  id,
  object: 'financial_connections.account',
  account_holder: { type: 'customer', customer: CUSTOMER },
  authorization: AUTH,
  display_name: 'Checking',
  institution_name: 'StripeBank',
  last4: '6789',
  status: 'active',
  status_details: null,
  account_numbers: [],
  ...fields,
});

const ACCOUNTS = [
  account('fca_inactive', {
    status: 'inactive',
    status_details: { inactive: { action: 'relink_required', cause: 'access_expired' } },
  }),
  account('fca_healthy', {}),
  account('fca_tan', {
    account_numbers: [
      { identifier_type: 'tokenized_account_number', status: 'transactable', expected_expiry_date: now + 10 * DAY },
    ],
  }),
  account('fca_closed', {
    status: 'inactive',
    status_details: { inactive: { action: 'none', cause: 'account_closed' } },
  }),
];
const FOREIGN = account('fca_foreign', {
  account_holder: { type: 'customer', customer: 'cus_someone_else' },
  authorization: 'fcauth_other',
});

let stripeRequests = [];
let customers = [];
const sessions = new Map();

const stripeApi = setupServer(
  http.all('https://api.stripe.com/*', async ({ request }) => {
    const url = new URL(request.url);
    const form = new URLSearchParams(await request.text());
    stripeRequests.push({
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      form,
      version: request.headers.get('stripe-version'),
    });
    const path = url.pathname;
    if (path === '/v1/customers' && request.method === 'GET')
      return HttpResponse.json({ object: 'list', data: customers, has_more: false });
    if (path === '/v1/customers' && request.method === 'POST') {
      customers = [{ id: 'cus_created', object: 'customer', email: form.get('email') }];
      return HttpResponse.json(customers[0]);
    }
    if (path === '/v1/financial_connections/accounts') {
      const mine = url.searchParams.get('account_holder[customer]') === CUSTOMER ? ACCOUNTS : [];
      return HttpResponse.json({ object: 'list', data: mine, has_more: false, url: path });
    }
    const accountMatch = path.match(/^\/v1\/financial_connections\/accounts\/(fca_\w+)$/);
    if (accountMatch) {
      const found = [...ACCOUNTS, FOREIGN].find((a) => a.id === accountMatch[1]);
      return found
        ? HttpResponse.json(found)
        : HttpResponse.json(
            { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such account' } },
            { status: 404 },
          );
    }
    if (path === '/v1/financial_connections/sessions' && request.method === 'POST') {
      const id = `fcsess_demo${sessions.size + 1}`;
      const session = {
        id,
        object: 'financial_connections.session',
        client_secret: `${id}_secret_abc`,
        livemode: false,
        relink_options: {
          authorization: form.get('relink_options[authorization]'),
          account: form.get('relink_options[account]'),
        },
        relink_result: { authorization: null, account: null, failure_reason: null },
        status: 'pending',
      };
      sessions.set(id, session);
      return HttpResponse.json(session);
    }
    const sessionMatch = path.match(/^\/v1\/financial_connections\/sessions\/(fcsess_\w+)$/);
    if (sessionMatch && sessions.has(sessionMatch[1])) return HttpResponse.json(sessions.get(sessionMatch[1]));
    return HttpResponse.json(
      { error: { type: 'invalid_request_error', message: `Unexpected ${request.method} ${path}` } },
      { status: 400 },
    );
  }),
);

let base;
let server;
let root;
const stripe = new Stripe(fakeKey, { maxNetworkRetries: 0 });
const WEBHOOK_SECRET = ['whsec', 'demo' + 'L1ve'.repeat(5)].join('_');
const logged = [];

before(async () => {
  stripeApi.listen({ onUnhandledFrame: 'bypass' });
  // The page and a script of this test's own, not demo-dist/: `npm run build:demo` (which npm test,
  // npm start and npm run test:e2e run) rewrites that folder in place, and a page read meanwhile
  // comes back empty.
  root = await mkdtemp(join(tmpdir(), 'fc-relink-live-'));
  await copyFile(new URL('../../demo/live.html', import.meta.url), join(root, 'live.html'));
  await writeFile(join(root, 'live.js'), 'export {};\n');
  const log = (line) => logged.push(line);
  const options = { publishableKey: 'pk_test_demo', customer: CUSTOMER, webhookSecret: WEBHOOK_SECRET, log, root };
  server = createLiveDemoServer({ stripe, ...options });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  stripeApi.close();
  await rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  stripeRequests = [];
});

const post = (path, body) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('demo:live server', () => {
  test('serves the live page and its script', async () => {
    const page = await fetch(`${base}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<title>fc-relink live demo/);
    assert.equal((await fetch(`${base}/live.js`)).status, 200);
  });

  test('gives the page the publishable key and customer, and nothing secret', async () => {
    const response = await fetch(`${base}/api/config`);
    const text = await response.text();
    assert.deepEqual(JSON.parse(text), { publishableKey: 'pk_test_demo', customer: CUSTOMER });
    assert.doesNotMatch(text, /sk_test_/);
  });

  test("lists the customer's accounts with whether and why each needs a relink", async () => {
    const { accounts } = await (await fetch(`${base}/api/accounts`)).json();
    assert.deepEqual(
      accounts.map((a) => [a.id, a.eligibility.eligible, a.eligibility.reason]),
      [
        ['fca_inactive', true, 'inactive_relink_required'],
        ['fca_healthy', false, 'active'],
        ['fca_tan', true, 'tokenized_account_number_expiring'],
        ['fca_closed', false, 'inactive_not_repairable'],
      ],
    );
    assert.equal(accounts[2].eligibility.date, now + 10 * DAY);
    const [list] = stripeRequests;
    assert.equal(list.query.get('account_holder[customer]'), CUSTOMER);
    assert.match(list.version, /\.preview$/);
  });

  test("creates a same-account relink session for the customer's own account", async () => {
    const response = await post('/api/relink-session', { account: 'fca_inactive' });
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.deepEqual(Object.keys(body).sort(), ['client_secret', 'id', 'livemode', 'relink_options']);
    assert.deepEqual(body.relink_options, { authorization: AUTH, account: 'fca_inactive' });
    const created = stripeRequests.find((r) => r.path === '/v1/financial_connections/sessions');
    assert.equal(created.form.get('relink_options[account]'), 'fca_inactive');
    assert.equal(created.form.get('account_holder[customer]'), CUSTOMER);
  });

  test('refuses, without creating a session, an account the customer does not hold', async () => {
    const foreign = await post('/api/relink-session', { account: 'fca_foreign' });
    assert.equal(foreign.status, 403);
    const anyAccount = await post('/api/relink-session', {});
    assert.equal(anyAccount.status, 403);
    const unknown = await post('/api/relink-session', { account: 'fca_nobody' });
    assert.equal(unknown.status, 403);
    assert.equal(
      stripeRequests.some((r) => r.path === '/v1/financial_connections/sessions'),
      false,
    );
  });

  test('verifies a session by reading relink_result back from Stripe', async () => {
    const { id } = await (await post('/api/relink-session', { account: 'fca_tan' })).json();
    sessions.get(id).status = 'succeeded';
    sessions.get(id).relink_result = { authorization: AUTH, account: 'fca_tan', failure_reason: null };
    const response = await post('/api/relink-verify', { session: id, account: 'fca_tan' });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      status: 'succeeded',
      relink_result: { authorization: AUTH, account: 'fca_tan', failure_reason: null },
    });
  });

  test('receives Stripe webhooks, checks their signature, and handles each event id once', async () => {
    const event = {
      id: 'evt_test_demo_1',
      object: 'event',
      type: 'financial_connections.account.deactivated',
      data: { object: { id: 'fca_inactive', object: 'financial_connections.account' } },
    };
    const body = JSON.stringify(event);
    const signature = stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET });
    const send = (sig) =>
      fetch(`${base}/api/stripe-webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': sig },
        body,
      });
    assert.equal((await send(signature)).status, 200);
    assert.equal((await send(signature)).status, 200);
    assert.equal((await send('t=1,v1=bad')).status, 400);
    assert.deepEqual(
      logged.filter((line) => line.includes('needs a relink')),
      ['webhook financial_connections.account.deactivated: fca_inactive needs a relink (inactive)'],
    );
  });

  test('finds or creates the demo customer when none is given', async () => {
    customers = [];
    assert.equal(await demoCustomer(stripe, undefined), 'cus_created');
    assert.equal(await demoCustomer(stripe, undefined), 'cus_created');
    assert.equal(stripeRequests.filter((r) => r.path === '/v1/customers' && r.method === 'POST').length, 1);
    assert.equal(await demoCustomer(stripe, 'cus_given'), 'cus_given');
  });
});

describe('npm run demo:live without keys', () => {
  test('says what to set and exits non-zero', async () => {
    const error = await run(process.execPath, ['scripts/demo/demo-live.mjs'], {
      env: { PATH: process.env.PATH },
    }).catch((e) => e);
    assert.equal(error.code, 1);
    assert.match(error.stderr, /STRIPE_SECRET_KEY=sk_test_… STRIPE_PUBLISHABLE_KEY=pk_test_… npm run demo:live/);
  });

  test('refuses live keys, without echoing them', async () => {
    const live = ['sk', 'live', 'x'.repeat(24)].join('_');
    const error = await run(process.execPath, ['scripts/demo/demo-live.mjs'], {
      env: { PATH: process.env.PATH, STRIPE_SECRET_KEY: live, STRIPE_PUBLISHABLE_KEY: 'pk_live_y' },
    }).catch((e) => e);
    assert.equal(error.code, 1);
    assert.match(error.stderr, /runs only in test mode/);
    assert.ok(!error.stderr.includes(live));
  });
});

describe('npm run demo:live with keys', () => {
  test("prints how to forward Stripe's events with the Stripe CLI", async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, ['scripts/demo/demo-live.mjs'], {
      env: {
        PATH: process.env.PATH,
        STRIPE_SECRET_KEY: ['sk', 'test', 'x'.repeat(24)].join('_'),
        STRIPE_PUBLISHABLE_KEY: 'pk_test_y',
        // A given customer: no request reaches Stripe before the server listens.
        STRIPE_CUSTOMER: 'cus_test_given',
        PORT: String(port),
      },
    });
    try {
      let out = '';
      await new Promise((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('STRIPE_WEBHOOK_SECRET')) resolve();
        });
        child.on('exit', () => reject(new Error(`exited early: ${out}`)));
      });
      assert.match(out, new RegExp(`stripe listen --forward-to localhost:${port}/api/stripe-webhook`));
      assert.match(out, /financial_connections\.account\.deactivated/);
    } finally {
      child.kill();
    }
  });
});
