import { fail, messageOf } from '../errors.js';
import type { StripeLike } from '../types.js';
import { VERSION } from '../version.js';
import type { AttemptConfig } from './config.js';
import { ABORTED, TIMEOUT, raceAbort, seconds, within } from './deadline.js';
import { isStripeLike } from './shapes.js';

// One instance per key and connected account for the whole page, shared by every element
// (Stripe binds an instance to one key and account for life). A failed load is forgotten so
// the next attempt tries again; a load that is merely slow is kept and awaited again.
const instances = new Map<string, Promise<StripeLike>>();

// The script @stripe/stripe-js 10 would inject (its release train); test/node checks they agree.
const STRIPE_JS = 'https://js.stripe.com/endive/stripe.js';

type TrustedTypesLike = {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown };
};
// null: the page's CSP does not allow the name (trusted-types …), tried once per page.
let policy: { createScriptURL(url: string): unknown } | null | undefined;

// The loader assigns script.src a plain string, which a page enforcing Trusted Types
// (require-trusted-types-for 'script') refuses; so the script is injected here, through a
// policy that allows exactly one URL, and the loader then finds window.Stripe ready. Where the
// page does not allow the policy, the plain URL goes to the page's own default policy, if any.
function stripeScriptUrl(): unknown {
  const types = (window as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (policy === undefined && types) {
    try {
      // Whatever it is asked for, it can only ever produce Stripe.js's URL.
      policy = types.createPolicy('fc-relink', { createScriptURL: () => STRIPE_JS });
    } catch {
      policy = null;
    }
  }
  return policy ? policy.createScriptURL(STRIPE_JS) : STRIPE_JS;
}

// Stripe.js itself, as the loader recognises it; not Stripe's other scripts (pricing-table.js…).
const STRIPE_JS_URL = /^https:\/\/js\.stripe\.com\/(?:v3\/?|[a-z]+\/stripe\.js)(?:\?.*)?$/;

function stripeJsOnPage(): boolean {
  return (
    Boolean((window as { Stripe?: unknown }).Stripe) ||
    [...document.querySelectorAll<HTMLScriptElement>('script[src^="https://js.stripe.com/"]')].some((script) =>
      STRIPE_JS_URL.test(script.src),
    )
  );
}

function injectStripeJs(): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = stripeScriptUrl() as string;
    const fail = (reason: string) => {
      // Removed so that the next attempt injects a fresh script instead of waiting on this one.
      script.remove();
      reject(new Error(reason));
    };
    script.onload = () => ((window as { Stripe?: unknown }).Stripe ? resolve() : fail('Stripe.js not available'));
    script.onerror = () => fail('Failed to load Stripe.js');
    document.head.append(script);
  });
}

function instanceFor(publishableKey: string, stripeAccount: string | null): Promise<StripeLike> {
  const cacheKey = `${publishableKey}\n${stripeAccount ?? ''}`;
  const cached = instances.get(cacheKey);
  if (cached) return cached;
  const loading = (async () => {
    // /pure injects nothing until loadStripe() runs. The file path (not the directory) keeps
    // Node's ESM loader happy. (Its bundled .d.mts re-exports without a file extension, so its
    // types are named here.)
    const { loadStripe } = (await import('@stripe/stripe-js/pure/index.mjs')) as {
      loadStripe: typeof import('@stripe/stripe-js').loadStripe;
    };
    // A page that already has Stripe.js (or its script tag) is left to the loader, which reuses it.
    if (!stripeJsOnPage()) await injectStripeJs();
    const stripe = await loadStripe(publishableKey, stripeAccount === null ? undefined : { stripeAccount });
    if (!isStripeLike(stripe)) throw new Error('no Stripe.js here');
    const withAppInfo = stripe as StripeLike & { registerAppInfo?: (info: object) => void };
    withAppInfo.registerAppInfo?.({ name: 'fc-relink', version: VERSION });
    return stripe;
  })();
  instances.set(cacheKey, loading);
  loading.catch(() => {
    if (instances.get(cacheKey) === loading) instances.delete(cacheKey);
  });
  return loading;
}

/** Starts loading Stripe.js for this key and account, if it is not loaded or loading already. */
export function preloadStripe(publishableKey: string, stripeAccount: string | null): void {
  // A failure is forgotten (the next attempt tries again and reports it); never unhandled.
  instanceFor(publishableKey, stripeAccount).catch(() => {});
}

const BLOCKERS = ' An ad blocker, the network or a CSP may block js.stripe.com.';

/**
 * Resolves the Stripe.js instance for an attempt (the `stripe` property, or Stripe.js loaded
 * lazily from js.stripe.com) within `stripe-timeout`. Throws stripe_load_failed, or ABORTED.
 */
export async function resolveStripe(config: AttemptConfig, signal: AbortSignal): Promise<StripeLike> {
  try {
    // validateConfig guarantees a key whenever no instance is given.
    const stripe = await within(config.stripeTimeout, signal, () => config.stripe ?? instanceFor(config.publishableKey as string, config.stripeAccount));
    // Inside the try: a Proxy or a getter that throws here is a Stripe.js that could not load.
    if (isStripeLike(stripe)) return stripe;
  } catch (error) {
    if (error === ABORTED) throw error;
    fail(
      'stripe_load_failed',
      (error === TIMEOUT
        ? `Stripe.js did not load within ${seconds(config.stripeTimeout)} (stripe-timeout).`
        : `Stripe.js could not load (${messageOf(error)}).`) + BLOCKERS,
    );
  }
  return fail('stripe_load_failed', 'stripe is not a Stripe.js instance.');
}

// Stripe.js shows one Financial Connections modal at a time; two elements on a page (or a
// script calling relink() on both) would otherwise stack flows. Launches queue instead.
let queue: Promise<void> = Promise.resolve();

/**
 * Runs `flow` once no other fc-relink flow is open on this page. If `signal` aborts while it
 * waits, it leaves the queue at once by throwing ABORTED; the flows behind it still wait for the
 * ones ahead of it.
 */
export async function oneFlowAtATime<T>(signal: AbortSignal, flow: () => Promise<T>): Promise<T> {
  const ahead = queue;
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  queue = ahead.then(() => mine);
  try {
    await raceAbort(ahead, signal);
    return await flow();
  } finally {
    release();
  }
}
