// The bench's fake origin: the bundles built as an integrator's bundler would, the pages, and a
// network in which every request is answered by a Playwright route (the pages and bundles, the
// merchant's session endpoint after BENCH_ENDPOINT_MS, Stripe.js at
// https://js.stripe.com/<release>/stripe.js after BENCH_STRIPE_MS). Nothing reaches the network.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BENCH, ENDPOINT_MS, FLOW_MS, ORIGIN, ROOT, SESSION_PATH, STRIPE_MS, sleep } from './settings.mjs';

/** @typedef {import('playwright').Browser} Browser */
/** @typedef {import('playwright').Route} Route */

const STRIPE_JS = /^\/(?:v3|[a-z]+)\/stripe\.js$/;

/** What the fake origin serves, by path. @type {Map<string, { body: string | Buffer, type: string }>} */
const files = new Map();
/** Sizes of the bundles as served, for the report. */
export const bundleSizes = /** @type {{ name: string, bytes: number, gzip: number }[]} */ ([]);
/** Chunks the entry imports statically, for the micro page's modulepreload. */
const staticChunks = /** @type {string[]} */ ([]);
/**
 * fc-relink's lazily loaded code: the chunks reached only through a dynamic import() (the
 * Stripe.js loader, the attempt), as paths on the fake origin. No page load may fetch one.
 */
export const lazyChunks = /** @type {string[]} */ ([]);

/** @type {import('esbuild').BuildOptions & { write: false }} */
export const esbuildBase = {
  bundle: true,
  format: 'esm',
  minify: true,
  write: false,
  target: 'es2022',
  // Production Lit, as a site would ship it.
  conditions: ['browser', 'production'],
  tsconfig: path.join(ROOT, 'tsconfig.json'),
  logLevel: 'error',
  absWorkingDir: ROOT,
};

/**
 * Builds like an integrator's splitting bundler would: the element's entry, with whatever
 * fc-relink imports dynamically left in lazy chunks (so that their fetch is part of the first
 * attempt or preload, as on a real site), and the hand-written page with its loader inside.
 */
export async function buildBundles() {
  const outdir = path.join(os.tmpdir(), 'fc-relink-bench');
  const element = await build({
    ...esbuildBase,
    entryPoints: { 'fc-relink': path.join(ROOT, 'src/index.ts') },
    splitting: true,
    metafile: true,
    outdir: path.join(outdir, 'fc'),
  });
  if (!element.metafile || !element.outputFiles) throw new Error('esbuild returned no files');
  // What the page loads up front (the entry and its static imports) and what only an attempt,
  // or a preload, fetches (every chunk reached only through a dynamic import()).
  const outputs = element.metafile.outputs;
  const entry = Object.keys(outputs).find((key) => outputs[key].entryPoint !== undefined);
  const eager = new Set();
  for (const pending = entry ? [entry] : []; pending.length > 0;) {
    const key = /** @type {string} */ (pending.pop());
    if (eager.has(key)) continue;
    eager.add(key);
    for (const dep of outputs[key].imports) if (dep.kind === 'import-statement') pending.push(dep.path);
  }
  for (const file of element.outputFiles) {
    const name = path.relative(path.join(outdir, 'fc'), file.path);
    const key = path.relative(ROOT, file.path);
    files.set(`/fc/${name}`, { body: file.text, type: 'text/javascript' });
    if (eager.has(key) && key !== entry) staticChunks.push(`/fc/${name}`);
    if (!eager.has(key) && name.endsWith('.js')) lazyChunks.push(`/fc/${name}`);
    bundleSizes.push({
      name:
        key === entry
          ? 'fc-relink.js, the entry (the element with Lit)'
          : `${name}, ${eager.has(key) ? 'imported by the entry' : 'lazy (reached only by a dynamic import)'}`,
      bytes: file.contents.byteLength,
      gzip: gzipSync(file.contents).byteLength,
    });
  }
  const handwritten = await build({
    ...esbuildBase,
    entryPoints: { handwritten: path.join(BENCH, 'handwritten.js') },
    outdir: path.join(outdir, 'hw'),
  });
  const [hw] = handwritten.outputFiles ?? [];
  if (!hw) throw new Error('esbuild returned no handwritten.js');
  files.set('/handwritten.js', { body: hw.text, type: 'text/javascript' });
  bundleSizes.push({
    name: 'handwritten.js (with the Stripe.js loader)',
    bytes: hw.contents.byteLength,
    gzip: gzipSync(hw.contents).byteLength,
  });
}

const read = (/** @type {string} */ name) => readFileSync(path.join(BENCH, name), 'utf8');
const FAKE_STRIPE = read('fake-stripe.js');
const PROBE = read('probe.js');
const ELEMENT_TEMPLATE = read('fc-relink.html');
const ELEMENT_SCRIPT = '<script type="module" src="/fc/fc-relink.js"></script>';
const ELEMENTS_SLOT = '<!-- elements -->';
if (!ELEMENT_TEMPLATE.includes(ELEMENT_SCRIPT) || !ELEMENT_TEMPLATE.includes(ELEMENTS_SLOT)) {
  throw new Error('scripts/bench/pages/fc-relink.html lost its script tag or its <!-- elements --> slot.');
}
files.set('/bench.css', { body: read('bench.css'), type: 'text/css' });
files.set('/handwritten.html', { body: read('handwritten.html'), type: 'text/html' });

/** Serves `body` at `pathname` on the fake origin. @param {string} pathname @param {string} body @param {string} type */
export function serve(pathname, body, type) {
  files.set(pathname, { body, type });
}

/** @param {Record<string, string>} attrs */
const tag = (attrs) =>
  `<fc-relink${Object.entries(attrs)
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${value}"`))
    .join('')}></fc-relink>`;

/**
 * Registers a page with `count` elements and returns its path.
 * @param {string} name @param {number} count @param {Record<string, string>} attrs
 */
export function elementPage(name, count, attrs, { script = true } = {}) {
  const html = ELEMENT_TEMPLATE.replace(
    ELEMENTS_SLOT,
    Array.from({ length: count }, () => tag(attrs)).join('\n      '),
  ).replace(ELEMENT_SCRIPT, script ? ELEMENT_SCRIPT : '');
  const pagePath = `/pages/${name}.html`;
  files.set(pagePath, { body: html, type: 'text/html' });
  return pagePath;
}

// The page for the element's own costs: the bundle is preloaded and compiled before the timed
// import, so the figure is evaluation and define, not the route's delivery of the file.
export function microPage() {
  const preloads = ['/fc/fc-relink.js', ...staticChunks]
    .map((href) => `<link rel="modulepreload" href="${href}">`)
    .join('');
  files.set('/micro.html', {
    type: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="/bench.css">${preloads}
<script type="module">
  await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
  const t0 = performance.now();
  await import('/fc/fc-relink.js');
  await customElements.whenDefined('fc-relink');
  window.__defineMs = performance.now() - t0;
</script></head><body><div class="relink"></div></body></html>`,
  });
}

// ---------------------------------------------------------------------------------------------
// The fake network

/** Per context: what was requested. */
function newTraffic() {
  return {
    all: 0,
    sessions: 0,
    stripe: 0,
    /** Requests for fc-relink's lazily loaded chunks. */
    lazy: /** @type {string[]} */ ([]),
    /** Client secrets the endpoint handed out, to check that the one opened came from here. */
    secrets: /** @type {string[]} */ ([]),
    /** Anything outside the two fake origins (should stay empty: it is aborted). */
    foreign: /** @type {string[]} */ ([]),
  };
}
/** @typedef {ReturnType<typeof newTraffic>} Traffic */

let sessionNumber = 0;

/**
 * A route's reply can come after its context is closed (a delayed answer to a run that already
 * has its figure); that is expected and not an error.
 * @param {Route} route @param {Parameters<Route['fulfill']>[0]} answer
 */
async function reply(route, answer) {
  try {
    await route.fulfill(answer);
  } catch {
    // The context closed first.
  }
}

/** @param {Traffic} traffic */
function router(traffic) {
  return async (/** @type {Route} */ route) => {
    const request = route.request();
    const url = new URL(request.url());
    traffic.all++;
    if (url.origin === ORIGIN && lazyChunks.includes(url.pathname)) traffic.lazy.push(url.pathname);
    if (url.origin === 'https://js.stripe.com') {
      traffic.stripe++;
      if (!STRIPE_JS.test(url.pathname)) return reply(route, { status: 404, body: '' });
      // Playwright has no delay option: the timer is the latency.
      await sleep(STRIPE_MS);
      return reply(route, {
        status: 200,
        contentType: 'text/javascript',
        headers: { 'cache-control': 'no-store' },
        body: FAKE_STRIPE,
      });
    }
    if (url.origin !== ORIGIN) {
      traffic.foreign.push(url.href);
      return route.abort('blockedbyclient').catch(() => {});
    }
    if (url.pathname === SESSION_PATH) {
      traffic.sessions++;
      if (request.method() !== 'POST') return reply(route, { status: 405, body: '' });
      // One distinct session per request, so a reused or foreign secret is caught.
      const id = `fcsess_bench${++sessionNumber}`;
      const secret = `${id}_secret_abc`;
      traffic.secrets.push(secret);
      await sleep(ENDPOINT_MS);
      return reply(route, {
        status: 200,
        contentType: 'application/json',
        headers: { 'cache-control': 'no-store' },
        body: JSON.stringify({
          id,
          client_secret: secret,
          livemode: false,
          relink_options: { authorization: 'fcauth_bench1', account: null },
        }),
      });
    }
    const file = files.get(url.pathname);
    if (!file) return reply(route, { status: 404, body: '' });
    return reply(route, {
      status: 200,
      contentType: file.type,
      headers: { 'cache-control': 'no-store' },
      body: file.body,
    });
  };
}

/**
 * A fresh context (no cache, no Stripe.js, no module map) with the probe and the fake network.
 * @param {Browser} browser
 */
export async function freshPage(browser) {
  const traffic = newTraffic();
  const context = await browser.newContext();
  await context.addInitScript({ content: `window.__benchFlowMs = ${FLOW_MS};\n${PROBE}` });
  await context.route('**/*', router(traffic));
  const page = await context.newPage();
  return { context, page, traffic };
}
