import { isStripeId, type StripeIdPrefix } from '../common/ids.js';
import { DEFAULT_SESSION_TIMEOUT, DEFAULT_STRIPE_TIMEOUT } from '../shell/defaults.js';
import type { FetchSession, RelinkPreload, RelinkState, StripeLike, VerifySession } from '../shell/types.js';
import { fail } from './failure.js';
import { isStripeLike } from './shapes.js';

/** What the attempt module reads from its element: the properties, as the page set them. */
export interface AttemptHost extends HTMLElement {
  readonly publishableKey: string | null | undefined;
  readonly stripeAccount: string | null | undefined;
  readonly sessionUrl: string | null | undefined;
  readonly account: string | null | undefined;
  readonly credentials: string | null | undefined;
  readonly headers: Record<string, string> | null | undefined;
  readonly fetchSession: FetchSession | null | undefined;
  readonly stripe: StripeLike | Promise<StripeLike> | null | undefined;
  readonly verifyUrl: string | null | undefined;
  readonly verifySession: VerifySession | null | undefined;
  readonly sessionTimeout: number | null | undefined;
  readonly stripeTimeout: number | null | undefined;
  readonly preload: RelinkPreload;
  readonly prefetch: boolean;
  readonly disabled: boolean;
  readonly state: RelinkState;
}

/** Where the Stripe.js instance comes from: the page's own, or loaded for a key. */
export type StripeSource =
  | { readonly instance: StripeLike | Promise<StripeLike> }
  | { readonly publishableKey: string; readonly stripeAccount: string | null };

/** Where a JSON answer comes from: the merchant's endpoint, or the page's own function. */
export type AnswerSource<F> = { readonly url: string } | { readonly call: F };

/** What every request to the merchant's endpoints needs, checked. */
export interface EndpointConfig {
  readonly account: string | null;
  readonly credentials: RequestCredentials;
  readonly headers: Readonly<Record<string, string>>;
  readonly sessionTimeout: number;
  /** The server check after Stripe's flow, when one is configured. */
  readonly verify: AnswerSource<VerifySession> | null;
}

/** A configuration for an embedded attempt that passed validation. */
export interface AttemptConfig extends EndpointConfig {
  readonly stripe: StripeSource;
  /** Derived from the key; `null` when only a `stripe` instance was given. */
  readonly livemode: boolean | null;
  readonly session: AnswerSource<FetchSession>;
  readonly stripeTimeout: number;
}

// setTimeout fires at once for anything longer (about 24.8 days).
const MAX_TIMEOUT = 2_147_483_647;
const CREDENTIALS: readonly string[] = ['same-origin', 'include', 'omit'];

export const invalidConfig = (message: string): never => fail('invalid_config', message);

/** A trimmed attribute value, or null when it is blank. */
export const given = (value: string | null | undefined): string | null => value?.trim() || null;

/** A trimmed id with this prefix, or null when blank; anything else is invalid. */
function optionalId(value: string | null | undefined, prefix: StripeIdPrefix, name: string): string | null {
  const id = given(value);
  return id === null || isStripeId(id, prefix) ? id : invalidConfig(`${name} must be ${prefix}….`);
}

function timeout(value: number | null | undefined, fallback: number, name: string): number {
  if (value == null) return fallback;
  return value > 0 && value <= MAX_TIMEOUT ? value : invalidConfig(`${name} must be 1 to ${MAX_TIMEOUT} ms.`);
}

/** An http(s) URL, resolved against the document's base URL as a link's href is; or null when blank. */
export function url(value: string | null | undefined, name: string): string | null {
  const text = given(value);
  if (text === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(text, document.baseURI);
  } catch {
    return invalidConfig(`${name} is not a URL.`);
  }
  return /^https?:$/.test(parsed.protocol) ? parsed.href : invalidConfig(`${name} must be http(s).`);
}

/** The key, checked; `null` when none is set. */
function publishableKeyOf(host: AttemptHost): string | null {
  const key = given(host.publishableKey);
  if (key === null) return null;
  if (/^[sr]k_/.test(key)) {
    // The key itself is never repeated: it is a secret that must be rolled.
    const kind = key.startsWith('s') ? 'secret' : 'restricted';
    fail(
      'invalid_publishable_key',
      `publishable-key is a ${kind} key: roll it, and use a publishable key (pk_test_… or pk_live_…).`,
    );
  }
  return isStripeId(key, 'pk_test_') || isStripeId(key, 'pk_live_')
    ? key
    : fail('invalid_publishable_key', 'publishable-key must be pk_test_… or pk_live_….');
}

/** The page's own Stripe.js instance when it set one, else Stripe.js loaded for the key. */
function stripeSource(host: AttemptHost, publishableKey: string | null, stripeAccount: string | null): StripeSource {
  // Preact sets a property it unsets to '': that is not set either.
  const instance = host.stripe || null;
  if (instance === null) {
    return publishableKey === null
      ? invalidConfig('publishable-key is required (pk_test_… or pk_live_…).')
      : { publishableKey, stripeAccount };
  }
  // A promise is checked when it resolves; anything else can be checked now.
  const thenable = typeof (instance as Partial<PromiseLike<unknown>>).then === 'function';
  return thenable || isStripeLike(instance)
    ? { instance }
    : invalidConfig('stripe must be a Stripe.js instance or a Promise of one.');
}

/** The page's function when it set one, else the endpoint; null when neither is set. */
function answerSource<F>(
  call: F | null | undefined,
  endpoint: string | null | undefined,
  names: { readonly property: string; readonly attribute: string },
): AnswerSource<F> | null {
  // Preact sets a property it unsets to '': that is not set either.
  if (call) return typeof call === 'function' ? { call } : invalidConfig(`${names.property} must be a function.`);
  const href = url(endpoint, names.attribute);
  return href === null ? null : { url: href };
}

/**
 * The page's extra request headers, checked by the browser's own rules (a name fetch would
 * refuse, a value with a line break) before anything is sent.
 */
function headersOf(headers: Record<string, string> | null | undefined): Readonly<Record<string, string>> {
  // Preact sets a property it unsets to '': that is not set either.
  if (!headers) return {};
  if (typeof headers !== 'object' || Array.isArray(headers))
    return invalidConfig('headers must be an object of header names and values.');
  const given = { ...headers };
  for (const [name, value] of Object.entries(given)) {
    try {
      new Headers([[name, value]]);
    } catch {
      // The value is not repeated: a header may carry a token.
      invalidConfig(
        `headers: ${JSON.stringify(name)} is not a valid header name, or its value is not a valid header value.`,
      );
    }
  }
  return given;
}

/** Validates what requests to the merchant's endpoints need; throws the first problem found. */
export function validateEndpoints(host: AttemptHost): EndpointConfig {
  const account = optionalId(host.account, 'fca_', 'account');
  const verify = answerSource(host.verifySession, host.verifyUrl, {
    property: 'verifySession',
    attribute: 'verify-url',
  });
  const credentials = host.credentials ?? 'same-origin';
  if (!CREDENTIALS.includes(credentials)) invalidConfig('credentials must be same-origin, include or omit.');
  return {
    account,
    credentials: credentials as RequestCredentials,
    headers: headersOf(host.headers),
    sessionTimeout: timeout(host.sessionTimeout, DEFAULT_SESSION_TIMEOUT, 'session-timeout'),
    verify,
  };
}

/**
 * Validates the element's configuration for an embedded attempt before any network traffic,
 * and throws the first problem found; keys are checked before anything else so a secret key
 * never travels further.
 */
export function validateConfig(host: AttemptHost): AttemptConfig {
  const publishableKey = publishableKeyOf(host);
  const stripe = stripeSource(host, publishableKey, optionalId(host.stripeAccount, 'acct_', 'stripe-account'));
  const session =
    answerSource(host.fetchSession, host.sessionUrl, { property: 'fetchSession', attribute: 'session-url' }) ??
    invalidConfig('session-url is required.');
  return {
    ...validateEndpoints(host),
    stripe,
    livemode: publishableKey === null ? null : publishableKey.startsWith('pk_live_'),
    session,
    stripeTimeout: timeout(host.stripeTimeout, DEFAULT_STRIPE_TIMEOUT, 'stripe-timeout'),
  };
}
