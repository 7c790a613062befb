import type { FinancialConnectionsSession, FinancialConnectionsSessionResult } from '@stripe/stripe-js';
// The public types of the fake Stripe (fc-relink/testing): what it holds, and what a test or
// demo can ask of it.
import type { RelinkSessionConfig, StripeLike } from '../shell/types.js';

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
  /** Default `inactive` (it needs a relink). A `disconnected` account cannot be relinked. */
  status?: 'active' | 'inactive' | 'disconnected';
  /**
   * Whether Stripe can repair it (`status_details.inactive.action`: `relink_required`, or `none`
   * for a closed account). Default `true`. A relink of an unrepairable account fails `no_account`.
   */
  repairable?: boolean;
  /** Default `['payment_method']`. */
  permissions?: Permission[];
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
  /** The holder of its accounts. Default: a Customer, `cus_test_fake`. */
  accountHolder?: FakeAccountHolder;
  accounts: readonly FakeAccountInit[];
}

/** One authorization as the fake holds it. */
export interface FakeAuthorization {
  institution_name: string;
  livemode: boolean;
  stripeAccount: string | null;
  accountHolder: FakeAccountHolder;
  accounts: Account[];
  /** Ids of its accounts Stripe cannot repair (a closed account). */
  unrepairable: string[];
}

/** An `account_holder`, in Stripe's shape. */
export type FakeAccountHolder =
  | { type: 'customer'; customer: string }
  | { type: 'customer'; customer_account: string }
  | { type: 'account'; account: string };

/**
 * An error the fake's server half throws, in the shape of Stripe's API error body (`type`,
 * `code`, `message`) with its HTTP status, so a stand-in endpoint can answer as Stripe would.
 */
export interface FakeStripeApiError extends Error {
  readonly type: 'invalid_request_error';
  readonly code: string;
  readonly statusCode: number;
  /** For the hosted email limit: seconds until another email may be sent. */
  readonly retryAfterSeconds?: number;
}

/** What the fake knows about one session when the flow opens. */
export interface FakeLaunch {
  session: FakeSession;
  /** The accounts under the session's authorization, in their current state. */
  eligibleAccounts: readonly Account[];
  /** Number of this launch, from 1. */
  number: number;
  /**
   * Stripe's frame, open for as long as the customer acts: the `iframe[name^="__privateStripeFrame"]`
   * in a `div[tabindex="-1"]` on `document.body`, as Stripe.js draws it; its blank same-origin
   * document is where a simulated customer draws its screens. `null` where there is no DOM.
   */
  frame: HTMLIFrameElement | null;
}

/**
 * What the customer does in the flow. `misbehave` is the only way to get a result real Stripe
 * would not produce (another account in a same-account session, a wrong livemode); it exists
 * to prove that an integration fails closed.
 */
export type FakeCustomerAction =
  | { action: 'relink'; select?: readonly string[] }
  | { action: 'cancel' }
  /**
   * The relink ends and Stripe records it failed with `reason`. What Stripe.js resolves with
   * then is not documented; the fake resolves with no accounts.
   */
  | { action: 'fail'; reason: 'no_account' | 'no_authorization' | 'other' }
  /** Stripe.js reports an error (the flow did not run): the session itself is left as it was. */
  | { action: 'error'; error: FakeStripeError }
  | { action: 'misbehave'; accounts: readonly (string | FakeAccountInit)[] };

export type FakeCustomer =
  FakeCustomerAction | ((launch: FakeLaunch) => FakeCustomerAction | Promise<FakeCustomerAction>);

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
  /**
   * Where hosted sessions' `url` points: the session id is added as `?session=fcsess_…`.
   * Default `https://fake-stripe.test/relink`. A demo points it at its simulated hosted page.
   */
  hostedPageUrl?: string;
  /** Carry a fake's state across a page navigation: see {@link FakeStripe.snapshot}. */
  snapshot?: FakeStripeSnapshot;
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
  status_details: { cancelled?: { reason: 'custom_manual_entry' | 'other' } } | null;
  account_holder: FakeAccountHolder | null;
  prefetch: string[] | null;
  accounts: { object: 'list'; data: Account[]; has_more: false; url: string };
  ui_mode: 'modal' | 'hosted';
  hosted: { delivery_method: 'email' | 'url'; return_url: string | null } | null;
  /** The hosted page, while a hosted session is active (and its link has not expired). */
  url: string | null;
  return_url: string | null;
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
  /** Default: the authorization's holder. */
  account_holder?: FakeAccountHolder;
  prefetch?: string[];
  /** `hosted` needs `hosted.delivery_method` and `return_url`. */
  ui_mode?: 'modal' | 'hosted';
  hosted?: { delivery_method: 'email' | 'url' };
  return_url?: string;
}

/** One email Stripe sent for a hosted relink. */
export interface FakeHostedEmail {
  session: string;
  /** The account (or, for an any-account session, the authorization) it was about. */
  about: string;
  to: FakeAccountHolder | null;
  /** ms since epoch. */
  sentAt: number;
}

/**
 * The customer on Stripe's hosted relink page, as {@link FakeStripe.openHostedPage} opens it.
 * Each action ends the visit and returns the URL Stripe sends the browser back to.
 */
export interface FakeHostedPage {
  /** `open`: the page works; `expired`: the link expired unvisited; `completed`: already used. */
  readonly state: 'open' | 'expired' | 'completed' | 'not_found';
  readonly session: FakeSession | undefined;
  /** The accounts the customer can repair here. */
  readonly accounts: readonly Account[];
  /** The customer relinks (the expected account, or `select` in an any-account session). */
  relink(select?: readonly string[]): string;
  cancel(): string;
  fail(reason: 'no_account' | 'no_authorization' | 'other'): string;
}

/**
 * Everything a fake knows, as plain JSON: store it (`sessionStorage`), navigate, and pass it to
 * `createFakeStripe({ snapshot })` on the next page.
 */
export interface FakeStripeSnapshot {
  readonly version: 1;
  readonly authorizations: readonly (readonly [string, FakeAuthorization])[];
  readonly sessions: readonly FakeSession[];
  readonly launched: readonly string[];
  readonly emails: readonly FakeHostedEmail[];
  readonly visited: readonly string[];
}

/** A Stripe.js instance made by the fake constructor. */
export interface FakeStripeInstance extends StripeLike {
  readonly livemode: boolean;
  readonly stripeAccount: string | null;
  /** The `locale` it was created with (`null`: none given, Stripe.js then uses `'auto'`). */
  readonly locale: string | null;
  registerAppInfo(info: { name: string; version?: string; url?: string }): void;
}

/** Callable like `window.Stripe` (with or without `new`), as @stripe/stripe-js calls it. */
export interface FakeStripeConstructor {
  (publishableKey: string, options?: { stripeAccount?: string; locale?: string }): FakeStripeInstance;
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
  /**
   * The server half: `POST /v1/financial_connections/sessions` with `relink_options`. Throws a
   * {@link FakeStripeApiError} where Stripe refuses: a disconnected account, a hosted email
   * within 48 hours of the last one for the same account.
   */
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
  readonly authorizations: ReadonlyMap<string, FakeAuthorization>;
  /** Sets `window.Stripe` (Stripe.js's global) to the fake; returns a function that restores it. */
  install(target?: { Stripe?: unknown }): () => void;
  /** Every hosted relink email Stripe sent, in order. */
  readonly emails: readonly FakeHostedEmail[];
  /**
   * The origin of the simulated hosted page (`hostedPageUrl`'s). It is not one of Stripe's
   * hosted-page hosts, so an element sends the tab there only when the page allows it:
   * `element.hostedOrigins = fake.hostedPageOrigin` (and `hostedOrigins: [fake.hostedPageOrigin]`
   * for `createHostedRelinkHandler`).
   */
  readonly hostedPageOrigin: string;
  /** Acts as the customer on the hosted page of a session (its id, or its `url`). */
  openHostedPage(sessionOrUrl: string): FakeHostedPage;
  /** Makes a hosted session's link expire, as 30 days unvisited would. */
  expireHostedLink(id: string): void;
  /** The fake's state as JSON, to carry across a page navigation. */
  snapshot(): FakeStripeSnapshot;
}

export const DEFAULT_AUTHORIZATIONS: readonly FakeAuthorizationInit[] = Object.freeze([
  {
    id: 'fcauth_test_stripebank',
    institution_name: 'StripeBank',
    accountHolder: { type: 'customer', customer: 'cus_test_fake' },
    accounts: [
      { id: 'fca_test_checking', display_name: 'Everyday Checking', last4: '6789', subcategory: 'checking' },
      { id: 'fca_test_savings', display_name: 'High Yield Savings', last4: '4321', subcategory: 'savings' },
    ],
  },
]);
