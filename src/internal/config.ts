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
      : invalid('publishable-key is required (pk_test_… or pk_live_…).');
  }
  const trimmed = key.trim();
  if (/^(?:sk|rk)_/.test(trimmed)) {
    // The key itself is never repeated: it is a secret that must be rolled.
    return {
      ok: false,
      error: relinkError(
        'invalid_publishable_key',
        `publishable-key holds a ${trimmed.startsWith('sk_') ? 'secret' : 'restricted'} key; it was not used. Roll it, and use a publishable key (pk_test_… or pk_live_…).`,
      ),
    };
  }
  if (!isStripeId(trimmed, 'pk_test_') && !isStripeId(trimmed, 'pk_live_')) {
    return {
      ok: false,
      error: relinkError(
        'invalid_publishable_key',
        'publishable-key must be pk_test_… or pk_live_….',
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
    return invalid(`${name} must be 1 to ${MAX_TIMEOUT} ms.`);
  }
  return { ok: true, value };
}

function checkUrl(url: string, name: string): Checked<string> {
  let parsed: URL;
  try {
    // Relative to the document's base URL, as a link's href is.
    parsed = new URL(url, document.baseURI);
  } catch {
    return invalid(`${name} is not a URL.`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return invalid(`${name} must be http(s).`);
  }
  return { ok: true, value: parsed.href };
}

function checkHeaders(headers: Record<string, string> | null | undefined): Checked<Record<string, string>> {
  if (headers == null) return { ok: true, value: {} };
  if (typeof headers !== 'object') return invalid('headers must be an object.');
  try {
    // Headers validates names and values exactly as fetch would.
    const normalized = new Headers(headers);
    const out: Record<string, string> = {};
    normalized.forEach((value, name) => {
      out[name] = value;
    });
    return { ok: true, value: out };
  } catch {
    return invalid('headers has an invalid header.');
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
    return invalid('stripe must be a Stripe.js instance or a Promise of one.');
  }
  const key = checkKey(input.publishableKey, hasStripe);
  if (!key.ok) return key;

  const stripeAccount = isBlank(input.stripeAccount) ? null : input.stripeAccount.trim();
  if (stripeAccount !== null && !isStripeId(stripeAccount, 'acct_')) {
    return invalid('stripe-account must be acct_….');
  }

  const account = isBlank(input.account) ? null : input.account.trim();
  if (account !== null && !isStripeId(account, 'fca_')) {
    return invalid('account must be fca_….');
  }

  const fetchSession = input.fetchSession ?? null;
  if (fetchSession !== null && typeof fetchSession !== 'function') {
    return invalid('fetchSession must be a function.');
  }
  let source: AttemptConfig['source'];
  if (fetchSession !== null) {
    source = { kind: 'function', fetchSession };
  } else {
    if (isBlank(input.sessionUrl)) {
      return invalid('session-url is required.');
    }
    const url = checkUrl(input.sessionUrl.trim(), 'session-url');
    if (!url.ok) return url;
    source = { kind: 'endpoint', url: url.value };
  }

  const verifySession = input.verifySession ?? null;
  if (verifySession !== null && typeof verifySession !== 'function') {
    return invalid('verifySession must be a function.');
  }
  let verify: AttemptConfig['verify'] = null;
  if (verifySession !== null) {
    verify = { kind: 'function', verifySession };
  } else if (!isBlank(input.verifyUrl)) {
    const url = checkUrl(input.verifyUrl.trim(), 'verify-url');
    if (!url.ok) return url;
    verify = { kind: 'endpoint', url: url.value };
  }

  const credentials = input.credentials ?? 'same-origin';
  if (!(CREDENTIALS as readonly string[]).includes(credentials)) {
    return invalid('credentials must be same-origin, include or omit.');
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


const invalidSession = (message: string): Checked<never> => ({
  ok: false,
  error: relinkError('invalid_session_response', `Bad session response: ${message}`),
});

/**
 * Validates a session response (from the endpoint or `fetchSession`). Only the fields the
 * attempt needs are kept; nothing from the body is echoed except ids, which are not secret.
 */
export function parseSession(body: unknown): Checked<ValidSession> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalidSession('not an object.');
  }
  const session = body as Partial<Record<keyof RelinkSessionConfig, unknown>>;
  const secret = session.client_secret;
  if (typeof secret !== 'string') {
    return invalidSession('no client_secret.');
  }
  if (!secret.startsWith('fcsess_') || !secret.includes('_secret_') || !ID_TAIL.test(secret)) {
    return invalidSession('client_secret is not fcsess_…_secret_….');
  }
  const options = session.relink_options;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return invalidSession('no relink_options.');
  }
  const { authorization, account } = options as Record<string, unknown>;
  if (!isStripeId(authorization, 'fcauth_')) {
    return invalidSession('relink_options.authorization is not fcauth_….');
  }
  let accountId: string | null = null;
  if (account != null) {
    if (!isStripeId(account, 'fca_')) {
      return invalidSession('relink_options.account is not fca_….');
    }
    accountId = account;
  }
  let sessionId: string | null = null;
  if (session.id != null) {
    if (!isStripeId(session.id, 'fcsess_')) {
      return invalidSession('id is not fcsess_….');
    }
    sessionId = session.id;
  }
  let livemode: boolean | null = null;
  if (session.livemode != null) {
    if (typeof session.livemode !== 'boolean') {
      return invalidSession('livemode is not a boolean.');
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
