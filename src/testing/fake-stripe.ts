// A stand-in for Stripe.js and the Financial Connections API (fc-relink/testing): the browser
// half (the Stripe constructor, collectFinancialConnectionsAccounts) and the server half
// (sessions, accounts, hosted relink) sharing one state.
import type { FinancialConnectionsSessionResult } from '@stripe/stripe-js';
import { settle } from './fake-outcome.js';
import { mountFakeStripeFrame } from './fake-frame.js';
import { apiError, checkEmailLimit, HOSTED_LINK_TTL_MS, openPage } from './fake-hosted.js';
import {
  DEFAULT_AUTHORIZATIONS,
  type CreateSessionParams,
  type FakeAccountInit,
  type FakeAuthorization,
  type FakeCustomer,
  type FakeCustomerAction,
  type FakeHostedEmail,
  type FakeLaunch,
  type FakeSession,
  type FakeStripe,
  type FakeStripeConstructor,
  type FakeStripeError,
  type FakeStripeInstance,
  type FakeStripeOptions,
} from './fake-types.js';

export * from './fake-types.js';

type Account = FakeAuthorization['accounts'][number];

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
 * bound to a mode and connected account, same-account sessions that only the expected account
 * can complete, `relink_result` with each `failure_reason`, a successful relink reactivating the
 * authorization and all its accounts, and hosted sessions (URL or email delivery, one email per
 * account every 48 hours, links that expire after 30 days unvisited).
 *
 * What it cannot know, it decides, and says so here: how long Stripe takes to settle a session
 * (the fake settles at once); what Stripe.js resolves with when a relink fails (no accounts);
 * whether a cancel carries a `failure_reason` (it does not); the exact error for the 48-hour
 * email limit (`invalid_request_error`, code `hosted_relink_email_rate_limited`, with
 * `retryAfterSeconds`); what Stripe adds to the return URL (nothing); and which states Stripe
 * refuses to relink (a disconnected account is refused at creation, an unrepairable one fails
 * `no_account`).
 */
export function createFakeStripe(options: FakeStripeOptions = {}): FakeStripe {
  const now = options.now ?? Date.now;
  const ttl = options.sessionTtlMs ?? 30 * 60_000;
  const hostedPageUrl = options.hostedPageUrl ?? 'https://fake-stripe.test/relink';
  const saved = options.snapshot;
  const sessions = new Map<string, FakeSession>((saved?.sessions ?? []).map((s) => [s.id, structuredClone(s)]));
  const bySecret = new Map<string, FakeSession>([...sessions.values()].map((s) => [s.client_secret, s]));
  // A client secret opens the flow once; Stripe.js reports any later launch as an error.
  const launched = new Set<string>(saved?.launched ?? []);
  const emails: FakeHostedEmail[] = structuredClone([...(saved?.emails ?? [])]);
  const visited = new Set<string>(saved?.visited ?? []);
  const instances: FakeStripeInstance[] = [];
  const launches: { sessionId: string | null; result: FinancialConnectionsSessionResult | null }[] = [];
  const authorizations = new Map<string, FakeAuthorization>(structuredClone([...(saved?.authorizations ?? [])]));
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
    permissions: init.permissions ?? ['payment_method'],
    status: init.status ?? 'inactive',
    subcategory: init.subcategory ?? 'checking',
    supported_payment_method_types: ['us_bank_account'],
  });

  for (const auth of saved === undefined ? (options.authorizations ?? DEFAULT_AUTHORIZATIONS) : []) {
    const livemode = auth.livemode ?? false;
    const institution = auth.institution_name ?? 'StripeBank';
    const accounts = auth.accounts.map((a) => makeAccount(a, institution, livemode));
    authorizations.set(auth.id ?? `fcauth_${randomId()}`, {
      institution_name: institution,
      livemode,
      stripeAccount: auth.stripeAccount ?? null,
      accountHolder: auth.accountHolder ?? { type: 'customer', customer: 'cus_test_fake' },
      accounts,
      unrepairable: accounts.filter((_, i) => auth.accounts[i]?.repairable === false).map((a) => a.id),
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
    const target = account === null ? undefined : auth.accounts.find((a) => a.id === account);
    if (account !== null && target === undefined) {
      // Stripe refuses an account that is not under the authorization.
      throw apiError('parameter_invalid', `Account ${account} does not belong to authorization ${authorizationId}.`);
    }
    if (
      target?.status === 'disconnected' ||
      (account === null && auth.accounts.every((a) => a.status === 'disconnected'))
    ) {
      throw apiError('parameter_invalid', 'A disconnected account cannot be relinked; link it anew.');
    }
    const hosted = params.ui_mode === 'hosted';
    if (hosted && (params.hosted === undefined || params.return_url === undefined)) {
      throw new FakeStripeMisuse('A hosted session needs hosted.delivery_method and return_url.');
    }
    const about = account ?? authorizationId;
    if (hosted && params.hosted?.delivery_method === 'email') checkEmailLimit(emails, sessions, about, now());
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
      status_details: null,
      account_holder: params.account_holder ?? auth.accountHolder,
      prefetch: params.prefetch ?? null,
      accounts: { object: 'list', data: [], has_more: false, url: '/v1/financial_connections/accounts' },
      ui_mode: hosted ? 'hosted' : 'modal',
      hosted:
        hosted && params.hosted
          ? { delivery_method: params.hosted.delivery_method, return_url: params.return_url ?? null }
          : null,
      url: hosted && params.hosted?.delivery_method === 'url' ? `${hostedPageUrl}?session=${id}` : null,
      return_url: params.return_url ?? null,
      expiresAt: now() + (hosted ? HOSTED_LINK_TTL_MS : ttl),
      stripeAccount: params.stripeAccount ?? auth.stripeAccount,
    };
    sessions.set(id, session);
    bySecret.set(session.client_secret, session);
    if (hosted && params.hosted?.delivery_method === 'email') {
      emails.push({ session: id, about, to: session.account_holder, sentAt: now() });
      // The emailed link is the hosted page too; the session itself shows no url.
    }
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

  const complete = (
    session: FakeSession,
    action: FakeCustomerAction,
    eligible: Account[],
  ): FinancialConnectionsSessionResult => {
    // A Stripe.js error means the flow did not run: Stripe's record of the session is untouched.
    if (action.action === 'error') return error(action.error);
    const auth = authorizations.get(session.relink_options.authorization);
    let accounts = resolveAccounts(session, eligible, action);
    if (action.action === 'relink') accounts = settle(session, auth, { kind: 'relink', accounts });
    else if (action.action === 'cancel') settle(session, auth, { kind: 'cancel' });
    else if (action.action === 'fail') accounts = settle(session, auth, { kind: 'fail', reason: action.reason });
    if (action.action === 'misbehave') session.accounts.data = accounts.map((a) => ({ ...a }));
    return {
      financialConnectionsSession: {
        id: session.id,
        accounts: accounts.map((a) => ({ ...a })),
        permissions: [...session.permissions],
      },
    };
  };

  const collect = async (
    instance: FakeStripeInstance,
    clientSecret: unknown,
  ): Promise<FinancialConnectionsSessionResult> => {
    const record: { sessionId: string | null; result: FinancialConnectionsSessionResult | null } = {
      sessionId: null,
      result: null,
    };
    launches.push(record);
    if (typeof clientSecret !== 'string' || !clientSecret.includes('_secret_')) {
      // Stripe.js throws an IntegrationError for a missing or malformed client secret.
      throw new Error(
        'Invalid value for collectFinancialConnectionsAccounts: clientSecret should be a client secret of the form ${id}_secret_${secret}.',
      );
    }
    const session = bySecret.get(clientSecret);
    // A session exists only in its own mode and on its own connected account.
    if (!session || session.livemode !== instance.livemode || session.stripeAccount !== instance.stripeAccount) {
      return (record.result = error(NO_SUCH_SESSION));
    }
    record.sessionId = session.id;
    if (launched.has(session.id) || session.ui_mode === 'hosted') {
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
    // Drawn at once, as Stripe.js draws its frame when the flow opens, and removed when it ends.
    const frame = mountFakeStripeFrame();
    try {
      const eligible = authorizations.get(session.relink_options.authorization)?.accounts ?? [];
      const launch: FakeLaunch = {
        session,
        eligibleAccounts: eligible,
        number: launches.length,
        frame: frame?.frame ?? null,
      };
      if (options.flowDelayMs) await new Promise((r) => setTimeout(r, options.flowDelayMs));
      const action = typeof customer === 'function' ? await customer(launch) : customer;
      return (record.result = complete(session, action, eligible));
    } finally {
      frame?.remove();
      openFlows -= 1;
    }
  };

  const Stripe = ((publishableKey: string, init?: { stripeAccount?: string; locale?: string }): FakeStripeInstance => {
    if (typeof publishableKey !== 'string' || publishableKey === '') {
      throw new Error('Please call Stripe() with your publishable key. You used an empty string.');
    }
    if (/^(?:sk|rk)_/.test(publishableKey)) {
      throw new Error('You should not use your secret key with Stripe.js. Please pass a publishable key instead.');
    }
    const instance: FakeStripeInstance = {
      livemode: publishableKey.startsWith('pk_live_'),
      stripeAccount: init?.stripeAccount ?? null,
      locale: init?.locale ?? null,
      registerAppInfo() {},
      collectFinancialConnectionsAccounts: (opts) =>
        collect(instance, (opts as { clientSecret?: unknown } | undefined)?.clientSecret),
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
    emails,
    hostedPageOrigin: new URL(hostedPageUrl).origin,
    openHostedPage: (sessionOrUrl) => openPage({ sessions, authorizations, visited }, sessionOrUrl, now()),
    expireHostedLink(id) {
      const session = sessions.get(id);
      if (session?.ui_mode === 'hosted') {
        session.url = null;
        session.expiresAt = now();
        visited.delete(id);
      }
    },
    snapshot: () =>
      structuredClone({
        version: 1 as const,
        authorizations: [...authorizations],
        sessions: [...sessions.values()],
        launched: [...launched],
        emails,
        visited: [...visited],
      }),
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
