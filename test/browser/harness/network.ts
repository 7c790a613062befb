// What answers the page's requests: msw's service worker, for the merchant's endpoints and for
// js.stripe.com (never reached from a test), in every engine.
import type { HttpHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import {
  createSessionEndpoint,
  createVerifyEndpoint,
  type EndpointScenario,
  type SessionEndpoint,
  type VerifyEndpoint,
  type VerifyScenario,
} from '../../../src/testing/index.js';
import { fake } from './stripe-js.js';
import { setStripeNetworkMode, stripeJsHandler, type StripeNetworkMode } from './stripe-network.js';

export type { StripeNetworkMode };

export const ENDPOINT = '/api/relink-session';
export const VERIFY_ENDPOINT = '/api/relink-verify';

let worker: SetupWorker | null = null;

/**
 * Starts msw's service worker once per page; every suite in the page shares it. It answers
 * js.stripe.com too: whoever resets its handlers keeps `stripeJsHandler` among them.
 */
export async function startWorker(): Promise<SetupWorker> {
  if (!worker) {
    worker = setupWorker(stripeJsHandler);
    await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  }
  return worker;
}

/** A fresh mocked session endpoint at ENDPOINT, backed by the shared fake, in place of any other handler. */
export async function useEndpoint(scenario: EndpointScenario = 'ok'): Promise<SessionEndpoint> {
  const w = await startWorker();
  const endpoint = createSessionEndpoint(fake, { url: ENDPOINT, scenario });
  w.resetHandlers(stripeJsHandler, endpoint.handler);
  return endpoint;
}

/** Adds the mocked verify endpoint (after `useEndpoint` or `mount`, which reset the handlers). */
export async function useVerifyEndpoint(scenario: VerifyScenario = 'ok'): Promise<VerifyEndpoint> {
  const verify = createVerifyEndpoint(fake, { url: VERIFY_ENDPOINT, scenario });
  (await startWorker()).use(verify.handler);
  return verify;
}

/** Puts msw handlers in front of the mounted endpoint's (until `restoreEndpoint` or the next mount). */
export async function useHandlers(...handlers: HttpHandler[]): Promise<void> {
  (await startWorker()).use(...handlers);
}

/** Removes every handler `useHandlers` added: the endpoint answers as its scenario says again. */
export async function restoreEndpoint(endpoint: SessionEndpoint, scenario: EndpointScenario = 'ok'): Promise<void> {
  endpoint.scenario = scenario;
  (await startWorker()).resetHandlers(stripeJsHandler, endpoint.handler);
}

/**
 * How this page's requests to js.stripe.com are answered, from now on (./stripe-network.ts):
 * 'block' (until a test says otherwise), 'hang', 'empty' or 'fake'. The only way a test reaches
 * js.stripe.com's answers.
 */
export async function stripeNetwork(mode: StripeNetworkMode): Promise<void> {
  await startWorker();
  setStripeNetworkMode(mode);
}

/**
 * For a test file whose page must fetch Stripe.js from js.stripe.com: no window.Stripe, and
 * js.stripe.com answering as `mode` (a file of its own: once Stripe.js has loaded, a page never
 * loads it again).
 */
export function withoutWindowStripe(mode: StripeNetworkMode): void {
  before(async () => {
    delete (window as { Stripe?: unknown }).Stripe;
    await stripeNetwork(mode);
  });
  after(() => stripeNetwork('block'));
}

/**
 * Resolves once a request to the session endpoint made after `since` (a `performance.now()`) has
 * been answered in full, as the page's Resource Timing sees it: the page has the answer then.
 */
export async function endpointAnswered(since: number): Promise<void> {
  const answered = () =>
    performance
      .getEntriesByType('resource')
      .some(
        (e) =>
          e.startTime >= since &&
          (e as PerformanceResourceTiming).responseEnd > 0 &&
          new URL(e.name).pathname === ENDPOINT,
      );
  for (let waited = 0; !answered(); waited += 10) {
    if (waited > 10_000) throw new Error('the session endpoint never answered');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
