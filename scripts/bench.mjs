// npm run bench: latency and memory of <fc-relink> in real Chromium (headless, via Playwright).
// Stripe.js and the endpoint are the in-page fake (instant), so the figures are the element's
// own cost, not the network's. Prints a table; README.md records a run.
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.mjs';

const ORIGIN = 'http://bench.local';
const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 300);
const ELEMENTS = Number(process.env.BENCH_ELEMENTS ?? 1000);

const entry = `
import { createFakeStripe } from './src/testing/fake-stripe.ts';
const fake = createFakeStripe();
window.__fake = fake;
const t0 = performance.now();
await import('./src/index.ts');
await customElements.whenDefined('fc-relink');
window.__defineMs = performance.now() - t0;
`;

const { outputFiles } = await build({
  stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
  bundle: true,
  format: 'esm',
  splitting: false,
  minify: true,
  write: false,
  // Production Lit, as a site would ship it.
  conditions: ['browser', 'production'],
  tsconfig: 'tsconfig.json',
  logLevel: 'error',
});

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
const page = await browser.newPage();
await page.route(`${ORIGIN}/**`, (route) => {
  const path = new URL(route.request().url()).pathname;
  if (path === '/') return route.fulfill({ body: '<!doctype html><body><script type="module" src="/bench.js"></script></body>', contentType: 'text/html' });
  if (path === '/bench.js') return route.fulfill({ body: outputFiles[0].text, contentType: 'text/javascript' });
  return route.abort();
});
const cdp = await page.context().newCDPSession(page);
const heap = async () => {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
};

await page.goto(`${ORIGIN}/`);
await page.waitForFunction(() => typeof window.__defineMs === 'number');
const defineMs = await page.evaluate(() => window.__defineMs);

// One element: connect to first render.
const firstRenderMs = await page.evaluate(async () => {
  const t = performance.now();
  const el = document.body.appendChild(document.createElement('fc-relink'));
  await el.updateComplete;
  const ms = performance.now() - t;
  el.remove();
  return ms;
});

// Many elements: time to render them all, and heap per element; then removed, three rounds, to
// see whether anything stays behind per element (a leak grows round after round).
const mountAll = (n) =>
  page.evaluate(async (count) => {
    const t = performance.now();
    const els = [];
    for (let i = 0; i < count; i++) els.push(document.body.appendChild(document.createElement('fc-relink')));
    await Promise.all(els.map((e) => e.updateComplete));
    return performance.now() - t;
  }, n);
const removeAll = async () => {
  await page.evaluate(() => document.querySelectorAll('fc-relink').forEach((e) => e.remove()));
  await new Promise((r) => setTimeout(r, 50)); // let disconnect timers run
};
const heapBefore = await heap();
const manyMs = await mountAll(ELEMENTS);
const heapWith = await heap();
const afterRounds = [];
for (let round = 0; round < 3; round++) {
  if (round > 0) await mountAll(ELEMENTS);
  await removeAll();
  afterRounds.push(await heap());
}

// Attempts: click → fc-relink-start (the element's own work before Stripe opens) and click →
// fc-relink-success, with an instant session and an instant, stateless Stripe stand-in (the
// fake keeps every session it made, which would be its memory, not the element's).
const heapBeforeAttempts = await heap();
const attempts = await page.evaluate(async (n) => {
  const el = document.body.appendChild(document.createElement('fc-relink'));
  el.setAttribute('account', 'fca_bench');
  let i = 0;
  el.fetchSession = async () => ({
    id: `fcsess_bench${i}`,
    client_secret: `fcsess_bench${i}_secret_x${i++}`,
    relink_options: { authorization: 'fcauth_bench', account: 'fca_bench' },
    livemode: false,
  });
  el.stripe = {
    async collectFinancialConnectionsAccounts({ clientSecret }) {
      const id = clientSecret.split('_secret_')[0];
      return { financialConnectionsSession: { id, accounts: [{ id: 'fca_bench', object: 'financial_connections.account', livemode: false }] } };
    },
  };
  await el.updateComplete;
  const button = el.shadowRoot.querySelector('button');
  const toStart = [];
  const toEnd = [];
  const t0 = performance.now();
  for (let k = 0; k < n; k++) {
    await el.updateComplete;
    const t = performance.now();
    const started = new Promise((r) => el.addEventListener('fc-relink-start', () => r(performance.now()), { once: true }));
    const ended = new Promise((r) => el.addEventListener('fc-relink-success', () => r(performance.now()), { once: true }));
    button.click();
    toStart.push((await started) - t);
    toEnd.push((await ended) - t);
  }
  const meanMs = (performance.now() - t0) / n;
  el.remove();
  return { toStart, toEnd, meanMs };
}, ATTEMPTS);
const heapAfterAttempts = await heap();

// With a network: a 200 ms endpoint and a 300 ms Stripe.js load. The element runs them side by
// side, so the flow opens after about 300 ms, not 500.
const withLatency = await page.evaluate(async () => {
  const wait = (ms, value) => new Promise((r) => setTimeout(() => r(value), ms));
  const stub = { collectFinancialConnectionsAccounts: async () => ({ financialConnectionsSession: { id: 'fcsess_l', accounts: [] } }) };
  const el = document.body.appendChild(document.createElement('fc-relink'));
  let i = 0;
  el.fetchSession = () => wait(200, { client_secret: `fcsess_l${i}_secret_${i++}`, relink_options: { authorization: 'fcauth_l', account: null } });
  await el.updateComplete;
  const runs = [];
  for (let k = 0; k < 5; k++) {
    el.stripe = wait(300, stub); // a fresh "load" per attempt
    const t = performance.now();
    const started = new Promise((r) => el.addEventListener('fc-relink-start', () => r(performance.now()), { once: true }));
    const ended = new Promise((r) => el.addEventListener('fc-relink-cancel', r, { once: true }));
    el.relink();
    runs.push((await started) - t);
    await ended;
  }
  el.remove();
  return runs.sort((a, b) => a - b)[2];
});
const version = browser.version();
await browser.close();

const pct = (list, p) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (v) => `${v.toFixed(2)} ms`;
const kb = (v) => `${(v / 1024).toFixed(1)} KiB`;

console.log(`fc-relink bench — Chromium ${version}, ${ATTEMPTS} attempts, ${ELEMENTS} elements\n`);
console.table({
  'import + define (module evaluation)': ms(defineMs),
  'first render of one element': ms(firstRenderMs),
  [`render ${ELEMENTS} elements`]: ms(manyMs),
  'heap per connected element': kb((heapWith - heapBefore) / ELEMENTS),
  [`heap left after mounting and removing ${ELEMENTS} elements, rounds 1/2/3`]: afterRounds.map((h) => kb(h - heapBefore)).join(' / '),
  'click → fc-relink-start, median': ms(pct(attempts.toStart, 50)),
  'click → fc-relink-start, p95': ms(pct(attempts.toStart, 95)),
  'click → fc-relink-success, median': ms(pct(attempts.toEnd, 50)),
  'click → fc-relink-success, p95': ms(pct(attempts.toEnd, 95)),
  'one whole attempt, mean (incl. re-render)': ms(attempts.meanMs),
  'click → flow opens, 200 ms endpoint + 300 ms Stripe.js (median of 5)': ms(withLatency),
  [`heap growth after ${ATTEMPTS} attempts`]: kb(heapAfterAttempts - heapBeforeAttempts),
});
