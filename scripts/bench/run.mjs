// npm run bench: what a customer waits for and what a page pays, in real Chromium (headless,
// through Playwright), for <fc-relink> against a hand-written integration (pages/handwritten.*).
//
// Nothing touches the network: every request is answered on a fake origin (server.mjs).
// The figure for each attempt is the time from the click to the call of
// collectFinancialConnectionsAccounts, both taken inside the page (pages/probe.js, fake-stripe.js).
//
// Settings (environment): BENCH_ENDPOINT_MS (300), BENCH_STRIPE_MS (500), BENCH_RUNS (20),
// BENCH_GAPS (hover-to-click gaps in ms, "150,400,800"; the last is the headline), BENCH_LOAD_RUNS (3),
// BENCH_CYCLES (1000), BENCH_CLS_RUNS (2), BENCH_BUDGET_RUNS (5), BENCH_OUT (docs/project/benchmarks.md; empty: do not write).
import os from 'node:os';
import { chromium } from 'playwright';
import { measureBudgets } from './measure-budgets.mjs';
import { measureLatency, measureShift } from './measure-click.mjs';
import { measureElement, measureLoad, measureMemory } from './measure-page.mjs';
import { writeReport } from './report.mjs';
import { buildBundles, microPage } from './server.mjs';
import { log } from './settings.mjs';
import { CHROMIUM_ARGS, chromiumExecutable } from '../test/chromium.mjs';

const startedAt = Date.now();
const loadAtStart = os.loadavg();

/**
 * Runs one section, logging how long it took (the whole bench should stay within ~6 minutes).
 * @template T @param {string} name @param {() => Promise<T>} section @returns {Promise<T>}
 */
async function timed(name, section) {
  const t0 = Date.now();
  log(`bench: ${name}…`);
  const result = await section();
  log(`bench: ${name} took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}

await buildBundles();
microPage();
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
const chromiumVersion = browser.version();
try {
  const element = await timed('element costs', () => measureElement(browser));
  const load = await timed('page load', () => measureLoad(browser));
  const memory = await timed('memory', () => measureMemory(browser));
  const latency = await timed('click to flow', () => measureLatency(browser));
  const shift = await timed('layout shift', () => measureShift(browser));
  const budgets = await timed('budgets against the baselines', () => measureBudgets(browser));
  writeReport({ results: { element, load, memory, latency, shift, budgets }, chromiumVersion, startedAt, loadAtStart });
} finally {
  await browser.close();
}
