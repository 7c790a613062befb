// The CDN build (dist/cdn/: fc-relink.min.js and the chunks it imports), as a CDN user loads it:
// one <script type="module"> in a plain HTML page, no build step, under a strict
// Content-Security-Policy, relinking against the fake Stripe.
import { readdir, readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { expect, test } from '@playwright/test';

const ORIGIN = 'http://shop.example';

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy"
        content="default-src 'self'; script-src 'self' https://unpkg.example https://js.stripe.com; style-src 'self'; frame-src https://js.stripe.com">
  <script type="module" src="/fake.js"></script>
  <script type="module" src="https://unpkg.example/fc-relink@0.1.0/dist/cdn/fc-relink.min.js"></script>
  <script type="module" src="/page.js"></script>
</head>
<body>
  <fc-relink publishable-key="pk_test_cdn" account="fca_test_checking">Reconnect</fc-relink>
</body>
</html>`;

// What the integrator's page does: record events, fetch the session (here from the fake).
const PAGE_SCRIPT = `
const el = document.querySelector('fc-relink');
window.__events = [];
for (const type of ['fc-relink-start', 'fc-relink-success', 'fc-relink-cancel', 'fc-relink-error']) {
  el.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
}
el.fetchSession = async ({ account }) => window.__fake.toSessionConfig(window.__fake.createSession({ account }));
`;

test('the CDN bundle registers <fc-relink> and relinks in a plain page under a strict CSP', async ({ page }) => {
  const files = (await readdir('dist/cdn', { recursive: true })).filter((file) => file.endsWith('.js'));
  const cdn = new Map(
    await Promise.all(files.map(async (file) => [file, await readFile(`dist/cdn/${file}`, 'utf8')] as const)),
  );
  for (const [file, code] of cdn) expect(code, file).not.toMatch(/\bfrom\s*['"](?![./])|\bimport\s*\(\s*['"](?![./])/); // no bare specifiers
  const { outputFiles } = await build({
    stdin: {
      contents:
        "import { createFakeStripe } from './src/testing/fake-stripe.ts'; window.__fake = createFakeStripe(); window.__fake.install(window);",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    write: false,
  });
  const violations: string[] = [];
  const fetched: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') violations.push(m.text());
  });
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const js = { 'content-type': 'text/javascript' };
    if (url.href === `${ORIGIN}/`) return route.fulfill({ body: PAGE, headers: { 'content-type': 'text/html' } });
    if (url.pathname === '/fake.js') return route.fulfill({ body: outputFiles[0]!.text, headers: js });
    if (url.pathname === '/page.js') return route.fulfill({ body: PAGE_SCRIPT, headers: js });
    const path = url.pathname.replace('/fc-relink@0.1.0/dist/cdn/', '');
    const file = cdn.get(path);
    if (file !== undefined) {
      fetched.push(path);
      return route.fulfill({ body: file, headers: { ...js, 'access-control-allow-origin': '*' } });
    }
    return route.abort();
  });
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(() => customElements.whenDefined('fc-relink'));
  // At page load, the element only: its attempt half waits for the customer.
  const atLoad = [...fetched];
  expect(atLoad).toContain('fc-relink.min.js');
  expect(atLoad.some((file) => file.startsWith('fc-relink-attempt-'))).toBe(false);
  await page.getByRole('button', { name: 'Reconnect' }).click();
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { __events: { type: string }[] }).__events.map((e) => e.type)),
    )
    .toEqual(['fc-relink-start', 'fc-relink-success']);
  await expect(page.locator('fc-relink')).toHaveAttribute('state', 'success');
  expect(fetched.some((file) => file.startsWith('fc-relink-attempt-'))).toBe(true);
  // The element's styles applied without 'unsafe-inline' (constructable stylesheets).
  const background = await page
    .locator('fc-relink')
    .evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('button')!).backgroundColor);
  expect(background).toBe('rgb(99, 91, 255)');
  expect(violations).toEqual([]);
});
