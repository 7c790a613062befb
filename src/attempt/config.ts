import { fail } from '../errors.js';
import { isObject, isStripeId, isStripeLike } from './shapes.js';
import type {
  FetchSession,
  RelinkMode,
  StripeLike,
  VerifySession,
} from '../types.js';

/** What an attempt reads from the element: its properties, unvalidated. */
export interface AttemptInput {
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
}

/** A configuration that passed validation. */
export interface AttemptConfig {
  publishableKey: string | null;
  /** Derived from the key; `null` when only a `stripe` instance was given. */
  livemode: boolean | null;
  stripeAccount: string | null;
  /** Where sessions come from: the endpoint (absolute URL), unless the fetchSession property is set. */
  sessionUrl: string | null;
  fetchSession: FetchSession | null;
  account: string | null;
  credentials: RequestCredentials;
  headers: Readonly<Record<string, string>>;
  stripe: StripeLike | Promise<StripeLike> | null;
  /** The server check after Stripe's flow, when one is configured: the endpoint, unless the function is set. */
  verifyUrl: string | null;
  verifySession: VerifySession | null;
  sessionTimeout: number;
  stripeTimeout: number;
}

/** A session response that passed validation. The secret stays inside the attempt. */
export interface ValidSession {
  clientSecret: string;
  mode: RelinkMode;
  authorization: string;
  account: string | null;
  sessionId: string | null;
  livemode: boolean | null;
}

// For a timeout set to null or undefined; the same values as the element's property defaults.
const DEFAULT_SESSION_TIMEOUT = 15_000;
const DEFAULT_STRIPE_TIMEOUT = 20_000;
// setTimeout fires at once for anything longer (about 24.8 days).
const MAX_TIMEOUT = 2_147_483_647;

const invalid = (message: string): never => fail('invalid_config', message);

/** A trimmed attribute value, or null when it is blank. */
const given = (value: string | null | undefined): string | null => value?.trim() || null;

/** A trimmed id with this prefix, or null when blank; anything else is invalid. */
function optionalId(value: string | null | undefined, prefix: string, name: string): string | null {
  const id = given(value);
  return id === null || isStripeId(id, prefix) ? id : invalid(`${name} must be ${prefix}….`);
}

function optionalFunction<T>(value: T | null | undefined, name: string): T | null {
  return value == null ? null : typeof value === 'function' ? value : invalid(`${name} must be a function.`);
}

function timeout(value: number | null | undefined, fallback: number, name: string): number {
  if (value == null) return fallback;
  return typeof value === 'number' && value > 0 && value <= MAX_TIMEOUT ? value : invalid(`${name} must be 1 to ${MAX_TIMEOUT} ms.`);
}

/** An http(s) URL, resolved against the document's base URL as a link's href is; or null when blank. */
function url(value: string | null | undefined, name: string): string | null {
  const text = given(value);
  if (text === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(text, document.baseURI);
  } catch {
    return invalid(`${name} is not a URL.`);
  }
  return /^https?:$/.test(parsed.protocol) ? parsed.href : invalid(`${name} must be http(s).`);
}

function checkHeaders(headers: Record<string, string> | null | undefined): Record<string, string> {
  if (headers != null && typeof headers !== 'object') invalid('headers must be an object.');
  const out: Record<string, string> = {};
  try {
    // Headers validates names and values exactly as fetch would.
    new Headers(headers ?? {}).forEach((value, name) => {
      out[name] = value;
    });
  } catch {
    invalid('headers has an invalid header.');
  }
  return Object.freeze(out);
}

/**
 * Validates the element's configuration before any network traffic, and throws the first
 * problem found; keys are checked before anything else so a secret key never travels further.
 */
export function validateConfig(input: AttemptInput): AttemptConfig {
  const stripe = input.stripe ?? null;
  // A promise is checked when it resolves; anything else can be checked now.
  if (stripe !== null && typeof (stripe as { then?: unknown }).then !== 'function' && !isStripeLike(stripe)) {
    invalid('stripe must be a Stripe.js instance or a Promise of one.');
  }
  const publishableKey = given(input.publishableKey);
  if (publishableKey === null) {
    if (stripe === null) invalid('publishable-key is required (pk_test_… or pk_live_…).');
  } else if (/^[sr]k_/.test(publishableKey)) {
    // The key itself is never repeated: it is a secret that must be rolled.
    fail(
      'invalid_publishable_key',
      `publishable-key is a ${publishableKey[0] === 's' ? 'secret' : 'restricted'} key: roll it, and use a publishable key (pk_test_… or pk_live_…).`,
    );
  } else if (!isStripeId(publishableKey, 'pk_test_') && !isStripeId(publishableKey, 'pk_live_')) {
    fail('invalid_publishable_key', 'publishable-key must be pk_test_… or pk_live_….');
  }
  const stripeAccount = optionalId(input.stripeAccount, 'acct_', 'stripe-account');
  const account = optionalId(input.account, 'fca_', 'account');
  const fetchSession = optionalFunction(input.fetchSession, 'fetchSession');
  const sessionUrl = fetchSession ? null : url(input.sessionUrl, 'session-url') ?? invalid('session-url is required.');
  const verifySession = optionalFunction(input.verifySession, 'verifySession');
  const verifyUrl = verifySession ? null : url(input.verifyUrl, 'verify-url');
  const credentials = input.credentials ?? 'same-origin';
  if (!['same-origin', 'include', 'omit'].includes(credentials)) {
    invalid('credentials must be same-origin, include or omit.');
  }
  return {
    publishableKey,
    livemode: publishableKey === null ? null : publishableKey.startsWith('pk_live_'),
    stripeAccount,
    sessionUrl,
    fetchSession,
    account,
    credentials: credentials as RequestCredentials,
    headers: checkHeaders(input.headers),
    stripe,
    verifyUrl,
    verifySession,
    sessionTimeout: timeout(input.sessionTimeout, DEFAULT_SESSION_TIMEOUT, 'session-timeout'),
    stripeTimeout: timeout(input.stripeTimeout, DEFAULT_STRIPE_TIMEOUT, 'stripe-timeout'),
  };
}

/**
 * Validates a session response (from the endpoint or `fetchSession`), or throws
 * invalid_session_response (with the HTTP `status` it came with, if any). Only the fields the
 * attempt needs are kept; nothing from the body is echoed except ids, which are not secret.
 */
export function parseSession(body: unknown, status?: number): ValidSession {
  const bad = (why: string): never =>
    fail('invalid_session_response', `Bad session response: ${why}`, status === undefined ? {} : { status });
  const record = (value: unknown, why: string) =>
    isObject(value) && !Array.isArray(value) ? value : bad(why);
  const id = (value: unknown, prefix: string, name: string, required?: boolean): string | null =>
    !required && value == null ? null : isStripeId(value, prefix) ? value : bad(`${name} is not ${prefix}….`);

  const session = record(body, 'not an object.');
  const secret = session.client_secret;
  if (typeof secret !== 'string') bad('no client_secret.');
  if (!isStripeId(secret, 'fcsess_') || !secret.includes('_secret_')) bad('client_secret is not fcsess_…_secret_….');
  const options = record(session.relink_options, 'no relink_options.');
  const authorization = id(options.authorization, 'fcauth_', 'relink_options.authorization', true) as string;
  const account = id(options.account, 'fca_', 'relink_options.account');
  const sessionId = id(session.id, 'fcsess_', 'id');
  const { livemode = null } = session;
  if (livemode !== null && typeof livemode !== 'boolean') bad('livemode is not a boolean.');
  return {
    clientSecret: secret as string,
    mode: account === null ? 'any_account' : 'same_account',
    authorization,
    account,
    sessionId,
    livemode: livemode as boolean | null,
  };
}
