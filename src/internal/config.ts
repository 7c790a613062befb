import { relinkError } from '../errors.js';
import { isStripeLike } from './stripe.js';
import type {
  FetchSession,
  RelinkErrorDetail,
  RelinkMode,
  RelinkSessionConfig,
  StripeLike,
  VerifySession,
} from '../types.js';

/** What the element hands to an attempt: its properties, unvalidated. */
export interface AttemptInput {
  publishableKey: string | null | undefined;
  stripeAccount: string | null | undefined;
  sessionUrl: string | null | undefined;
  account: string | null | undefined;
  credentials: string | null | undefined;
  headers: Record<string, string> | null | undefined;
  fetchSession: FetchSession | null | undefined;
  stripe: StripeLike | Promise<StripeLike> | null | undefined;
  verifyUrl: string | null | undefined;
  verifySession: VerifySession | null | undefined;
  sessionTimeout: number | null | undefined;
  stripeTimeout: number | null | undefined;
  /** Base for a relative `session-url`: the document's base URL. */
  baseUrl: string;
}

/** A configuration that passed validation. */
export interface AttemptConfig {
  publishableKey: string | null;
  /** Derived from the key; `null` when only a `stripe` instance was given. */
  livemode: boolean | null;
  stripeAccount: string | null;
  /** Where sessions come from: the endpoint (absolute URL) or the fetchSession property. */
  source: { kind: 'endpoint'; url: string } | { kind: 'function'; fetchSession: FetchSession };
  account: string | null;
  credentials: RequestCredentials;
  headers: Readonly<Record<string, string>>;
  stripe: StripeLike | Promise<StripeLike> | null;
  /** The server check after Stripe's flow, when one is configured. */
  verify: { kind: 'endpoint'; url: string } | { kind: 'function'; verifySession: VerifySession } | null;
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

const ID_TAIL = /^[A-Za-z0-9_]+$/;
const CREDENTIALS: readonly RequestCredentials[] = ['same-origin', 'include', 'omit'];

/** True when `value` is `prefix` followed by Stripe id characters. */
export function isStripeId(value: unknown, prefix: string): value is string {
  return (
    typeof value === 'string' && value.startsWith(prefix) && ID_TAIL.test(value.slice(prefix.length))
  );
}

function isBlank(value: string | null | undefined): value is null | undefined | '' {
  return value == null || value.trim() === '';
}

type Checked<T> = { ok: true; value: T } | { ok: false; error: RelinkErrorDetail };

const invalid = (message: string): Checked<never> => ({
  ok: false,
  error: relinkError('invalid_config', message),
});

function checkKey(key: string | null | undefined, hasStripe: boolean): Checked<string | null> {
  if (isBlank(key)) {
    return hasStripe
      ? { ok: true, value: null }
      : invalid('publishable-key is required (a pk_test_… or pk_live_… key), unless the stripe property is set.');
  }
  const trimmed = key.trim();
  if (/^(?:sk|rk)_/.test(trimmed)) {
    // The key itself is never repeated: it is a secret that must be rolled.
    return {
      ok: false,
      error: relinkError(
        'invalid_publishable_key',
        `publishable-key holds a ${trimmed.startsWith('sk_') ? 'secret' : 'restricted'} key, which must never reach a browser; it was not used. Use the publishable key (pk_test_… or pk_live_…) and roll the exposed key in the Stripe Dashboard.`,
      ),
    };
  }
  if (!isStripeId(trimmed, 'pk_test_') && !isStripeId(trimmed, 'pk_live_')) {
    return {
      ok: false,
      error: relinkError(
        'invalid_publishable_key',
        'publishable-key is not a Stripe publishable key; expected one starting pk_test_ or pk_live_.',
      ),
    };
  }
  return { ok: true, value: trimmed };
}

// setTimeout fires at once for anything longer (about 24.8 days).
const MAX_TIMEOUT = 2_147_483_647;

function checkTimeout(value: number | null | undefined, fallback: number, name: string): Checked<number> {
  if (value == null) return { ok: true, value: fallback };
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TIMEOUT) {
    return invalid(`${name} must be a positive number of milliseconds up to ${MAX_TIMEOUT}; received ${String(value)}.`);
  }
  return { ok: true, value };
}

function checkUrl(url: string, baseUrl: string, name: string): Checked<string> {
  let parsed: URL;
  try {
    parsed = new URL(url, baseUrl);
  } catch {
    return invalid(`${name} is not a valid URL.`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return invalid(`${name} must be an http(s) URL; received a ${parsed.protocol} URL.`);
  }
  return { ok: true, value: parsed.href };
}

function checkHeaders(headers: Record<string, string> | null | undefined): Checked<Record<string, string>> {
  if (headers == null) return { ok: true, value: {} };
  if (typeof headers !== 'object') return invalid('headers must be an object of header names to string values.');
  try {
    // Headers validates names and values exactly as fetch would.
    const normalized = new Headers(headers);
    const out: Record<string, string> = {};
    normalized.forEach((value, name) => {
      out[name] = value;
    });
    return { ok: true, value: out };
  } catch {
    return invalid('headers contains an invalid header name or value.');
  }
}

/**
 * Validates the element's configuration before any network traffic. The first problem found
 * is reported; keys are checked before anything else so a secret key never travels further.
 */
export function validateConfig(input: AttemptInput): Checked<AttemptConfig> {
  const hasStripe = input.stripe != null;
  // A promise is checked when it resolves; anything else can be checked now.
  if (hasStripe && typeof (input.stripe as { then?: unknown }).then !== 'function' && !isStripeLike(input.stripe)) {
    return invalid('stripe must be a Stripe.js instance (or a Promise of one), as loadStripe() returns.');
  }
  const key = checkKey(input.publishableKey, hasStripe);
  if (!key.ok) return key;

  const stripeAccount = isBlank(input.stripeAccount) ? null : input.stripeAccount.trim();
  if (stripeAccount !== null && !isStripeId(stripeAccount, 'acct_')) {
    return invalid(`stripe-account must be a connected account id starting acct_; received "${stripeAccount}".`);
  }

  const account = isBlank(input.account) ? null : input.account.trim();
  if (account !== null && !isStripeId(account, 'fca_')) {
    return invalid(`account must be a Financial Connections account id starting fca_; received "${account}".`);
  }

  const fetchSession = input.fetchSession ?? null;
  if (fetchSession !== null && typeof fetchSession !== 'function') {
    return invalid('fetchSession must be a function that returns a Promise of the session.');
  }
  let source: AttemptConfig['source'];
  if (fetchSession !== null) {
    source = { kind: 'function', fetchSession };
  } else {
    if (isBlank(input.sessionUrl)) {
      return invalid('session-url is required (the endpoint that creates a relink session), unless the fetchSession property is set.');
    }
    const url = checkUrl(input.sessionUrl.trim(), input.baseUrl, 'session-url');
    if (!url.ok) return url;
    source = { kind: 'endpoint', url: url.value };
  }

  const verifySession = input.verifySession ?? null;
  if (verifySession !== null && typeof verifySession !== 'function') {
    return invalid('verifySession must be a function that returns a Promise of the verification.');
  }
  let verify: AttemptConfig['verify'] = null;
  if (verifySession !== null) {
    verify = { kind: 'function', verifySession };
  } else if (!isBlank(input.verifyUrl)) {
    const url = checkUrl(input.verifyUrl.trim(), input.baseUrl, 'verify-url');
    if (!url.ok) return url;
    verify = { kind: 'endpoint', url: url.value };
  }

  const credentials = input.credentials ?? 'same-origin';
  if (!(CREDENTIALS as readonly string[]).includes(credentials)) {
    return invalid(`credentials must be same-origin, include or omit; received "${credentials}".`);
  }

  const headers = checkHeaders(input.headers);
  if (!headers.ok) return headers;
  const sessionTimeout = checkTimeout(input.sessionTimeout, DEFAULT_SESSION_TIMEOUT, 'session-timeout');
  if (!sessionTimeout.ok) return sessionTimeout;
  const stripeTimeout = checkTimeout(input.stripeTimeout, DEFAULT_STRIPE_TIMEOUT, 'stripe-timeout');
  if (!stripeTimeout.ok) return stripeTimeout;

  return {
    ok: true,
    value: {
      publishableKey: key.value,
      livemode: key.value === null ? null : key.value.startsWith('pk_live_'),
      stripeAccount,
      source,
      account,
      credentials: credentials as RequestCredentials,
      headers: Object.freeze(headers.value),
      stripe: input.stripe ?? null,
      verify,
      sessionTimeout: sessionTimeout.value,
      stripeTimeout: stripeTimeout.value,
    },
  };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const invalidSession = (message: string): Checked<never> => ({
  ok: false,
  error: relinkError('invalid_session_response', `The session response is not a valid relink session: ${message}`),
});

/**
 * Validates a session response (from the endpoint or `fetchSession`). Only the fields the
 * attempt needs are kept; nothing from the body is echoed except ids, which are not secret.
 */
export function parseSession(body: unknown): Checked<ValidSession> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalidSession(`expected a JSON object, received ${describe(body)}.`);
  }
  const session = body as Partial<Record<keyof RelinkSessionConfig, unknown>>;
  const secret = session.client_secret;
  if (typeof secret !== 'string') {
    return invalidSession(`client_secret must be a string, received ${describe(secret)}.`);
  }
  if (!secret.startsWith('fcsess_') || !secret.includes('_secret_') || !ID_TAIL.test(secret)) {
    return invalidSession('client_secret is not a Financial Connections client secret (expected fcsess_…_secret_…).');
  }
  const options = session.relink_options;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return invalidSession(`relink_options must be an object, received ${describe(options)}; is the endpoint creating the session with relink_options?`);
  }
  const { authorization, account } = options as Record<string, unknown>;
  if (!isStripeId(authorization, 'fcauth_')) {
    return invalidSession('relink_options.authorization must be an id starting fcauth_.');
  }
  let accountId: string | null = null;
  if (account != null) {
    if (!isStripeId(account, 'fca_')) {
      return invalidSession('relink_options.account must be null or an id starting fca_.');
    }
    accountId = account;
  }
  let sessionId: string | null = null;
  if (session.id != null) {
    if (!isStripeId(session.id, 'fcsess_')) {
      return invalidSession('id must be an id starting fcsess_ when present.');
    }
    sessionId = session.id;
  }
  let livemode: boolean | null = null;
  if (session.livemode != null) {
    if (typeof session.livemode !== 'boolean') {
      return invalidSession(`livemode must be a boolean when present, received ${describe(session.livemode)}.`);
    }
    livemode = session.livemode;
  }
  return {
    ok: true,
    value: {
      clientSecret: secret,
      mode: accountId === null ? 'any_account' : 'same_account',
      authorization,
      account: accountId,
      sessionId,
      livemode,
    },
  };
}
