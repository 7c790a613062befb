// `npm run fuzz`: the property-based tests (test/browser/property/*.test.ts) with 10,000 runs per
// property instead of npm test's 300, in the same real Chromium as the browser tests.
//   FUZZ_RUNS=n       runs per property (default 10000)
//   FUZZ_SEED=n       replay a seed fast-check printed (with FUZZ_PATH for the shrunk case)
import { browserTests, runnerHtmlWith } from './web-test-runner.config.mjs';

const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`FUZZ_RUNS must be a positive integer, not ${process.env.FUZZ_RUNS}`);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const path = process.env.FUZZ_PATH;

// The settings reach the page as globals set before the test framework loads.
const globals = { __FUZZ_RUNS__: runs };
if (seed !== undefined) globals.__FUZZ_SEED__ = seed;
if (path !== undefined) globals.__FUZZ_PATH__ = path;

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  ...browserTests(['chromium']),
  files: ['test/browser/property/*.test.ts'],
  // A run takes tens of ms; 10,000 of them take minutes.
  testFramework: { config: { timeout: 0 } },
  testsFinishTimeout: 4 * 60 * 60 * 1000,
  testRunnerHtml: runnerHtmlWith(globals),
};
