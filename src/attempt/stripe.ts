// /pure injects nothing until loadStripe() runs. The file path (not the directory) keeps Node's
// ESM loader happy.
import { loadStripe } from '@stripe/stripe-js/pure/index.mjs';
import { fail, messageOf } from './failure.js';
import { STRIPE_JS, stripeScriptPolicy } from '../shell/stripe-script.js';
import type { StripeElementLocale } from '@stripe/stripe-js';
import type { StripeLike } from '../shell/types.js';
import { VERSION } from '../shell/version.js';
import type { AttemptConfig } from './config.js';
import { ABORTED, TIMEOUT, raceAbort, within } from './deadline.js';
import { isStripeLike } from './shapes.js';

// One instance per key, connected account and language for the whole page, shared by every element
// (Stripe binds an instance to one key and account for life). A failed load is forgotten so
// the next attempt tries again; a load that is merely slow is kept and awaited again.
const instances = new Map<string, Promise<StripeLike>>();

// Stripe.js itself, exactly as the loader recognises it (its V3_URL_REGEX or
// STRIPE_JS_URL_REGEX): /v3, /v3/stripe.js, /<release>/stripe.js; not Stripe's other scripts.
const STRIPE_JS_URL = /^https:\/\/js\.stripe\.com\/(v3\/?|(v3|[a-z]+)\/stripe\.js)(\?.*)?$/;

function stripeJsOnPage(): boolean {
  if (window.Stripe) return true;
  const scripts = document.querySelectorAll<HTMLScriptElement>('script[src^="https://js.stripe.com/"]');
  return [...scripts].some((script) => STRIPE_JS_URL.test(script.src));
}

// The loader assigns script.src a plain string, which a page enforcing Trusted Types
// (require-trusted-types-for 'script') refuses; so the script is injected here, through the
// policy that allows exactly this URL, and the loader then finds window.Stripe ready. Where
// there is no policy, the plain URL goes to the page's own default policy, if any.
function injectStripeJs(): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = (stripeScriptPolicy?.createScriptURL(STRIPE_JS) ?? STRIPE_JS) as string;
    const failed = (reason: string) => {
      // Removed so that the next attempt injects a fresh script instead of waiting on this one.
      script.remove();
      reject(new Error(reason));
    };
    script.onload = () => (window.Stripe ? resolve() : failed('Stripe.js not available'));
    script.onerror = () => failed('Failed to load Stripe.js');
    document.head.append(script);
  });
}

// The languages Stripe.js can show its flow in (its StripeElementLocale), by lower-cased tag.
const STRIPE_LOCALES: ReadonlyMap<string, StripeElementLocale> = new Map(
  (
    [
      'ar',
      'bg',
      'cs',
      'da',
      'de',
      'el',
      'en',
      'en-AU',
      'en-CA',
      'en-NZ',
      'en-GB',
      'es',
      'es-ES',
      'es-419',
      'et',
      'fi',
      'fil',
      'fr',
      'fr-CA',
      'fr-FR',
      'he',
      'hu',
      'hr',
      'id',
      'it',
      'it-IT',
      'ja',
      'ko',
      'lt',
      'lv',
      'ms',
      'mt',
      'nb',
      'nl',
      'no',
      'pl',
      'pt',
      'pt-BR',
      'ro',
      'ru',
      'sk',
      'sl',
      'sv',
      'th',
      'tr',
      'vi',
      'zh',
      'zh-HK',
      'zh-TW',
    ] as const satisfies readonly StripeElementLocale[]
  ).map((locale) => [locale.toLowerCase(), locale]),
);

/**
 * The `locale` for Stripe.js: the element's language where Stripe supports it (the exact tag,
 * else its primary subtag), else `'auto'` (Stripe then follows the browser's language).
 */
export function stripeLocale(language: string): StripeElementLocale {
  const tag = language.toLowerCase();
  return STRIPE_LOCALES.get(tag) ?? STRIPE_LOCALES.get(tag.split('-')[0] ?? '') ?? 'auto';
}

async function load(
  publishableKey: string,
  stripeAccount: string | null,
  locale: StripeElementLocale,
): Promise<StripeLike> {
  // A page that already has Stripe.js (or its script tag) is left to the loader, which reuses it.
  if (!stripeJsOnPage()) await injectStripeJs();
  const stripe: unknown = await loadStripe(
    publishableKey,
    stripeAccount === null ? { locale } : { stripeAccount, locale },
  );
  if (!isStripeLike(stripe)) throw new Error('no Stripe.js here');
  const withAppInfo = stripe as StripeLike & { registerAppInfo?: (info: object) => void };
  withAppInfo.registerAppInfo?.({ name: 'fc-relink', version: VERSION });
  return stripe;
}

function instanceFor(publishableKey: string, stripeAccount: string | null, language: string): Promise<StripeLike> {
  const locale = stripeLocale(language);
  const cacheKey = `${publishableKey}\n${stripeAccount ?? ''}\n${locale}`;
  const cached = instances.get(cacheKey);
  if (cached) return cached;
  const loading = load(publishableKey, stripeAccount, locale);
  instances.set(cacheKey, loading);
  loading.catch(() => {
    if (instances.get(cacheKey) === loading) instances.delete(cacheKey);
  });
  return loading;
}

/** Starts loading Stripe.js for this configuration and language, if it is not loaded or loading already. */
export function preloadStripe(config: AttemptConfig, language: string): void {
  const source = config.stripe;
  // A failure is forgotten (the next attempt tries again and reports it); never unhandled.
  if ('publishableKey' in source) instanceFor(source.publishableKey, source.stripeAccount, language).catch(() => {});
}

const BLOCKERS = ' An ad blocker, the network or a CSP may block js.stripe.com.';

/**
 * Resolves the Stripe.js instance for an attempt (the `stripe` property, or Stripe.js loaded
 * lazily from js.stripe.com) within `stripe-timeout`. Throws stripe_load_failed, or ABORTED.
 */
export async function resolveStripe(config: AttemptConfig, language: string, signal: AbortSignal): Promise<StripeLike> {
  const source = config.stripe;
  let stripe: unknown;
  try {
    stripe = await within(config.stripeTimeout, signal, () =>
      'instance' in source ? source.instance : instanceFor(source.publishableKey, source.stripeAccount, language),
    );
  } catch (error) {
    if (error === ABORTED) throw error;
    fail(
      'stripe_load_failed',
      (error === TIMEOUT
        ? `Stripe.js did not load within ${config.stripeTimeout} ms (stripe-timeout).`
        : `Stripe.js could not load (${messageOf(error)}).`) + BLOCKERS,
    );
  }
  return isStripeLike(stripe) ? stripe : fail('stripe_load_failed', 'stripe is not a Stripe.js instance.');
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
