import { relinkError } from '../errors.js';
import type { StripeLike } from '../types.js';
import { VERSION } from '../version.js';
import type { AttemptConfig } from './config.js';
import { deadline, raceAbort, seconds } from './deadline.js';
import type { Step } from './json-call.js';

// One instance per key and connected account for the whole page, shared by every element
// (Stripe binds an instance to one key and account for life). A failed load is forgotten so
// the next attempt tries again; a load that is merely slow is kept and awaited again.
const instances = new Map<string, Promise<StripeLike>>();

export function isStripeLike(value: unknown): value is StripeLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as StripeLike).collectFinancialConnectionsAccounts === 'function'
  );
}

function instanceFor(publishableKey: string, stripeAccount: string | null): Promise<StripeLike> {
  const cacheKey = `${publishableKey}\n${stripeAccount ?? ''}`;
  const cached = instances.get(cacheKey);
  if (cached) return cached;
  const loading = (async () => {
    // /pure injects nothing until loadStripe() runs, and reuses window.Stripe or an existing
    // js.stripe.com script tag. The file path (not the directory) keeps Node's ESM loader happy.
    // (Its bundled .d.mts re-exports without a file extension, so its types are named here.)
    const { loadStripe } = (await import('@stripe/stripe-js/pure/index.mjs')) as {
      loadStripe: typeof import('@stripe/stripe-js').loadStripe;
    };
    const stripe = await loadStripe(publishableKey, stripeAccount === null ? undefined : { stripeAccount });
    if (!isStripeLike(stripe)) throw new Error('Stripe.js is not available in this environment.');
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

/**
 * Resolves the Stripe.js instance for an attempt (the `stripe` property, or Stripe.js loaded
 * lazily from js.stripe.com) within `stripeTimeout`. Never rejects.
 */
export async function resolveStripe(config: AttemptConfig, signal: AbortSignal): Promise<Step<StripeLike>> {
  const limit = deadline(config.stripeTimeout, signal);
  try {
    const given = config.stripe;
    const pending =
      given !== null
        ? Promise.resolve(given)
        : // validateConfig guarantees a key whenever no instance is given.
          instanceFor(config.publishableKey as string, config.stripeAccount);
    const stripe: unknown = await raceAbort(pending, limit.signal);
    if (!isStripeLike(stripe)) {
      return {
        kind: 'error',
        error: relinkError('stripe_load_failed', 'The stripe property did not resolve to a Stripe.js instance.'),
      };
    }
    return { kind: 'ok', value: stripe };
  } catch (error) {
    if (limit.timedOut) {
      return {
        kind: 'error',
        error: relinkError(
          'stripe_load_failed',
          `Stripe.js did not load within ${seconds(config.stripeTimeout)} (stripe-timeout). A slow network, an ad blocker or a Content-Security-Policy without https://js.stripe.com can cause this.`,
        ),
      };
    }
    if (signal.aborted) return { kind: 'aborted' };
    const reason = error instanceof Error ? error.message : String(error);
    return {
      kind: 'error',
      error: relinkError(
        'stripe_load_failed',
        `Stripe.js could not be loaded (${reason}). An ad blocker, a privacy extension, no network or a Content-Security-Policy without https://js.stripe.com can cause this.`,
      ),
    };
  } finally {
    limit.dispose();
  }
}

// Stripe.js shows one Financial Connections modal at a time; two elements on a page (or a
// script calling relink() on both) would otherwise stack flows. Launches queue instead.
let queue: Promise<void> = Promise.resolve();

/**
 * Runs `flow` once no other fc-relink flow is open on this page. If `signal` aborts while it
 * waits, it leaves the queue at once with `onAbort()`; the flows behind it still wait for the
 * ones ahead of it.
 */
export async function oneFlowAtATime<T>(flow: () => Promise<T>, signal: AbortSignal, onAbort: () => T): Promise<T> {
  const ahead = queue;
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  queue = ahead.then(() => mine);
  try {
    try {
      await raceAbort(ahead, signal);
    } catch {
      return onAbort();
    }
    return await flow();
  } finally {
    release();
  }
}
