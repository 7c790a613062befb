// What a customer waits for: the time from the click to Stripe's flow
// (collectFinancialConnectionsAccounts), for fc-relink and for the hand-written integration, at
// several hover-to-click gaps and for a cold click; and the layout shift during an attempt.
/// <reference path="./pages/globals.d.ts" />
import {
  CLS_RUNS,
  DEFAULTS,
  GAP_RETRIES,
  GAP_RETRY_BUDGET,
  GAP_TOLERANCE_MS,
  GAPS,
  HEADLINE_GAP,
  INTENT_PREFETCH,
  NO_PRELOAD,
  ORIGIN,
  RUNS,
  log,
  sleep,
} from './settings.mjs';
import { elementPage, freshPage } from './server.mjs';
import { median, percentile } from './stats.mjs';

/** @typedef {import('playwright').Browser} Browser */

/**
 * @typedef {{ key: string, label: string, path: string }} Integration
 */

/**
 * One attempt on a fresh page: the pointer arrives on the button, rests `gap` ms, clicks (with a
 * gap of 0, the click follows the pointer's arrival at once: no intent before it).
 * @param {Browser} browser @param {Integration} integration @param {number} gap
 * @param {{ untilClosed?: boolean }} [options] untilClosed: also wait for the terminal state, for layout shift
 */
async function attempt(browser, integration, gap, { untilClosed = false } = {}) {
  const { context, page, traffic } = await freshPage(browser);
  try {
    await page.goto(`${ORIGIN}${integration.path}`, { waitUntil: 'load' });
    // One round trip (a loaded 2-core machine makes each one count): wait in the page for the
    // button, fc-relink's inside its shadow root once rendered, and take its centre.
    const centre = await page.evaluate(async () => {
      for (;;) {
        const button =
          document.querySelector('fc-relink')?.shadowRoot?.querySelector('button') ?? document.getElementById('relink');
        const box = button?.getBoundingClientRect();
        if (box && box.width > 0) return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    });
    await page.mouse.move(centre.x, centre.y);
    await sleep(gap);
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForFunction(() => window.__collectAt !== undefined, undefined, { timeout: 20_000 });
    if (untilClosed) {
      await page.waitForFunction(() => window.__flowClosedAt !== undefined, undefined, { timeout: 20_000 });
      // Layout shifts are reported after the frame that shows the terminal state.
      await sleep(300);
    }
    const seen = await page.evaluate(() => ({
      clickAt: window.__bench.clickAt ?? NaN,
      hoverAt: window.__bench.hoverAt ?? NaN,
      collectAt: window.__collectAt ?? NaN,
      calls: window.__collectCalls.map((call) => String(call.clientSecret)),
      shift: window.__bench.shifts
        .filter((s) => s.startTime >= (window.__bench.clickAt ?? Infinity))
        .reduce((sum, s) => sum + s.value, 0),
      terminal:
        document.querySelector('fc-relink')?.getAttribute('state') ??
        document.getElementById('relink-status')?.textContent ??
        '',
      // Which slow step an integration had already begun when the customer clicked.
      earlySession: performance
        .getEntriesByType('resource')
        .some((e) => new URL(e.name).pathname === '/api/relink-session' && e.startTime < (window.__bench.clickAt ?? 0)),
      earlyStripe: performance
        .getEntriesByType('resource')
        .some((e) => new URL(e.name).hostname === 'js.stripe.com' && e.startTime < (window.__bench.clickAt ?? 0)),
      // Where the time went, relative to the click: for BENCH_DEBUG.
      resources: performance
        .getEntriesByType('resource')
        .map((e) => {
          const r = /** @type {PerformanceResourceTiming} */ (e);
          const since = (/** @type {number} */ t) => Math.round(t - (window.__bench.clickAt ?? 0));
          return `${new URL(r.name).pathname} ${since(r.startTime)}→${since(r.responseEnd)}`;
        })
        .join(', '),
    }));
    if (process.env.BENCH_DEBUG) {
      log(
        `  ${integration.key} gap ${gap}: ${(seen.collectAt - seen.clickAt).toFixed(1)} ms; hover ${Math.round(seen.hoverAt - seen.clickAt)}; ${seen.resources}`,
      );
    }
    const problems = [];
    if (seen.calls.length !== 1) problems.push(`${seen.calls.length} flows opened`);
    if (!traffic.secrets.includes(seen.calls[0]))
      problems.push(`opened a secret this page was never given (${seen.calls[0]})`);
    if (traffic.foreign.length) problems.push(`requests outside the fake origins: ${traffic.foreign.join(', ')}`);
    // The stand-in resolves as a cancel; anything else means the result was misread.
    if (untilClosed && !/^cancel/i.test(seen.terminal)) problems.push(`ended in "${seen.terminal}", not a cancel`);
    return {
      ms: seen.collectAt - seen.clickAt,
      gap: seen.clickAt - seen.hoverAt,
      sessions: traffic.sessions,
      stripe: traffic.stripe,
      earlySession: seen.earlySession,
      earlyStripe: seen.earlyStripe,
      shift: seen.shift,
      terminal: seen.terminal,
      problems,
    };
  } finally {
    await context.close();
  }
}

/** @type {Integration[]} */
export const INTEGRATIONS = [
  { key: 'a', label: '(a) hand-written, sequential', path: '/handwritten.html' },
  { key: 'b', label: '(b) fc-relink, defaults', path: elementPage('latency-defaults', 1, DEFAULTS) },
  {
    key: 'c',
    label: '(c) fc-relink, preload="intent" prefetch',
    path: elementPage('latency-intent-prefetch', 1, INTENT_PREFETCH),
  },
  { key: 'd', label: '(d) fc-relink, preload="none", cold click', path: elementPage('latency-cold', 1, NO_PRELOAD) },
];
export const [HAND, DEFAULT, PREFETCH, COLD] = INTEGRATIONS;

/** @param {Browser} browser */
export async function measureLatency(browser) {
  // (a) does nothing on hover, so its figure does not depend on the gap: it is measured at the
  // headline gap only, and every ratio is against that same run's (a). (d) is clicked as soon as
  // the pointer arrives, with nothing loaded before the click.
  const configs = [
    { integration: HAND, gap: HEADLINE_GAP },
    { integration: COLD, gap: 0 },
    ...GAPS.flatMap((gap) => [
      { integration: DEFAULT, gap },
      { integration: PREFETCH, gap },
    ]),
  ];
  // One discarded attempt each: the first pages of a browser pay for its warm-up.
  for (const { integration, gap } of configs.filter(
    (c, i) => configs.findIndex((d) => d.integration === c.integration) === i,
  )) {
    await attempt(browser, integration, gap);
  }
  /** @type {Awaited<ReturnType<typeof attempt>>[][]} */
  const results = configs.map(() => []);
  const retried = configs.map(() => 0);
  let budget = GAP_RETRY_BUDGET;
  for (let run = 0; run < RUNS; run++) {
    // Round robin with a rotating start: drift on a shared machine spreads over every config.
    for (let k = 0; k < configs.length; k++) {
      const i = (run + k) % configs.length;
      const { integration, gap } = configs[i];
      // A loaded machine can stretch the rest far beyond the gap asked for (Node's timer, then
      // the mouse events' round trips); such an attempt measures another gap, so it is retried
      // (a few times at most). The hand-written page does nothing on hover: no retry needed.
      let result = await attempt(browser, integration, gap);
      for (
        let retry = 0;
        retry < GAP_RETRIES && budget > 0 && integration !== HAND && result.gap > gap + GAP_TOLERANCE_MS;
        retry++
      ) {
        budget--;
        retried[i]++;
        result = await attempt(browser, integration, gap);
      }
      results[i].push(result);
    }
    log(`  latency: round ${run + 1}/${RUNS}`);
  }
  return configs.map((config, i) => {
    const runs = results[i];
    const ms = runs.map((r) => r.ms);
    return {
      ...config,
      median: median(ms),
      p95: percentile(ms, 95),
      min: Math.min(...ms),
      max: Math.max(...ms),
      gapMeasured: median(runs.map((r) => r.gap)),
      gapMax: Math.max(...runs.map((r) => r.gap)),
      retried: retried[i],
      sessionsPerRun: runs.reduce((sum, r) => sum + r.sessions, 0) / runs.length,
      stripePerRun: runs.reduce((sum, r) => sum + r.stripe, 0) / runs.length,
      earlySession: runs.filter((r) => r.earlySession).length / runs.length,
      earlyStripe: runs.filter((r) => r.earlyStripe).length / runs.length,
      problems: [...new Set(runs.flatMap((r) => r.problems))],
    };
  });
}

/** @param {Browser} browser */
export async function measureShift(browser) {
  const rows = INTEGRATIONS.map((integration) => ({
    integration,
    runs: /** @type {Awaited<ReturnType<typeof attempt>>[]} */ ([]),
  }));
  for (let run = 0; run < CLS_RUNS; run++) {
    for (const r of rows)
      r.runs.push(
        await attempt(browser, r.integration, r.integration === COLD ? 0 : HEADLINE_GAP, { untilClosed: true }),
      );
  }
  return rows.map(({ integration, runs }) => ({
    integration,
    shift: Math.max(...runs.map((r) => r.shift)),
    terminal: [...new Set(runs.map((r) => r.terminal))].join(', '),
    problems: [...new Set(runs.flatMap((r) => r.problems))],
  }));
}
