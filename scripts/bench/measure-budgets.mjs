// What a page pays per element and per click, beside two baselines measured in the same runs: a
// native <button> (pages/native.html) and a minimal hand-written custom element with a shadow
// root, a shared stylesheet, a button and a status line (pages/minimal-element.js). At 4x CPU
// throttling (CDP Emulation.setCPUThrottlingRate), runs interleaved, medians; each budget is
// checked and printed PASS or FAIL. Measured, never asserted in a timed test.
/// <reference path="./pages/globals.d.ts" />
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH, DEFAULTS, ORIGIN, sleep } from './settings.mjs';
import { elementPage, esbuildBase, freshPage, serve } from './server.mjs';
import { median } from './stats.mjs';

/** @typedef {import('playwright').Browser} Browser */
/** @typedef {import('playwright').Page} Page */
/** @typedef {import('playwright').CDPSession} CDPSession */

export const THROTTLE = 4;
const raw = process.env.BENCH_BUDGET_RUNS;
export const BUDGET_RUNS = raw ? Math.max(1, Number.parseInt(raw, 10) || 1) : 5;
const HOVER_MS = 800;
export const PRELOADS = /** @type {const} */ (['none', 'intent', 'visible', 'eager']);

// Read in the page: the Event Timing entry of the first click, and what the first frame after it
// shows (a frame callback asked for from the click runs just before that frame paints).
const INIT = `(() => {
  const budget = (window.__budget = { click: null, frame: null });
  const read = () => {
    const host = document.querySelector('fc-relink, minimal-relink');
    const root = host?.shadowRoot ?? document;
    const status = root.querySelector('[part=status], [role=status]');
    const button = root.querySelector('button');
    return { text: status?.textContent?.trim() ?? '', busy: button?.getAttribute('aria-busy') === 'true', state: host?.getAttribute('state') ?? null };
  };
  addEventListener('click', () => { if (!budget.frame) requestAnimationFrame(() => { budget.frame ??= read(); }); }, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'click' && !budget.click) budget.click = { processing: e.processingEnd - e.processingStart, duration: e.duration };
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
})();`;

/** The pages: each baseline, and fc-relink in every preload mode. */
async function pages() {
  const lit = await build({
    ...esbuildBase,
    entryPoints: { 'lit-trivial': path.join(BENCH, 'lit-trivial.js') },
    outdir: '/tmp/fc-relink-bench/lit',
  });
  const [litJs] = lit.outputFiles ?? [];
  if (!litJs) throw new Error('esbuild returned no lit-trivial.js');
  serve('/lit-trivial.js', litJs.text, 'text/javascript');
  const read = (/** @type {string} */ name) => readFileSync(path.join(BENCH, name), 'utf8');
  serve('/minimal-element.js', read('minimal-element.js'), 'text/javascript');
  for (const name of ['native.html', 'minimal.html', 'lit.html']) serve(`/${name}`, read(name), 'text/html');
  const fc = Object.fromEntries(
    PRELOADS.map((preload) => [preload, elementPage(`budget-${preload}`, 1, { ...DEFAULTS, preload })]),
  );
  return { fc, native: '/native.html', minimal: '/minimal.html', lit: '/lit.html' };
}

/** A fresh page at `pagePath`, CPU throttled, loaded and rendered. @param {Browser} browser @param {string} pagePath */
async function throttledPage(browser, pagePath) {
  const { context, page } = await freshPage(browser);
  await context.addInitScript({ content: INIT });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await cdp.send('Performance.enable');
  await page.goto(`${ORIGIN}${pagePath}`, { waitUntil: 'load' });
  await page.evaluate(async () => {
    for (const name of ['fc-relink', 'minimal-relink']) {
      if (document.querySelector(name)) await customElements.whenDefined(name);
    }
    await /** @type {{ updateComplete?: Promise<unknown> } | null} */ (document.querySelector('fc-relink'))
      ?.updateComplete;
  });
  return { context, page, cdp };
}

/** The first click, after the pointer rested on the button. @param {Browser} browser @param {string} pagePath */
async function clickRun(browser, pagePath) {
  const { context, page } = await throttledPage(browser, pagePath);
  try {
    const box = await page.evaluate(() => {
      const host = document.querySelector('fc-relink, minimal-relink');
      const rect = (host?.shadowRoot ?? document).querySelector('button')?.getBoundingClientRect();
      return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
    });
    if (!box) throw new Error(`${pagePath}: no button`);
    await page.mouse.move(box.x, box.y);
    await sleep(HOVER_MS);
    await page.mouse.down();
    await page.mouse.up();
    await page
      .waitForFunction(() => window.__budget?.frame && window.__budget.click, null, { timeout: 5000 })
      .catch(() => {});
    const { click, frame } = await page.evaluate(() => window.__budget);
    return {
      processing: click?.processing ?? NaN,
      inp: click?.duration ?? NaN,
      loadingShown: Boolean(frame?.text && frame.busy),
      frame,
    };
  } finally {
    await context.close();
  }
}

/** @param {CDPSession} cdp */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** Creates `count` elements of `kind` and times them to the next paint. @param {Page} page @param {string} kind @param {number} count */
const render = (page, kind, count) =>
  page.evaluate(
    async ({ kind, count, attrs }) => {
      const list = document.createElement('div');
      list.className = 'budget-list';
      document.body.append(list);
      const t0 = performance.now();
      const made = [];
      for (let i = 0; i < count; i++) {
        let el;
        if (kind === 'native') {
          el = document.createElement('div');
          const button = document.createElement('button');
          button.type = 'button';
          button.textContent = 'Reconnect bank account';
          const status = document.createElement('div');
          status.setAttribute('role', 'status');
          el.append(button, status);
        } else {
          el = document.createElement(kind);
          if (kind === 'fc-relink') for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
        }
        list.append(el);
        made.push(el);
      }
      await Promise.all(made.map((el) => /** @type {{ updateComplete?: Promise<unknown> }} */ (el).updateComplete));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const ms = performance.now() - t0;
      const first = made[0];
      const root = first?.shadowRoot ?? first;
      let nodes = kind === 'native' ? 0 : 0;
      if (root) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
        while (walker.nextNode()) nodes++;
      }
      return { ms, nodes };
    },
    { kind, count, attrs: DEFAULTS },
  );

/** Render of 100 and 1000, nodes and heap per element. @param {Browser} browser @param {string} pagePath @param {string} kind */
async function elementRun(browser, pagePath, kind) {
  const { context, page, cdp } = await throttledPage(browser, pagePath);
  try {
    const hundred = await render(page, kind, 100);
    await page.evaluate(() => document.querySelector('.budget-list')?.remove());
    const before = await heapAfterGc(cdp);
    const thousand = await render(page, kind, 1000);
    const heapPerElement = ((await heapAfterGc(cdp)) - before) / 1000;
    return { render100: hundred.ms, render1000: thousand.ms, nodes: thousand.nodes, heapPerElement };
  } finally {
    await context.close();
  }
}

/** Script evaluation from navigation to load + 1 s (Chromium's ScriptDuration). @param {Browser} browser @param {string} pagePath */
async function loadRun(browser, pagePath) {
  const { context, cdp } = await throttledPage(browser, pagePath);
  try {
    await sleep(1000);
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN) * 1000;
  } finally {
    await context.close();
  }
}

/** @param {Browser} browser */
export async function measureBudgets(browser) {
  const p = await pages();
  const clickPages = [
    ['native', p.native],
    ['minimal', p.minimal],
    ...PRELOADS.map((preload) => [`fc:${preload}`, p.fc[preload]]),
  ];
  const elementPages = [
    ['native', p.native, 'native'],
    ['minimal', p.minimal, 'minimal-relink'],
    ['fc', p.fc.intent, 'fc-relink'],
  ];
  /** @type {Record<string, Awaited<ReturnType<typeof clickRun>>[]>} */
  const clicks = {};
  /** @type {Record<string, Awaited<ReturnType<typeof elementRun>>[]>} */
  const elements = {};
  /** @type {Record<string, number[]>} */
  const loads = { lit: [], fc: [] };
  // Interleaved, so that a slow moment of a shared machine does not land on one page only.
  for (let run = 0; run < BUDGET_RUNS; run++) {
    for (const [name, pagePath] of clickPages) (clicks[name] ??= []).push(await clickRun(browser, pagePath));
    for (const [name, pagePath, kind] of elementPages)
      (elements[name] ??= []).push(await elementRun(browser, pagePath, kind));
    loads.lit.push(await loadRun(browser, p.lit));
    loads.fc.push(await loadRun(browser, p.fc.intent));
  }
  const mid = (/** @type {number[]} */ values) => median(values.filter((v) => Number.isFinite(v)));
  const click = Object.fromEntries(
    Object.entries(clicks).map(([name, runs]) => [
      name,
      {
        processing: mid(runs.map((r) => r.processing)),
        inp: mid(runs.map((r) => r.inp)),
        measured: runs.filter((r) => Number.isFinite(r.inp)).length,
        loadingShown: runs.filter((r) => r.loadingShown).length,
        runs: runs.length,
      },
    ]),
  );
  const element = Object.fromEntries(
    Object.entries(elements).map(([name, runs]) => [
      name,
      {
        render100: mid(runs.map((r) => r.render100)),
        render1000: mid(runs.map((r) => r.render1000)),
        nodes: Math.max(...runs.map((r) => r.nodes)),
        heapPerElement: mid(runs.map((r) => r.heapPerElement)),
      },
    ]),
  );
  return { click, element, load: { lit: mid(loads.lit), fc: mid(loads.fc) }, runs: BUDGET_RUNS };
}

/** @typedef {Awaited<ReturnType<typeof measureBudgets>>} Budgets */

/** Each budget: its name, the figure against it, and whether it holds. @param {Budgets} b */
export function budgetChecks(b) {
  const { click, element, load } = b;
  const fc = click['fc:intent'];
  const min = click.minimal;
  const ms = (/** @type {number} */ v) => `${v.toFixed(1)} ms`;
  return [
    {
      name: 'click processing ≤ 2x minimal element',
      figure: `${ms(fc.processing)} vs ${ms(2 * min.processing)}`,
      pass: fc.processing <= 2 * min.processing,
    },
    {
      name: 'INP ≤ minimal + 16.7 ms',
      figure: `${ms(fc.inp)} vs ${ms(min.inp + 16.7)}`,
      pass: fc.inp <= min.inp + 16.7,
    },
    ...PRELOADS.map((preload) => {
      const c = click[`fc:${preload}`];
      return {
        name: `loading visible in the first paint, preload="${preload}"`,
        figure: `${c.loadingShown} of ${c.runs} runs`,
        pass: c.loadingShown === c.runs,
      };
    }),
    .../** @type {const} */ (['render100', 'render1000']).map((key) => ({
      name: `render of ${key.slice(6)} ≤ 1.5x minimal element`,
      figure: `${ms(element.fc[key])} vs ${ms(1.5 * element.minimal[key])}`,
      pass: element.fc[key] <= 1.5 * element.minimal[key],
    })),
    { name: '≤ 8 DOM nodes per element', figure: `${element.fc.nodes}`, pass: element.fc.nodes <= 8 },
    {
      name: 'heap per element ≤ 4x minimal element',
      figure: `${Math.round(element.fc.heapPerElement)} B vs ${Math.round(4 * element.minimal.heapPerElement)} B`,
      pass: element.fc.heapPerElement <= 4 * element.minimal.heapPerElement,
    },
    {
      name: 'page-load script evaluation ≤ 1.5x Lit + trivial element',
      figure: `${ms(load.fc)} vs ${ms(1.5 * load.lit)}`,
      pass: load.fc <= 1.5 * load.lit,
    },
  ];
}
