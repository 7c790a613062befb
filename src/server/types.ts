// The public types of fc-relink/server. The Stripe client is typed by shape, not imported from
// `stripe`, so that both the GA SDK and the beta SDK (which types relink) fit, and so that this
// entry needs no particular `stripe` version to type-check.
import type { RelinkHandlerInput } from './handler-input.js';

// The JSON the handlers answer is the element's: one set of types for both.
export type {
  RelinkErrorBody,
  RelinkHostedDelivery,
  RelinkHostedResponse,
  RelinkSessionResponse,
  RelinkVerifyResponse,
} from '../common/wire.js';

/**
 * The preview API version the handlers send on every Stripe request unless told otherwise.
 * Relink exists only on preview versions (it arrived in `2026-01-28.preview`); this is the
 * version `stripe@22.7.0-beta.1` is pinned to.
 *
 * @example
 * createRelinkSessionHandler({ stripe, authorize, apiVersion: DEFAULT_RELINK_API_VERSION });
 */
export const DEFAULT_RELINK_API_VERSION = '2026-08-26.preview';

/**
 * A Financial Connections data permission. Stripe may add more; any string is accepted.
 *
 * @example
 * const permissions: RelinkPermission[] = ['payment_method', 'balances'];
 */
export type RelinkPermission =
  'balances' | 'ownership' | 'payment_method' | 'transactions' | (string & Record<never, never>);

/**
 * Whose bank account it is, as Stripe's `account_holder`, in each form Stripe's preview API
 * takes: a Customer (`cus_…`), an Account that represents a customer (`customer_account`,
 * `acct_…`), or, with Connect, a connected Account (`acct_…`). It must be the holder of the
 * account being relinked.
 *
 * @example
 * const holder: RelinkAccountHolder = { type: 'customer', customer: 'cus_123' };
 * const v2: RelinkAccountHolder = { type: 'customer', customer_account: 'acct_123' };
 * const connect: RelinkAccountHolder = { type: 'account', account: 'acct_123' };
 */
export type RelinkAccountHolder =
  | { readonly type: 'customer'; readonly customer: string }
  | { readonly type: 'customer'; readonly customer_account: string }
  | { readonly type: 'account'; readonly account: string };

/**
 * Data Stripe fetches when the relinked account is created (Stripe's `prefetch[]`).
 *
 * @example
 * const prefetch: RelinkPrefetch[] = ['balances'];
 */
export type RelinkPrefetch =
  'balances' | 'inferred_balances' | 'ownership' | 'transactions' | (string & Record<never, never>);

/**
 * Optional parameters of the session Stripe creates, passed through as given. Stripe's names
 * and shapes (see its API reference for Financial Connections Sessions).
 *
 * @example
 * const params: RelinkSessionParams = {
 *   filters: { require_payment_method_support: 'all' },
 *   limits: { accounts: 1 },
 *   prefetch: ['balances'],
 * };
 */
export interface RelinkSessionParams {
  /** Restricts which accounts can be linked. */
  readonly filters?: {
    readonly account_subcategories?: readonly (
      'checking' | 'credit_card' | 'line_of_credit' | 'mortgage' | 'savings'
    )[];
    /**
     * One country. Either form may be used: the handlers send the one the API version defines
     * (`countries[]` before 2026-09-30, as the pinned version; `country` from 2026-09-30 on,
     * where several countries cannot be asked for).
     */
    readonly country?: string;
    /** Several countries; see `country`. */
    readonly countries?: readonly string[];
    /** `fcinst_…`: send the customer straight to this institution. */
    readonly institution?: string;
    readonly require_payment_method_support?: 'all' | 'at_least_one' | 'none';
  };
  /** How many accounts the customer may link; Stripe advises 1 for payments and payouts. */
  readonly limits?: { readonly accounts: number };
  /** Data to fetch when the account is (re)created. */
  readonly prefetch?: readonly RelinkPrefetch[];
  /**
   * For in-app browsers and webviews: where the bank's OAuth page, opened in the system browser,
   * sends the customer back to your app.
   */
  readonly return_url?: string;
}

/**
 * What `authorize` is asked.
 *
 * @example
 * const authorize = async ({ request, account }: RelinkAuthorizeContext) => {
 *   const user = await currentUser(request);
 *   return account === null || user.accounts.includes(account) ? user.relink : null;
 * };
 */
export interface RelinkAuthorizeContext {
  /** The incoming request: read the session cookie or bearer token from it. */
  readonly request: Request;
  /** The `fca_…` to relink, or `null` for any account under the signed-in user's authorization. */
  readonly account: string | null;
  /**
   * The `fcsess_…` the verify handler is asked about (only it sets this). Stripe has not been
   * asked yet when `authorize` runs, so it is the caller's word: log it, never decide on it.
   */
  readonly session?: string;
  /**
   * The attempt's id the element sent (`attempt`, a UUID), or `null`: the same id is in the
   * element's events, for joining your logs to them. The caller's word: log it, never decide on it.
   */
  readonly attempt: string | null;
}

/**
 * `authorize`'s answer when the signed-in user may relink: the authorization (and, optionally,
 * the account holder, connected account and session parameters) the session is created for.
 *
 * @example
 * const grant: RelinkGrant = {
 *   authorization: 'fcauth_123',
 *   accountHolder: { type: 'customer', customer: 'cus_123' },
 *   permissions: ['payment_method'],
 * };
 */
export interface RelinkGrant {
  /** `fcauth_…`: the authorization to repair (the `authorization` field of the account). */
  readonly authorization: string;
  /**
   * The holder of the account (its `account_holder` in Stripe). Optional, as in Stripe's API;
   * when given it must be the account's own holder.
   */
  readonly accountHolder?: RelinkAccountHolder;
  /**
   * The permissions the session asks for, overriding the handler's. Relinking is how the
   * customer consents again, so ask for at least what the account already has.
   */
  readonly permissions?: readonly RelinkPermission[];
  /**
   * `acct_…` (Stripe Connect): the connected account the authorization lives on. Every Stripe
   * request made for this call goes to it (`Stripe-Account`); the element's `stripe-account`
   * must name the same account.
   */
  readonly stripeAccount?: string;
  /** Session parameters for this call, over the handler's `sessionParams` (field by field). */
  readonly sessionParams?: RelinkSessionParams;
}

/**
 * Decides whether the signed-in user may relink `account` (or, when it is `null`, any account
 * under their authorization). Resolve to a {@link RelinkGrant}, or to `null` to answer 403.
 * This is the handlers' only access control: check ownership here, server-side.
 *
 * @example
 * const authorize: RelinkAuthorize = async ({ request, account }) => {
 *   const user = await userFrom(request);
 *   if (!user) return null;
 *   const bank = account ? await db.bankAccount(user.id, account) : await db.primaryBankAccount(user.id);
 *   return bank
 *     ? { authorization: bank.fcAuthorization, accountHolder: { type: 'customer', customer: user.stripeCustomerId } }
 *     : null;
 * };
 */
export type RelinkAuthorize = (context: RelinkAuthorizeContext) => RelinkGrant | null | Promise<RelinkGrant | null>;

/**
 * The parameters the session handler sends to `financialConnections.sessions.create`.
 *
 * @example
 * const params: RelinkSessionCreateParams = {
 *   account_holder: { type: 'customer', customer: 'cus_123' },
 *   permissions: ['payment_method'],
 *   relink_options: { authorization: 'fcauth_123', account: 'fca_123' },
 * };
 */
export interface RelinkSessionCreateParams {
  account_holder?:
    | { type: 'customer'; customer: string }
    | { type: 'customer'; customer_account: string }
    | { type: 'account'; account: string };
  // Mutable: Stripe's parameter types take mutable arrays, and a readonly one would not fit.
  permissions: RelinkPermission[];
  relink_options: { authorization: string; account?: string };
  filters?: {
    account_subcategories?: ('checking' | 'credit_card' | 'line_of_credit' | 'mortgage' | 'savings')[];
    country?: string;
    countries?: string[];
    institution?: string;
    require_payment_method_support?: 'all' | 'at_least_one' | 'none';
  };
  limits?: { accounts: number };
  prefetch?: RelinkPrefetch[];
  return_url?: string;
  ui_mode?: 'hosted' | 'modal';
  hosted?: { delivery_method: 'email' | 'url' };
}

/**
 * Per-request options the handlers pass to the Stripe client.
 *
 * @example
 * const options: RelinkRequestOptions = { apiVersion: '2026-08-26.preview' };
 */
export interface RelinkRequestOptions {
  /** Sent as the `Stripe-Version` header of this request only. */
  apiVersion: string;
  /** Sent as the `Stripe-Account` header: the request acts on that connected account. */
  stripeAccount?: string;
}

/**
 * The fields of a Financial Connections Session the handlers read. All relink fields are
 * optional because the GA SDK's types do not have them.
 *
 * @example
 * const session: RelinkStripeSession = await stripe.financialConnections.sessions.retrieve('fcsess_123');
 */
export interface RelinkStripeSession {
  id: string;
  client_secret: string | null;
  livemode: boolean;
  status?: string | null;
  ui_mode?: string | null;
  /** The hosted page, while a hosted session is active. */
  url?: string | null;
  relink_options?: { authorization: string; account?: string | null } | null;
  relink_result?: {
    authorization: string | null;
    account: string | null;
    failure_reason: string | null;
  } | null;
}

/**
 * The part of a `stripe` client the handlers use. A `new Stripe(key)` from `stripe` (the beta
 * SDK or the GA one) is assignable to it; so is a hand-written stand-in for tests.
 *
 * @example
 * import Stripe from 'stripe';
 * const stripe: RelinkStripeClient = new Stripe(process.env.STRIPE_SECRET_KEY!);
 */
export interface RelinkStripeClient {
  readonly financialConnections: {
    readonly sessions: {
      // Method syntax on purpose: its parameters are bivariant, so SDK clients whose parameter
      // types are wider or narrower than ours still fit.
      create(params: RelinkSessionCreateParams, options?: RelinkRequestOptions): Promise<RelinkStripeSession>;
      retrieve(
        id: string,
        params?: Record<string, never>,
        options?: RelinkRequestOptions,
      ): Promise<RelinkStripeSession>;
    };
    /** Read for a same-account session's current permissions. */
    readonly accounts: {
      retrieve(
        id: string,
        params?: Record<string, never>,
        options?: RelinkRequestOptions,
      ): Promise<{ permissions?: readonly string[] | null }>;
    };
  };
}

/**
 * Where a handler caught an error it does not show to the customer: `authorize` threw or
 * returned something malformed, or Stripe failed.
 *
 * @example
 * const onError = (error: unknown, { stage }: RelinkErrorContext) => log.warn({ stage, error });
 */
export interface RelinkErrorContext {
  /**
   * `'request'`: the handler was mounted where it cannot read the body (see docs/server.md).
   * `'config'`: a function option of the app's (the hosted handler's `returnUrl`) threw, or
   * returned something unusable.
   */
  readonly stage: 'authorize' | 'config' | 'stripe' | 'webhook' | 'request';
  readonly request: Request;
  /** The attempt's id the element sent, when the request carried one. */
  readonly attempt?: string | null;
}

/**
 * Options both handlers share.
 *
 * @example
 * const common: RelinkHandlerOptions = { stripe, authorize, apiVersion: '2026-08-26.preview' };
 */
export interface RelinkHandlerOptions {
  /** A Stripe client made with your secret key. */
  readonly stripe: RelinkStripeClient;
  /** Access control: see {@link RelinkAuthorize}. */
  readonly authorize: RelinkAuthorize;
  /** The preview API version for Stripe requests. Default {@link DEFAULT_RELINK_API_VERSION}. */
  readonly apiVersion?: string;
  /**
   * Called with errors the customer only sees as a generic message, so they can be logged.
   * It may be async; it is not awaited, and whatever it throws or rejects with is ignored.
   */
  readonly onError?: (error: unknown, context: RelinkErrorContext) => void | Promise<void>;
}

/**
 * Options of {@link createRelinkSessionHandler}.
 *
 * @example
 * const options: RelinkSessionHandlerOptions = { stripe, authorize, permissions: ['payment_method', 'balances'] };
 */
export interface RelinkSessionHandlerOptions extends RelinkHandlerOptions {
  /**
   * Permissions of every session unless `authorize` returns its own. When neither names them, a
   * same-account session asks for the permissions the account already has (read from Stripe, so
   * a relink never narrows them) and an any-account session for `['payment_method']`.
   */
  readonly permissions?: readonly RelinkPermission[];
  /** Optional session parameters (`filters`, `limits`, `prefetch`, `return_url`) for every session. */
  readonly sessionParams?: RelinkSessionParams;
}

/**
 * Options of {@link createRelinkVerifyHandler}.
 *
 * @example
 * const options: RelinkVerifyHandlerOptions = { stripe, authorize };
 */
export interface RelinkVerifyHandlerOptions extends RelinkHandlerOptions {
  /**
   * How long verify keeps reading a session Stripe still reports `pending` (with back-off)
   * before it answers with that record. Default and most: 10 000 ms.
   */
  readonly pendingTimeoutMs?: number;
}

/**
 * A Fetch API request handler: a Next.js route handler, a Bun/Deno/Workers handler, and, since it
 * also takes the event objects of SvelteKit, Astro, React Router, Hono and h3 (Nuxt), their route.
 *
 * @example
 * export const POST: FetchHandler = createRelinkSessionHandler({ stripe, authorize });
 */
export type FetchHandler = (input: RelinkHandlerInput) => Promise<Response>;
