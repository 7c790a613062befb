// @web/test-runner: the browser tests, in real Chromium through Playwright.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumExecutable, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { frameworkTests } from './scripts/bundle-frameworks.mjs';

const mswWorker = fileURLToPath(new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url));

// js.stripe.com is never reached from a test: by default its requests fail at once, as an ad
// blocker would make them; a test can make them hang instead (see test/browser/stripe-network.ts).
const stripeNetwork = new WeakMap();

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/browser/**/*.test.ts', 'test/frameworks/*.test.tsx'],
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
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    {
      name: 'stripe-network',
      executeCommand({ command, payload, session }) {
        if (command !== 'stripe-network') return undefined;
        stripeNetwork.set(session.browser.getPage(session.id), payload);
        return true;
      },
    },
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
      async createPage({ context }) {
        const page = await context.newPage();
        // On the context, not the page: msw's service worker fetches on the page's behalf, and
        // only context routes see a service worker's requests.
        await context.route('https://js.stripe.com/**', (route) => {
          if (stripeNetwork.get(page) === 'hang') return; // never answered
          return route.abort('blockedbyclient');
        });
        return page;
      },
    }),
  ],
};
