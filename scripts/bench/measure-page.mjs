// What a page pays before anyone clicks: the element's own cost (define, first render, heap per
// element), page load (requests, script time, heap, layout shift, with 1 and 100 elements), and
// memory over many create/append/render/remove cycles.
/// <reference path="./pages/globals.d.ts" />
import { CYCLES, DEFAULTS, INTENT_PREFETCH, LOAD_RUNS, MEMORY_ROUNDS, ORIGIN, log, sleep } from './settings.mjs';
import { elementPage, freshPage } from './server.mjs';
import { median } from './stats.mjs';

/** @typedef {import('playwright').Browser} Browser */
/** @typedef {import('playwright').Page} Page */
/** @typedef {import('playwright').CDPSession} CDPSession */
/** @typedef {import('./pages/globals.js').FcRelinkLike} FcRelinkLike */

// ---------------------------------------------------------------------------------------------
// 1. The element's own cost: define, first render, heap per element

/** @param {CDPSession} cdp */
async function heapAfterGc(cdp) {
  // Twice: the first pass can leave objects that only a second one finds unreachable.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** @param {Browser} browser */
async function measureElementOnce(browser) {
  const { context, page } = await freshPage(browser);
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(`${ORIGIN}/micro.html`);
    await page.waitForFunction(() => typeof window.__defineMs === 'number');
    const defineMs = await page.evaluate(() => window.__defineMs ?? NaN);
    const firstRenderMs = await page.evaluate(async (attrs) => {
      const t0 = performance.now();
      const el = /** @type {FcRelinkLike} */ (document.createElement('fc-relink'));
      for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
      document.querySelector('.relink')?.append(el);
      await el.updateComplete;
      const ms = performance.now() - t0;
      el.remove();
      return ms;
    }, DEFAULTS);
    const before = await heapAfterGc(cdp);
    const many = 1000;
    const renderManyMs = await page.evaluate(
      async ({ attrs, count }) => {
        const t0 = performance.now();
        const host = document.querySelector('.relink');
        const els = [];
        for (let i = 0; i < count; i++) {
          const el = /** @type {FcRelinkLike} */ (document.createElement('fc-relink'));
          for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
          els.push(host?.appendChild(el));
        }
        await Promise.all(els.map((el) => el?.updateComplete));
        return performance.now() - t0;
      },
      { attrs: DEFAULTS, count: many },
    );
    const heapPerElement = ((await heapAfterGc(cdp)) - before) / many;
    return { defineMs, firstRenderMs, renderManyMs, many, heapPerElement };
  } finally {
    await context.close();
  }
}

/**
 * The element's own cost: single page loads are at the mercy of a busy machine, so the median
 * of three fresh pages.
 * @param {Browser} browser
 */
export async function measureElement(browser) {
  /** @type {Awaited<ReturnType<typeof measureElementOnce>>[]} */
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await measureElementOnce(browser));
  const mid = (/** @type {(r: (typeof runs)[number]) => number} */ pick) => median(runs.map(pick));
  return {
    defineMs: mid((r) => r.defineMs),
    firstRenderMs: mid((r) => r.firstRenderMs),
    renderManyMs: mid((r) => r.renderManyMs),
    many: runs[0].many,
    heapPerElement: mid((r) => r.heapPerElement),
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Page load, before any interaction

/** @param {Browser} browser @param {string} pagePath */
async function loadRun(browser, pagePath) {
  const { context, page, traffic } = await freshPage(browser);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${ORIGIN}${pagePath}`, { waitUntil: 'load' });
    // Idle time in which an eager implementation would still start something.
    await sleep(1000);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (/** @type {string} */ name) => metrics.find((m) => m.name === name)?.value ?? NaN;
    const cls = await page.evaluate(() => window.__bench.shifts.reduce((sum, shift) => sum + shift.value, 0));
    return {
      sessions: traffic.sessions,
      stripe: traffic.stripe,
      lazy: traffic.lazy.length,
      all: traffic.all,
      foreign: traffic.foreign.length,
      scriptMs: metric('ScriptDuration') * 1000,
      heap: metric('JSHeapUsedSize'),
      cls,
    };
  } finally {
    await context.close();
  }
}

/** @param {Browser} browser */
export async function measureLoad(browser) {
  const pages = [
    { name: 'same page, no script (baseline)', path: elementPage('empty', 0, DEFAULTS, { script: false }), fc: false },
    { name: '(a) hand-written page', path: '/handwritten.html', fc: false },
    { name: '1 × fc-relink, defaults', path: elementPage('defaults-1', 1, DEFAULTS), fc: true },
    { name: '100 × fc-relink, defaults', path: elementPage('defaults-100', 100, DEFAULTS), fc: true },
    {
      name: '100 × fc-relink, preload="intent" prefetch',
      path: elementPage('intent-prefetch-100', 100, INTENT_PREFETCH),
      fc: true,
    },
  ];
  /** @type {Map<string, Awaited<ReturnType<typeof loadRun>>[]>} */
  const results = new Map(pages.map((p) => [p.name, []]));
  // Interleaved, so that a slow moment of a shared machine does not land on one page only.
  for (let run = 0; run < LOAD_RUNS; run++) {
    for (const p of pages) results.get(p.name)?.push(await loadRun(browser, p.path));
  }
  return pages.map((p) => {
    const runs = results.get(p.name) ?? [];
    return {
      ...p,
      // Request counts must not vary between runs; the maximum shows it if they ever do.
      sessions: Math.max(...runs.map((r) => r.sessions)),
      stripe: Math.max(...runs.map((r) => r.stripe)),
      lazy: Math.max(...runs.map((r) => r.lazy)),
      all: Math.max(...runs.map((r) => r.all)),
      foreign: Math.max(...runs.map((r) => r.foreign)),
      scriptMs: median(runs.map((r) => r.scriptMs)),
      heap: median(runs.map((r) => r.heap)),
      cls: Math.max(...runs.map((r) => r.cls)),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// 3. Memory: create, append, render, remove; many times over

/**
 * Heap after GC, listeners on window and document, and fc-relink instances still alive.
 * @param {CDPSession} cdp
 */
async function memorySnapshot(cdp) {
  const group = 'bench-memory';
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const evaluate = async (/** @type {string} */ expression) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression, objectGroup: group });
    if (!result.objectId) throw new Error(`${expression} did not evaluate to an object`);
    return result.objectId;
  };
  /** @type {Record<string, number>} */
  const listenerTypes = {};
  let listeners = 0;
  for (const target of ['window', 'document']) {
    const objectId = await evaluate(target);
    const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId });
    listeners += found.length;
    for (const l of found) listenerTypes[`${target}:${l.type}`] = (listenerTypes[`${target}:${l.type}`] ?? 0) + 1;
  }
  // Every object whose prototype chain holds FcRelinkElement.prototype: elements alive anywhere,
  // in the DOM or not. queryObjects' own array would keep them alive, hence the release below.
  const prototypeObjectId = await evaluate(`customElements.get('fc-relink').prototype`);
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId, objectGroup: group });
  if (!objects.objectId) throw new Error('queryObjects returned no array');
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  const alive = Number(result.value);
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: group });
  const heap = await heapAfterGc(cdp);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (/** @type {string} */ name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { heap, listeners, listenerTypes, alive, jsListeners: metric('JSEventListeners'), nodes: metric('Nodes') };
}

/**
 * @param {Page} page @param {number} count @param {Record<string, string>} attrs
 * @param {boolean} hover show intent before removal, so preload and prefetch have work in flight
 */
function cycle(page, count, attrs, hover) {
  return page.evaluate(
    async ({ count, attrs, hover }) => {
      const host = document.querySelector('.relink');
      if (!host) throw new Error('no .relink host');
      for (let i = 0; i < count; i++) {
        const el = /** @type {FcRelinkLike} */ (document.createElement('fc-relink'));
        for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
        host.append(el);
        await el.updateComplete;
        if (hover) el.dispatchEvent(new PointerEvent('pointerenter'));
        el.remove();
      }
      // The element tells a removal from a move one task later; let those tasks run.
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    { count, attrs, hover },
  );
}

/** @param {Browser} browser @param {Record<string, string>} attrs @param {boolean} hover */
async function measureMemoryOf(browser, attrs, hover) {
  const { context, page, traffic } = await freshPage(browser);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${ORIGIN}/micro.html`);
    await page.waitForFunction(() => typeof window.__defineMs === 'number');
    // Proof that the census sees elements at all: one connected element must count as 1.
    await page.evaluate(() => {
      const el = document.createElement('fc-relink');
      el.id = 'census-check';
      document.querySelector('.relink')?.append(el);
    });
    const census = (await memorySnapshot(cdp)).alive;
    await page.evaluate(() => document.getElementById('census-check')?.remove());
    // Warm-up: Lit's template caches and the engine's inline caches are one-time costs.
    await cycle(page, 100, attrs, hover);
    const baseline = await memorySnapshot(cdp);
    if (process.env.BENCH_DEBUG) log(`  listeners on window and document: ${JSON.stringify(baseline.listenerTypes)}`);
    const rounds = [];
    for (let round = 0; round < MEMORY_ROUNDS; round++) {
      await cycle(page, CYCLES, attrs, hover);
      rounds.push(await memorySnapshot(cdp));
    }
    return { census, baseline, rounds, sessions: traffic.sessions, stripe: traffic.stripe };
  } finally {
    await context.close();
  }
}

/**
 * Memory of the element variants likeliest to keep a removed element alive.
 * @param {Browser} browser
 */
export async function measureMemory(browser) {
  const variants = /** @type {const} */ ([
    ['defaults', DEFAULTS, false],
    // Removed with a prefetch in flight (and its freshness timer set): the likeliest way to
    // keep a removed element alive.
    ['preload="intent" prefetch, pointerenter before removal', INTENT_PREFETCH, true],
    // An IntersectionObserver per element, the other likely way.
    ['preload="visible"', { ...DEFAULTS, preload: 'visible' }, false],
  ]);
  const measured = [];
  for (const [name, attrs, hover] of variants)
    measured.push({ name, result: await measureMemoryOf(browser, attrs, hover) });
  return measured;
}
