// The live demo's page and server together (npm run demo:live), with Stripe's API mocked by msw
// in this process and js.stripe.com stood in for by a stub that completes the flow the way the
// customer would: through the mocked API, so the server's verify step reads a real answer.
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { expect, test } from '@playwright/test';
import Stripe from 'stripe';
import { createLiveDemoServer } from '../../scripts/demo/live-server.mjs';
import { HttpResponse, http, setupServer } from '../node/support/msw.mjs';

const CUSTOMER = 'cus_live_e2e';
const AUTH = 'fcauth_live_e2e';
const account = (id: string, status: string, inactiveAction?: string) => ({
  id,
  object: 'financial_connections.account',
  account_holder: { type: 'customer', customer: CUSTOMER },
  authorization: AUTH,
  display_name: id === 'fca_broken' ? 'Everyday Checking' : 'Savings',
  institution_name: 'StripeBank',
  last4: id === 'fca_broken' ? '6789' : '4321',
  livemode: false,
  status,
  status_details: inactiveAction ? { inactive: { action: inactiveAction, cause: 'access_expired' } } : null,
  account_numbers: [],
});
const ACCOUNTS = [account('fca_broken', 'inactive', 'relink_required'), account('fca_fine', 'active')];
const sessions = new Map<string, Record<string, unknown>>();

const stripeApi = setupServer(
  http.all('https://api.stripe.com/*', async ({ request }) => {
    const path = new URL(request.url).pathname;
    const form = new URLSearchParams(await request.text());
    if (path === '/v1/financial_connections/accounts')
      return HttpResponse.json({ object: 'list', data: ACCOUNTS, has_more: false });
    const acct = ACCOUNTS.find((a) => path === `/v1/financial_connections/accounts/${a.id}`);
    if (acct) return HttpResponse.json(acct);
    if (path === '/v1/financial_connections/sessions') {
      const id = `fcsess_e2e${sessions.size + 1}`;
      const session = {
        id,
        object: 'financial_connections.session',
        client_secret: `${id}_secret_e2e`,
        livemode: false,
        status: 'pending',
        relink_options: {
          authorization: form.get('relink_options[authorization]'),
          account: form.get('relink_options[account]'),
        },
        relink_result: { authorization: null, account: null, failure_reason: null },
      };
      sessions.set(id, session);
      return HttpResponse.json(session);
    }
    const session = sessions.get(path.split('/').pop() ?? '');
    if (session) return HttpResponse.json(session);
    return HttpResponse.json(
      { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such object' } },
      { status: 404 },
    );
  }),
);

// Stands in for https://js.stripe.com/endive/stripe.js: the customer relinks in "the flow",
// which the test performs on the mocked API (window.completeFlow), then Stripe.js resolves.
const STRIPE_JS_STUB = `
window.Stripe = Object.assign(function Stripe() {
  return {
    async collectFinancialConnectionsAccounts({ clientSecret }) {
      return { financialConnectionsSession: await window.completeFlow(clientSecret) };
    },
  };
}, { version: 'endive' });`;

let server: Server;
let base: string;

test.beforeAll(async () => {
  stripeApi.listen({ onUnhandledFrame: 'bypass' });
  const stripe = new Stripe(['sk', 'test', 'e2e'].join('_'), { maxNetworkRetries: 0 });
  server = createLiveDemoServer({ stripe, publishableKey: 'pk_test_live_e2e', customer: CUSTOMER });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  stripeApi.close();
});

test("demo:live lists the customer's accounts and relinks the broken one, confirmed by the server", async ({
  page,
}) => {
  await readFile('demo-dist/live.html'); // built by npm test before this runs
  await page.exposeFunction('completeFlow', (clientSecret: string) => {
    const session = [...sessions.values()].find((s) => s.client_secret === clientSecret);
    if (!session) throw new Error('unknown client secret');
    const relinked = (session.relink_options as { account: string }).account;
    Object.assign(session, {
      status: 'succeeded',
      relink_result: { authorization: AUTH, account: relinked, failure_reason: null },
    });
    return { id: session.id, accounts: [{ ...ACCOUNTS.find((a) => a.id === relinked), status: 'active' }] };
  });
  await page.route('https://js.stripe.com/**', (route) =>
    route.fulfill({ body: STRIPE_JS_STUB, headers: { 'content-type': 'text/javascript' } }),
  );
  await page.goto(base);
  await expect(page.locator('#customer')).toHaveText(CUSTOMER);
  await expect(page.locator('#accounts-status')).toHaveText('1 of 2 accounts need a relink.');
  const broken = page.getByRole('row', { name: /Everyday Checking/ });
  await expect(broken).toContainText('Yes: inactive relink required');
  await expect(page.getByRole('row', { name: /Savings/ })).toContainText('No: active');
  await expect(page.getByRole('row', { name: /Savings/ }).locator('fc-relink')).toHaveCount(0);

  await broken.getByRole('button', { name: 'Reconnect bank account' }).click();
  await expect(page.locator('#log tbody tr', { hasText: 'fc-relink-success' })).toHaveCount(1);
  await expect(page.locator('#log tbody tr', { hasText: 'open → verifying' })).toHaveCount(1);
  expect(await page.content()).not.toContain('_secret_');
});
