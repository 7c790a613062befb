// The bench's settings: from the environment where a run may change them, constant otherwise.
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The pages, the hand-written integration and the stand-in Stripe.js the bench serves. */
export const BENCH = fileURLToPath(new URL('pages/', import.meta.url));

/** @param {string} name @param {number} fallback @param {number} min */
function intFromEnv(name, fallback, min) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer ≥ ${min}; received ${JSON.stringify(raw)}.`);
  }
  return value;
}

export const ENDPOINT_MS = intFromEnv('BENCH_ENDPOINT_MS', 300, 0);
export const STRIPE_MS = intFromEnv('BENCH_STRIPE_MS', 500, 0);
export const RUNS = intFromEnv('BENCH_RUNS', 20, 1);
export const LOAD_RUNS = intFromEnv('BENCH_LOAD_RUNS', 3, 1);
export const CYCLES = intFromEnv('BENCH_CYCLES', 1000, 1);
export const CLS_RUNS = intFromEnv('BENCH_CLS_RUNS', 2, 1);
export const GAPS = (process.env.BENCH_GAPS ?? '150,400,800').split(',').map((gap) => {
  const value = Number(gap);
  if (!Number.isInteger(value) || value < 0) throw new Error(`BENCH_GAPS: ${JSON.stringify(gap)} is not a gap in ms.`);
  return value;
});
export const HEADLINE_GAP = GAPS[GAPS.length - 1];
export const OUT = process.env.BENCH_OUT ?? 'docs/project/benchmarks.md';
/** The settings a run was given, in the order the command that reproduces it names them. */
export const SETTING_NAMES = [
  'BENCH_ENDPOINT_MS',
  'BENCH_STRIPE_MS',
  'BENCH_RUNS',
  'BENCH_GAPS',
  'BENCH_LOAD_RUNS',
  'BENCH_CYCLES',
  'BENCH_CLS_RUNS',
];

/** How long the pretend customer keeps the flow open before cancelling (layout-shift runs). */
export const FLOW_MS = 300;
export const MEMORY_ROUNDS = 3;
/** An attempt whose real hover-to-click gap overshot by more than this is run again. */
export const GAP_TOLERANCE_MS = 50;
export const GAP_RETRIES = 2;
/** Retries over the whole section, so that a very busy machine cannot stretch the bench without end. */
export const GAP_RETRY_BUDGET = 2 * RUNS;

export const ORIGIN = 'http://bench.local';
export const SESSION_PATH = '/api/relink-session';
export const PUBLISHABLE_KEY = 'pk_test_bench123';

/** Attribute sets of the element variants. */
export const DEFAULTS = { 'publishable-key': PUBLISHABLE_KEY, 'session-url': SESSION_PATH };
export const INTENT_PREFETCH = { ...DEFAULTS, preload: 'intent', prefetch: '' };
export const NO_PRELOAD = { ...DEFAULTS, preload: 'none' };

export const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);
