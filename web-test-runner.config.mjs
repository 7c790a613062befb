// @web/test-runner: the browser tests, in real Chromium through Playwright.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumExecutable, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { frameworkTests } from './scripts/bundle-frameworks.mjs';

const mswWorker = fileURLToPath(new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url));

// js.stripe.com is never reached from a test. Its requests are answered per page, as the test
// harness's stripeNetwork(mode) sets with `executeServerCommand('stripe-network', mode)` (tests
// never call the command themselves):
//   'block' (the default): they fail at once, as an ad blocker or no network would make them;
//   'hang':  they are never answered (until the mode changes: then held requests get the new answer);
//   'empty': 200 JavaScript that does not define window.Stripe (a captive portal, a broken proxy);
//   'fake':  a script that sets window.Stripe to the page's window.__fcRelinkStripeJs, a fake
//            Stripe.js constructor the test controls (test/browser/harness/stripe-js.ts).
const stripeNetwork = new WeakMap(); // page → { mode, held: Route[] }
const STRIPE_NETWORK_MODES = new Set(['block', 'hang', 'empty', 'fake']);

function networkOf(page) {
  let network = stripeNetwork.get(page);
  if (!network) stripeNetwork.set(page, (network = { mode: 'block', held: [] }));
  return network;
}

function answerStripe(route, network) {
  switch (network.mode) {
    case 'hang':
      network.held.push(route);
      return undefined;
    case 'empty':
      return route.fulfill({ status: 200, contentType: 'application/javascript', body: '/* loaded, defines nothing */\n' });
    case 'fake':
      return route.fulfill({
        status: 200,
        contentType: 'application/javascript',
        body: 'if (window.__fcRelinkStripeJs) window.Stripe = window.__fcRelinkStripeJs;\n',
      });
    default:
      return route.abort('blockedbyclient');
  }
}

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
        const mode = payload ?? 'block';
        if (!STRIPE_NETWORK_MODES.has(mode)) throw new Error(`stripe-network: unknown mode ${String(mode)}`);
        const network = networkOf(session.browser.getPage(session.id));
        network.mode = mode;
        // Requests held by 'hang' get the new mode's answer: a slow Stripe.js that arrives at last.
        if (mode !== 'hang') for (const route of network.held.splice(0)) void answerStripe(route, network)?.catch(() => {});
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
        await context.route('https://js.stripe.com/**', (route) => answerStripe(route, networkOf(page)));
        return page;
      },
    }),
  ],
};
