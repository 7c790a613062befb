import type {
  FinancialConnectionsSession,
  FinancialConnectionsSessionResult,
} from '@stripe/stripe-js';
import type { RelinkSessionConfig, StripeLike } from '../types.js';

type Account = FinancialConnectionsSession.Account;
type Permission = FinancialConnectionsSession.Permission;

/** A Stripe.js error as `collectFinancialConnectionsAccounts` reports it. */
export interface FakeStripeError {
  type:
    | 'api_connection_error'
    | 'api_error'
    | 'authentication_error'
    | 'card_error'
    | 'idempotency_error'
    | 'invalid_request_error'
    | 'rate_limit_error'
    | 'validation_error';
  code?: string;
  message?: string;
}

/** An account the fake Stripe knows, with everything optional but its place. */
export interface FakeAccountInit {
  id?: string;
  display_name?: string;
  institution_name?: string;
  last4?: string | null;
  category?: Account['category'];
  subcategory?: Account['subcategory'];
  /** Only for simulating a faulty flow: by default an account shares its authorization's mode. */
  livemode?: boolean;
}

/** One bank authorization (`fcauth_…`) and the accounts under it. */
export interface FakeAuthorizationInit {
  id?: string;
  institution_name?: string;
  livemode?: boolean;
  /** Connected account the authorization lives on (Stripe Connect). */
  stripeAccount?: string | null;
  accounts: readonly FakeAccountInit[];
}

/** What the fake knows about one session when the flow opens. */
export interface FakeLaunch {
  session: FakeSession;
  /** The accounts under the session's authorization, in their current state. */
  eligibleAccounts: readonly Account[];
  /** Number of this launch, from 1. */
  number: number;
}

/**
 * What the customer does in the flow. `misbehave` is the only way to get a result real Stripe
 * would not produce (another account in a same-account session, a wrong livemode); it exists
 * to prove that an integration fails closed.
 */
export type FakeCustomerAction =
  | { action: 'relink'; select?: readonly string[] }
  | { action: 'cancel' }
  | { action: 'error'; error: FakeStripeError }
  | { action: 'misbehave'; accounts: readonly (string | FakeAccountInit)[] };

export type FakeCustomer =
  | FakeCustomerAction
  | ((launch: FakeLaunch) => FakeCustomerAction | Promise<FakeCustomerAction>);

export interface FakeStripeOptions {
  /** Default: one authorization at "StripeBank" with a checking and a savings account. */
  authorizations?: readonly FakeAuthorizationInit[];
  /** Default: `{ action: 'relink' }`. */
  customer?: FakeCustomer;
  /** How long a session can be launched after creation. Default: 30 minutes. */
  sessionTtlMs?: number;
  /** How long the simulated flow stays open before the customer's action. Default: 0. */
  flowDelayMs?: number;
  /** Clock, for expiry. Default: `Date.now`. */
  now?: () => number;
}

/** The server-side Financial Connections Session object, as the fake Stripe API holds it. */
export interface FakeSession {
  id: string;
  object: 'financial_connections.session';
  client_secret: string;
  livemode: boolean;
  permissions: Permission[];
  relink_options: { authorization: string; account: string | null };
  relink_result: {
    authorization: string | null;
    account: string | null;
    failure_reason: 'no_authorization' | 'no_account' | 'other' | null;
  };
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled';
  accounts: { object: 'list'; data: Account[]; has_more: false; url: string };
  /** Not a Stripe field: when the session stops being launchable (ms since epoch). */
  expiresAt: number;
  /** Not a Stripe field: the connected account the session was created on. */
  stripeAccount: string | null;
}

export interface CreateSessionParams {
  authorization?: string;
  /** An `fca_…` for a same-account session; omit or null for any-account. */
  account?: string | null;
  permissions?: Permission[];
  livemode?: boolean;
  stripeAccount?: string | null;
}

/** A Stripe.js instance made by the fake constructor. */
export interface FakeStripeInstance extends StripeLike {
  readonly livemode: boolean;
  readonly stripeAccount: string | null;
  registerAppInfo(info: { name: string; version?: string; url?: string }): void;
}

/** Callable like `window.Stripe` (with or without `new`), as @stripe/stripe-js calls it. */
export interface FakeStripeConstructor {
  (publishableKey: string, options?: { stripeAccount?: string }): FakeStripeInstance;
  version: string;
}

export interface FakeStripe {
  /** Install as `window.Stripe`, or let `install()` do it. */
  readonly Stripe: FakeStripeConstructor;
  /** Every instance the constructor made, in order. */
  readonly instances: readonly FakeStripeInstance[];
  /** Every `collectFinancialConnectionsAccounts` call, in order, with its result. */
  readonly launches: readonly { sessionId: string | null; result: FinancialConnectionsSessionResult | null }[];
  /** The most flows ever open at the same moment. */
  readonly maxConcurrentFlows: number;
  /** Every session created, by id. */
  readonly sessions: ReadonlyMap<string, FakeSession>;
  /** What the customer does in the next flows. */
  customer: FakeCustomer;
  /** The server half: `POST /v1/financial_connections/sessions` with `relink_options`. */
  createSession(params?: CreateSessionParams): FakeSession;
  /** The server half: `GET /v1/financial_connections/sessions/:id`. */
  retrieveSession(id: string): FakeSession | undefined;
  /** The endpoint's answer for a session: the subset the element needs. */
  toSessionConfig(session: FakeSession): RelinkSessionConfig;
  /** Makes a session unlaunchable, as if its lifetime had passed. */
  expireSession(id: string): void;
  /** Marks a session's client secret as used, as if it had already opened a flow. */
  consumeSession(id: string): void;
  /** The authorization an account belongs to. */
  authorizationOf(accountId: string): string | undefined;
  /** The accounts the fake knows, by authorization. */
  readonly authorizations: ReadonlyMap<string, { institution_name: string; livemode: boolean; stripeAccount: string | null; accounts: Account[] }>;
  /** Sets `window.Stripe` (Stripe.js's global) to the fake; returns a function that restores it. */
  install(target?: { Stripe?: unknown }): () => void;
}

export const DEFAULT_AUTHORIZATIONS: readonly FakeAuthorizationInit[] = Object.freeze([
  {
    id: 'fcauth_test_stripebank',
    institution_name: 'StripeBank',
    accounts: [
      { id: 'fca_test_checking', display_name: 'Everyday Checking', last4: '6789', subcategory: 'checking' },
      { id: 'fca_test_savings', display_name: 'High Yield Savings', last4: '4321', subcategory: 'savings' },
    ],
  },
]);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomId(length = 24): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

class FakeStripeMisuse extends Error {
  override name = 'FakeStripeMisuse';
}

const error = (e: FakeStripeError): FinancialConnectionsSessionResult => ({
  financialConnectionsSession: undefined,
  // Stripe's StripeError type lists more fields, all optional.
  error: e as FinancialConnectionsSessionResult['error'] & object,
});

const NO_SUCH_SESSION: FakeStripeError = {
  type: 'invalid_request_error',
  code: 'resource_missing',
  message: 'No such financial connections session.',
};

/**
 * A stand-in for Stripe.js and the Financial Connections API, faithful in the ways an
 * integration depends on: Stripe's result shapes, single-use client secrets, expiry, sessions
 * bound to a mode and connected account, and same-account sessions that only the expected
 * account can complete.
 */
export function createFakeStripe(options: FakeStripeOptions = {}): FakeStripe {
  const now = options.now ?? Date.now;
  const ttl = options.sessionTtlMs ?? 30 * 60_000;
  const sessions = new Map<string, FakeSession>();
  const bySecret = new Map<string, FakeSession>();
  // A client secret opens the flow once; Stripe.js reports any later launch as an error.
  const launched = new Set<string>();
  const instances: FakeStripeInstance[] = [];
  const launches: { sessionId: string | null; result: FinancialConnectionsSessionResult | null }[] = [];
  const authorizations = new Map<
    string,
    { institution_name: string; livemode: boolean; stripeAccount: string | null; accounts: Account[] }
  >();
  let openFlows = 0;
  let maxConcurrentFlows = 0;
  let customer: FakeCustomer = options.customer ?? { action: 'relink' };

  const makeAccount = (init: FakeAccountInit, institution: string, livemode: boolean): Account => ({
    id: init.id ?? `fca_${randomId()}`,
    object: 'financial_connections.account',
    balance: null,
    balance_refresh: null,
    category: init.category ?? 'cash',
    created: Math.floor(now() / 1000),
    display_name: init.display_name ?? 'Checking',
    institution_name: init.institution_name ?? institution,
    last4: init.last4 === undefined ? '6789' : init.last4,
    livemode: init.livemode ?? livemode,
    ownership: null,
    ownership_refresh: null,
    permissions: ['payment_method'],
    status: 'inactive',
    subcategory: init.subcategory ?? 'checking',
    supported_payment_method_types: ['us_bank_account'],
  });

  for (const auth of options.authorizations ?? DEFAULT_AUTHORIZATIONS) {
    const livemode = auth.livemode ?? false;
    const institution = auth.institution_name ?? 'StripeBank';
    authorizations.set(auth.id ?? `fcauth_${randomId()}`, {
      institution_name: institution,
      livemode,
      stripeAccount: auth.stripeAccount ?? null,
      accounts: auth.accounts.map((a) => makeAccount(a, institution, livemode)),
    });
  }

  const authorizationOf = (accountId: string): string | undefined => {
    for (const [id, auth] of authorizations) {
      if (auth.accounts.some((a) => a.id === accountId)) return id;
    }
    return undefined;
  };

  const createSession = (params: CreateSessionParams = {}): FakeSession => {
    const account = params.account ?? null;
    const authorizationId =
      params.authorization ?? (account ? authorizationOf(account) : authorizations.keys().next().value);
    const auth = authorizationId === undefined ? undefined : authorizations.get(authorizationId);
    if (authorizationId === undefined || !auth) {
      throw new FakeStripeMisuse(`No such authorization: ${String(authorizationId)}`);
    }
    if (account !== null && !auth.accounts.some((a) => a.id === account)) {
      // Stripe refuses an account that is not under the authorization.
      throw new FakeStripeMisuse(`Account ${account} does not belong to authorization ${authorizationId}.`);
    }
    const id = `fcsess_${randomId()}`;
    const session: FakeSession = {
      id,
      object: 'financial_connections.session',
      client_secret: `${id}_secret_${randomId()}`,
      livemode: params.livemode ?? auth.livemode,
      permissions: params.permissions ?? ['payment_method'],
      relink_options: { authorization: authorizationId, account },
      relink_result: { authorization: null, account: null, failure_reason: null },
      status: 'pending',
      accounts: { object: 'list', data: [], has_more: false, url: '/v1/financial_connections/accounts' },
      expiresAt: now() + ttl,
      stripeAccount: params.stripeAccount ?? auth.stripeAccount,
    };
    sessions.set(id, session);
    bySecret.set(session.client_secret, session);
    return session;
  };

  const resolveAccounts = (
    session: FakeSession,
    eligible: readonly Account[],
    action: FakeCustomerAction,
  ): Account[] => {
    const auth = authorizations.get(session.relink_options.authorization);
    const institution = auth?.institution_name ?? 'StripeBank';
    if (action.action === 'misbehave') {
      return action.accounts.map((a) =>
        typeof a === 'string'
          ? (eligible.find((e) => e.id === a) ?? makeAccount({ id: a }, institution, session.livemode))
          : makeAccount(a, institution, session.livemode),
      );
    }
    if (action.action !== 'relink') return [];
    const expected = session.relink_options.account;
    if (expected !== null) {
      if (action.select && (action.select.length !== 1 || action.select[0] !== expected)) {
        throw new FakeStripeMisuse(
          `In a same-account session only ${expected} can be relinked; Stripe would not return ${action.select.join(', ')}. Use { action: 'misbehave' } to simulate a faulty flow.`,
        );
      }
      return eligible.filter((a) => a.id === expected);
    }
    const chosen = action.select ?? eligible.slice(0, 1).map((a) => a.id);
    return chosen.map((id) => {
      const found = eligible.find((a) => a.id === id);
      if (!found) {
        throw new FakeStripeMisuse(`${id} is not under authorization ${session.relink_options.authorization}.`);
      }
      return found;
    });
  };

  const complete = (session: FakeSession, action: FakeCustomerAction, eligible: Account[]): FinancialConnectionsSessionResult => {
    if (action.action === 'error') {
      session.status = 'failed';
      session.relink_result = { authorization: null, account: null, failure_reason: 'other' };
      return error(action.error);
    }
    const accounts = resolveAccounts(session, eligible, action);
    if (action.action === 'relink' && accounts.length > 0) {
      for (const account of accounts) account.status = 'active';
      session.status = 'succeeded';
      session.relink_result = {
        authorization: session.relink_options.authorization,
        account: session.relink_options.account,
        failure_reason: null,
      };
    } else if (action.action === 'cancel') {
      session.status = 'cancelled';
    }
    session.accounts.data = accounts.map((a) => ({ ...a }));
    return {
      financialConnectionsSession: {
        id: session.id,
        accounts: accounts.map((a) => ({ ...a })),
        permissions: [...session.permissions],
      },
    };
  };

  const collect = async (instance: FakeStripeInstance, clientSecret: unknown): Promise<FinancialConnectionsSessionResult> => {
    const record: { sessionId: string | null; result: FinancialConnectionsSessionResult | null } = {
      sessionId: null,
      result: null,
    };
    launches.push(record);
    if (typeof clientSecret !== 'string' || !clientSecret.includes('_secret_')) {
      // Stripe.js throws an IntegrationError for a missing or malformed client secret.
      throw new Error('Invalid value for collectFinancialConnectionsAccounts: clientSecret should be a client secret of the form ${id}_secret_${secret}.');
    }
    const session = bySecret.get(clientSecret);
    // A session exists only in its own mode and on its own connected account.
    if (!session || session.livemode !== instance.livemode || session.stripeAccount !== instance.stripeAccount) {
      return (record.result = error(NO_SUCH_SESSION));
    }
    record.sessionId = session.id;
    if (launched.has(session.id)) {
      return (record.result = error({
        type: 'invalid_request_error',
        message: 'This Financial Connections session has already been used. Create a new session for each attempt.',
      }));
    }
    if (now() >= session.expiresAt) {
      return (record.result = error({
        type: 'invalid_request_error',
        message: 'This Financial Connections session has expired. Create a new session and try again.',
      }));
    }
    launched.add(session.id);
    openFlows += 1;
    maxConcurrentFlows = Math.max(maxConcurrentFlows, openFlows);
    try {
      const eligible = authorizations.get(session.relink_options.authorization)?.accounts ?? [];
      const launch: FakeLaunch = { session, eligibleAccounts: eligible, number: launches.length };
      if (options.flowDelayMs) await new Promise((r) => setTimeout(r, options.flowDelayMs));
      const action = typeof customer === 'function' ? await customer(launch) : customer;
      return (record.result = complete(session, action, eligible));
    } finally {
      openFlows -= 1;
    }
  };

  const Stripe = ((publishableKey: string, init?: { stripeAccount?: string }): FakeStripeInstance => {
    if (typeof publishableKey !== 'string' || publishableKey === '') {
      throw new Error('Please call Stripe() with your publishable key. You used an empty string.');
    }
    if (/^(?:sk|rk)_/.test(publishableKey)) {
      throw new Error('You should not use your secret key with Stripe.js. Please pass a publishable key instead.');
    }
    const instance: FakeStripeInstance = {
      livemode: publishableKey.startsWith('pk_live_'),
      stripeAccount: init?.stripeAccount ?? null,
      registerAppInfo() {},
      collectFinancialConnectionsAccounts: (opts) => collect(instance, (opts as { clientSecret?: unknown } | undefined)?.clientSecret),
    };
    instances.push(instance);
    return instance;
  }) as FakeStripeConstructor;
  // @stripe/stripe-js warns when a pk_test_ key meets a Stripe.js of another release train.
  Stripe.version = 'endive';

  return {
    Stripe,
    instances,
    launches,
    get maxConcurrentFlows() {
      return maxConcurrentFlows;
    },
    sessions,
    get customer() {
      return customer;
    },
    set customer(next: FakeCustomer) {
      customer = next;
    },
    authorizations,
    authorizationOf,
    createSession,
    retrieveSession: (id) => sessions.get(id),
    toSessionConfig: (session) => ({
      id: session.id,
      client_secret: session.client_secret,
      relink_options: { ...session.relink_options },
      livemode: session.livemode,
    }),
    expireSession(id) {
      const session = sessions.get(id);
      if (session) session.expiresAt = now();
    },
    consumeSession(id) {
      if (sessions.has(id)) launched.add(id);
    },
    install(target = globalThis as { Stripe?: unknown }) {
      const had = Object.prototype.hasOwnProperty.call(target, 'Stripe');
      const previous = target.Stripe;
      target.Stripe = Stripe;
      return () => {
        if (had) target.Stripe = previous;
        else delete target.Stripe;
      };
    },
  };
}
