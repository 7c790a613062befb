// @web/test-runner: the browser tests, in Chromium, Firefox and WebKit (scripts/test/wtr-browsers.mjs).
//   BROWSERS=chromium,firefox,webkit   the engines to run in (default: all three, at once;
//                                      `npm run test:browser` runs them one after another)
//   PROPERTY_RUNS=n                    runs per property-based test (default 300)
// js.stripe.com is answered by each page's msw worker (test/browser/stripe-network.ts), the same
// way in every engine.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { frameworkTests } from './scripts/test/bundle-frameworks.mjs';
import { browsersFor, enginesFromEnv } from './scripts/test/wtr-browsers.mjs';
import { keyCommand } from './scripts/test/wtr-keys.mjs';
import { touchCommand } from './scripts/test/wtr-touch.mjs';

const mswWorker = fileURLToPath(new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url));

/** A page that sets `globals` (window.name = value) before the test framework loads. */
export function runnerHtmlWith(globals) {
  const script = Object.entries(globals)
    .map(([name, value]) => `window.${name} = ${JSON.stringify(value)};`)
    .join('');
  return (testFramework) =>
    `<!doctype html><html><head><script>${script}</script></head><body><script type="module" src="${testFramework}"></script></body></html>`;
}

/** The browser suite's configuration, in `engines`. */
export function browserTests(engines) {
  const runs = process.env.PROPERTY_RUNS;
  if (runs !== undefined && !/^[1-9]\d*$/.test(runs))
    throw new Error(`PROPERTY_RUNS must be a positive integer, not ${runs}`);
  /** @type {import('@web/test-runner').TestRunnerConfig} */
  const config = {
    files: [
      'test/browser/**/*.test.ts',
      'test/frameworks/*.test.tsx',
      // Touch input cannot be sent to WebKit here (scripts/test/wtr-touch.mjs).
      ...(engines.includes('webkit') ? ['!test/browser/touch.test.ts'] : []),
    ],
    // 'browser' picks msw's browser build of its interceptors; 'development' turns on Lit's dev-mode checks.
    nodeResolve: { exportConditions: ['browser', 'development'] },
    concurrency: 2,
    testFramework: { config: { timeout: 5000 } },
    middleware: [
      // msw's worker must be served at the root scope, or it intercepts nothing.
      async (ctx, next) => {
        if (ctx.path !== '/mockServiceWorker.js') return next();
        ctx.type = 'application/javascript';
        ctx.body = await readFile(mswWorker, 'utf8');
      },
    ],
    plugins: [
      frameworkTests,
      keyCommand,
      touchCommand,
      esbuildPlugin({
        ts: true,
        target: 'es2022',
        tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
      }),
    ],
    browsers: browsersFor(engines),
  };
  if (runs !== undefined) config.testRunnerHtml = runnerHtmlWith({ __FUZZ_RUNS__: Number(runs) });
  return config;
}

export default browserTests(enginesFromEnv());
