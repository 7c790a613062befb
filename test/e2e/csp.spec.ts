// The element and the demo's simulated flow under a strict Content-Security-Policy, sent as an
// HTTP header, with Trusted Types enforced:
//
//   default-src 'self'; script-src 'self' https://js.stripe.com; style-src 'self';
//   frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com;
//   connect-src 'self' https://api.stripe.com; require-trusted-types-for 'script'
//
// Every `securitypolicyviolation` event from the page's start is collected (an init script),
// with console messages about CSP or Trusted Types and uncaught page errors: there must be none.
// 1. The built demo (demo-dist/, served by scripts/demo/serve-demo.mjs under /csp/ with the header):
//    msw's service worker and the simulated Financial Connections flow, through a success, a
//    cancel and errors.
// 2. A plain page that loads the built package (dist/index.js) and the real @stripe/stripe-js
//    loader, with js.stripe.com answered by a stand-in Stripe.js script: this exercises the real
//    injection of Stripe.js under Trusted Types.
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { build } from 'esbuild';
import { expect, test, type Page } from '@playwright/test';

const CSP =
  "default-src 'self'; script-src 'self' https://js.stripe.com; style-src 'self'; " +
  'frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com; ' +
  "connect-src 'self' https://api.stripe.com; require-trusted-types-for 'script'";

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
  line: number;
}

declare global {
  interface Window {
    __violations: Violation[];
    __events: { type: string; detail: Record<string, unknown> }[];
  }
}

/** Collects every violation from the page's start, and CSP / Trusted Types console messages. */
async function watchPolicy(page: Page): Promise<{ console: string[]; errors: string[] }> {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        window.__violations.push({
          directive: e.violatedDirective,
          blocked: e.blockedURI,
          sample: e.sample,
          source: e.sourceFile,
          line: e.lineNumber,
        }),
      true,
    );
  });
  const seen = { console: [] as string[], errors: [] as string[] };
  page.on('console', (message) => {
    if (/content.security.policy|trusted.?type|refused to/i.test(message.text()))
      seen.console.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  return seen;
}

/** No violation so far; then proves the collector and the policy work: an HTML string sink must be refused and reported. */
async function expectNoViolations(page: Page, seen: { console: string[]; errors: string[] }): Promise<void> {
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(seen.console).toEqual([]);
  expect(seen.errors).toEqual([]);
  const refused = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return false;
    } catch (error) {
      return error instanceof TypeError;
    }
  });
  expect(refused, 'Trusted Types are enforced').toBe(true);
  await expect
    .poll(() => page.evaluate(() => window.__violations.map((v) => v.directive)))
    .toEqual(['require-trusted-types-for']);
}

test.describe('the demo (demo-dist) under a strict CSP header', () => {
  const relinkButton = (page: Page) => page.locator('[data-element="default"] fc-relink').getByRole('button');
  // Stripe draws its flow in an iframe on document.body; the simulated flow is a dialog inside it.
  const dialog = (page: Page) => page.frameLocator('iframe[name^="__privateStripeFrame"]').getByRole('dialog');

  async function open(page: Page, scenario: string) {
    const seen = await watchPolicy(page);
    const response = await page.goto(`./csp/?scenario=${scenario}`);
    expect(response?.headers()['content-security-policy']).toBe(CSP);
    await page.locator('html[data-ready]').waitFor();
    return seen;
  }

  async function outcome(page: Page) {
    // The default element's own outcome: the restyled one, for the same account, hears of a success too.
    const row = page
      .locator('#log tbody tr.terminal')
      .filter({ has: page.locator('td:nth-child(2)', { hasText: /^default$/ }) })
      .first();
    await row.waitFor();
    return {
      event: await row.locator('td').nth(2).textContent(),
      summary: (await row.locator('summary').textContent()) ?? '',
    };
  }

  test('a same-account relink through the simulated flow succeeds', async ({ page }) => {
    const seen = await open(page, 'same-account');
    await relinkButton(page).click();
    const flow = dialog(page);
    await flow.getByRole('button', { name: 'Agree and continue' }).click();
    await flow.getByRole('button', { name: 'Sign in to StripeBank' }).click();
    await expect(flow.getByRole('checkbox', { name: /Everyday Checking/ })).toBeChecked();
    await flow.getByRole('button', { name: 'Reconnect account' }).click();
    await flow.getByRole('button', { name: 'Done' }).click();
    await expect(flow).toBeHidden();
    expect(await outcome(page)).toEqual({
      event: 'fc-relink-success',
      summary: 'same_account, 1 account: fca_test_checking',
    });
    await expect(page.locator('[data-element="default"] fc-relink')).toHaveAttribute('state', 'success');
    // The simulator's styles (a constructable stylesheet) apply under style-src 'self'. Picking the
    // scenario again gives a fresh element: the relinked one offers no second attempt.
    await page.getByRole('radio', { name: 'Same account relinked' }).click();
    await relinkButton(page).click();
    const radius = await dialog(page).evaluate((d) => getComputedStyle(d).borderTopLeftRadius);
    expect(radius).toBe('12px');
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await expectNoViolations(page, seen);
  });

  test('closing the simulated flow is a cancel', async ({ page }) => {
    const seen = await open(page, 'cancel');
    await relinkButton(page).click();
    await expect(dialog(page).getByRole('heading', { name: 'Reconnect your bank account' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    expect((await outcome(page)).event).toBe('fc-relink-cancel');
    await expectNoViolations(page, seen);
  });

  test('errors: the endpoint answers 500, the customer picks another account, Stripe refuses a used session', async ({
    page,
  }) => {
    const seen = await open(page, 'endpoint-500');
    await relinkButton(page).click();
    expect(await outcome(page)).toMatchObject({
      event: 'fc-relink-error',
      summary: expect.stringMatching(/^session_http_error 500 \(session, retryable\)/),
    });

    await page.getByRole('radio', { name: 'Customer picks a different account' }).check();
    await relinkButton(page).click();
    const flow = dialog(page);
    await flow.getByRole('button', { name: 'Agree and continue' }).click();
    await flow.getByRole('button', { name: 'Sign in to StripeBank' }).click();
    await flow.getByRole('checkbox', { name: /Everyday Checking/ }).uncheck();
    await flow.getByRole('checkbox', { name: /High Yield Savings/ }).check();
    await flow.getByRole('button', { name: 'Reconnect account' }).click();
    await flow.getByRole('button', { name: 'Done' }).click();
    await expect.poll(async () => (await outcome(page)).summary).toMatch(/^account_mismatch \(result, not retryable\)/);

    await page.getByRole('radio', { name: 'Stripe error: already-used session' }).check();
    await relinkButton(page).click();
    await expect.poll(async () => (await outcome(page)).summary).toMatch(/^stripe_error \(stripe, retryable\)/);
    await expectNoViolations(page, seen);
  });
});

test.describe('the built element (dist/index.js) with the real Stripe.js loader under a strict CSP header', () => {
  const ORIGIN = 'http://shop.example';
  const SESSION = {
    id: 'fcsess_csp1',
    client_secret: 'fcsess_csp1_secret_abc123',
    relink_options: { authorization: 'fcauth_csp1', account: 'fca_test_checking' },
    livemode: false,
  };
  // A stand-in for https://js.stripe.com/…/stripe.js: a classic script defining window.Stripe.
  const STRIPE_JS = `(() => {
    function Stripe(key) {
      if (!/^pk_test_/.test(key)) throw new Error('test keys only');
      return {
        registerAppInfo() {},
        collectFinancialConnectionsAccounts: async ({ clientSecret }) => {
          window.__stripeCalls = (window.__stripeCalls || 0) + 1;
          if (clientSecret !== ${JSON.stringify(SESSION.client_secret)}) return { error: { type: 'invalid_request_error', message: 'No such session.' } };
          return {
            financialConnectionsSession: {
              id: ${JSON.stringify(SESSION.id)},
              accounts: [{ id: 'fca_test_checking', object: 'financial_connections.account', livemode: false,
                display_name: 'Everyday Checking', institution_name: 'StripeBank', last4: '6789', status: 'active' }],
            },
          };
        },
      };
    }
    Stripe.version = 'endive';
    window.Stripe = Stripe;
  })();`;
  const shopPage = (head = '') => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Checkout</title>
  <script type="module" src="/assets/csp-element.js"></script>${head}
</head>
<body>
  <fc-relink publishable-key="pk_test_csp" session-url="/api/relink-session" account="fca_test_checking">Reconnect</fc-relink>
</body>
</html>`;

  let assets: Map<string, string>;

  test.beforeAll(async () => {
    const outdir = 'test-output/csp-assets';
    const { outputFiles } = await build({
      entryPoints: ['test/e2e/pages/csp-element.js'],
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir,
      write: false,
      logLevel: 'silent',
    });
    assets = new Map(
      outputFiles.map((file) => [`/assets/${relative(outdir, file.path).replaceAll('\\', '/')}`, file.text]),
    );
    // The loader is a lazy chunk: the entry does not contain it, a chunk does.
    const entry = assets.get('/assets/csp-element.js') ?? '';
    expect(entry).toMatch(/import\(/);
    expect(entry).not.toContain('js.stripe.com/v3');
    expect(await readFile('dist/index.js', 'utf8')).toContain("import './define.js'");
  });

  /** Serves the shop page with `csp`, the stand-in Stripe.js and the endpoint; records requests. */
  async function serve(page: Page, csp: string, head = '') {
    const stripeRequests: string[] = [];
    const endpointRequests: unknown[] = [];
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === 'js.stripe.com') {
        stripeRequests.push(url.href);
        // Stripe's other scripts (pricing-table.js…) define no window.Stripe.
        const body = url.pathname.endsWith('/stripe.js') ? STRIPE_JS : '/* another Stripe script */';
        return route.fulfill({ body, headers: { 'content-type': 'text/javascript' } });
      }
      if (url.origin !== ORIGIN) return route.abort();
      if (url.pathname === '/') {
        return route.fulfill({
          body: shopPage(head),
          headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp },
        });
      }
      if (url.pathname === '/api/relink-session') {
        endpointRequests.push(route.request().postDataJSON());
        return route.fulfill({ json: SESSION, headers: { 'cache-control': 'no-store' } });
      }
      const asset = assets.get(url.pathname);
      if (asset !== undefined) return route.fulfill({ body: asset, headers: { 'content-type': 'text/javascript' } });
      return route.fulfill({ status: 404, body: 'Not found' });
    });
    await page.goto(`${ORIGIN}/`);
    await page.locator('html[data-ready]').waitFor();
    await page.evaluate(() => customElements.whenDefined('fc-relink'));
    return { stripeRequests, endpointRequests };
  }

  async function relinkOnce(page: Page) {
    await page.getByRole('button', { name: 'Reconnect' }).click();
    await expect.poll(() => page.evaluate(() => window.__events.some((e) => e.type !== 'fc-relink-start'))).toBe(true);
    return page.evaluate(() => window.__events.map((e) => e.type));
  }

  test('relinks next to another js.stripe.com script (pricing-table.js): Stripe.js still injected under Trusted Types', async ({
    page,
  }) => {
    const seen = await watchPolicy(page);
    const { stripeRequests } = await serve(
      page,
      CSP,
      '\n  <script async src="https://js.stripe.com/v3/pricing-table.js"></script>',
    );
    await expect.poll(() => stripeRequests.length).toBe(1);
    expect(await relinkOnce(page)).toEqual(['fc-relink-start', 'fc-relink-success']);
    expect(stripeRequests).toHaveLength(2);
    await expectNoViolations(page, seen);
  });

  test('relinks where the CSP names only other Trusted Types policies and does not enforce them', async ({ page }) => {
    await watchPolicy(page);
    const names = CSP.replace("; require-trusted-types-for 'script'", '; trusted-types lit-html');
    await serve(page, names);
    expect(await relinkOnce(page)).toEqual(['fc-relink-start', 'fc-relink-success']);
    // The refused policy name is reported once, as the page's CSP asks; Stripe.js loaded anyway.
    const violations = await page.evaluate(() => window.__violations);
    expect(violations.map((v) => [v.directive, v.sample])).toEqual([['trusted-types', 'fc-relink']]);
    // Again (from code: after a success the button is done): still no second violation.
    await page.locator('fc-relink').evaluate((el) => (el as HTMLElement & { relink(): Promise<unknown> }).relink());
    expect(await page.evaluate(() => window.__events.filter((e) => e.type === 'fc-relink-success').length)).toBe(2);
    expect(await page.evaluate(() => window.__violations.length)).toBe(1);
  });

  test('holds the name fc-relink from its first evaluation: a later script cannot take it, and Stripe.js still loads', async ({
    page,
  }) => {
    await watchPolicy(page);
    // A page script that runs after `import 'fc-relink'` and tries to take the allowed name.
    assets.set(
      '/assets/late-claim.js',
      `try { window.trustedTypes.createPolicy('fc-relink', { createScriptURL: (url) => url }); window.__lateClaim = 'took the name'; }
       catch { window.__lateClaim = 'refused'; }`,
    );
    await serve(
      page,
      `${CSP}; trusted-types fc-relink lit-html`,
      '\n  <script type="module" src="/assets/late-claim.js"></script>',
    );
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __lateClaim?: string }).__lateClaim))
      .toBe('refused');
    expect(await relinkOnce(page)).toEqual(['fc-relink-start', 'fc-relink-success']);
    // The only violation is the late script's refused claim.
    const violations = await page.evaluate(() => window.__violations);
    expect(violations.map((v) => [v.directive, v.sample])).toEqual([['trusted-types', 'fc-relink']]);
  });

  test('relinks: Stripe.js injected under Trusted Types, no violation', async ({ page }) => {
    const seen = await watchPolicy(page);
    const served = page.waitForResponse(`${ORIGIN}/`);
    const { stripeRequests, endpointRequests } = await serve(page, CSP);
    expect((await served).headers()['content-security-policy']).toBe(CSP);
    expect(stripeRequests, 'nothing is loaded before the customer shows intent').toEqual([]);

    await page.getByRole('button', { name: 'Reconnect' }).click();
    await expect.poll(() => page.evaluate(() => window.__events.some((e) => e.type !== 'fc-relink-start'))).toBe(true);
    // First the policy (a refused script injection ends in stripe_load_failed), then the outcome.
    expect(await page.evaluate(() => window.__violations), 'CSP / Trusted Types violations').toEqual([]);
    expect(seen.console).toEqual([]);
    expect(await page.evaluate(() => window.__events.map((e) => e.type))).toEqual([
      'fc-relink-start',
      'fc-relink-success',
    ]);
    const success = await page.evaluate(() => window.__events[1]!.detail);
    expect(success).toMatchObject({
      mode: 'same_account',
      sessionId: SESSION.id,
      accounts: [{ id: 'fca_test_checking' }],
    });
    await expect(page.locator('fc-relink')).toHaveAttribute('state', 'success');
    expect(endpointRequests).toEqual([{ account: 'fca_test_checking', attempt: success.attemptId }]);
    // The real script tag went in, from js.stripe.com, once.
    expect(stripeRequests).toHaveLength(1);
    expect(stripeRequests[0]).toMatch(/^https:\/\/js\.stripe\.com\/[a-z0-9]+\/stripe\.js/);
    expect(await page.locator('script[src^="https://js.stripe.com/"]').count()).toBe(1);
    // The element's styles applied without 'unsafe-inline' (constructable stylesheets).
    const background = await page
      .locator('fc-relink')
      .evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('button')!).backgroundColor);
    expect(background).toBe('rgb(99, 91, 255)');

    // A second attempt (from code: after a success the button is done) reuses the loaded Stripe.js.
    await page.locator('fc-relink').evaluate((el) => (el as HTMLElement & { relink(): Promise<unknown> }).relink());
    await expect
      .poll(() => page.evaluate(() => window.__events.filter((e) => e.type !== 'fc-relink-statechange').length))
      .toBe(4);
    expect(stripeRequests).toHaveLength(1);
    await expectNoViolations(page, seen);
  });
});
