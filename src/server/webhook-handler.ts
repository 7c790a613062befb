// POST /stripe-webhook: turns Stripe's Financial Connections events into "this account needs a
// relink" and "it was relinked", after checking that Stripe sent them.
import { acceptRequest } from './handler-input.js';
import { report } from './authorize.js';
import { readBoundedBody } from './body.js';
import { record, text } from './fields.js';
import { json, jsonError, methodNotAllowed, serverError } from './responses.js';
import type { FetchHandler, RelinkErrorContext } from './types.js';

/**
 * Why an account (or every account under an authorization) needs a relink, by the event that
 * said so:
 * `financial_connections.account.deactivated` → `'inactive'`,
 * `….account.upcoming_deactivation` and `….authorization.upcoming_deactivation` →
 * `'upcoming_deactivation'`,
 * `….account.upcoming_account_number_expiry` → `'account_number_expiring'`,
 * `….account.expected_deactivation_date_updated` and
 * `….authorization.expected_deactivation_date_updated` → `'deactivation_date_updated'` (the
 * date moved: update the deadline you told the customer).
 *
 * @example
 * const subject: Record<RelinkNeededReason, string> = { inactive: 'Your bank link stopped working', … };
 */
export type RelinkNeededReason =
  'inactive' | 'upcoming_deactivation' | 'account_number_expiring' | 'deactivation_date_updated';

/**
 * A verified Stripe event, as far as the handler reads it. The whole event (`data.object` with
 * `previous_attributes`) is what Stripe sent.
 *
 * @example
 * const seen = await db.events.insertIfNew(event.id); // Stripe retries: handle each id once
 */
export interface RelinkWebhookEvent {
  readonly id: string;
  readonly type: string;
  /** `acct_…` for an event of a connected account (Connect webhooks), else absent or null. */
  readonly account?: string | null;
  readonly data: { readonly object: unknown; readonly previous_attributes?: unknown };
}

/**
 * What `onRelinkNeeded` is told.
 *
 * @example
 * onRelinkNeeded: async ({ account, reason, event }) => notifyCustomer(account, reason, event.id)
 */
export interface RelinkNeededNotice {
  /**
   * `fca_…`: the Financial Connections Account; `null` for an authorization's event, which is
   * about every account under `authorization`.
   */
  readonly account: string | null;
  /** `fcauth_…`: the authorization the account is under, when Stripe says. */
  readonly authorization: string | null;
  readonly reason: RelinkNeededReason;
  /**
   * Unix seconds: when the account (or authorization) is expected to stop working, or the
   * tokenized account number to expire; `null` when the event says no date.
   */
  readonly date: number | null;
  /**
   * The connected account the event came from (Connect), else `null`. A platform keys its
   * records on `(stripeAccount, account)`: the account belongs to that connected account.
   */
  readonly stripeAccount: string | null;
  readonly event: RelinkWebhookEvent;
}

/**
 * What `onRelinked` is told.
 *
 * @example
 * onRelinked: async ({ account, authorization }) => markRepaired(account ?? authorization)
 */
export interface RelinkedNotice {
  /** `fca_…`, or `null` when Stripe names no single account (an any-account relink). */
  readonly account: string | null;
  /** `fcauth_…`, when Stripe says. */
  readonly authorization: string | null;
  /** The connected account the event came from (Connect), else `null`. */
  readonly stripeAccount: string | null;
  readonly event: RelinkWebhookEvent;
}

/**
 * The part of a `stripe` client the webhook handler uses: the official signature check, which
 * runs on Web Crypto and so in every Fetch runtime.
 *
 * @example
 * const stripe: RelinkWebhookStripeClient = new Stripe(process.env.STRIPE_SECRET_KEY!);
 */
export interface RelinkWebhookStripeClient {
  readonly webhooks: {
    constructEventAsync(payload: string, header: string, secret: string): Promise<unknown>;
  };
}

/**
 * Options of {@link createRelinkWebhookHandler}.
 *
 * @example
 * const options: RelinkWebhookHandlerOptions = { stripe, webhookSecret: process.env.STRIPE_WEBHOOK_SECRET!, onRelinkNeeded };
 */
export interface RelinkWebhookHandlerOptions {
  readonly stripe: RelinkWebhookStripeClient;
  /** `whsec_…`: the signing secret of this endpoint (or of `stripe listen`). */
  readonly webhookSecret: string;
  /** An account needs a relink. A throw (or rejection) answers 500, so Stripe sends it again. */
  readonly onRelinkNeeded?: (notice: RelinkNeededNotice) => void | Promise<void>;
  /** An account (or authorization) was relinked. A throw answers 500, so Stripe sends it again. */
  readonly onRelinked?: (notice: RelinkedNotice) => void | Promise<void>;
  /**
   * Called with errors that are not answered in detail (a bad signature, a callback's throw).
   * It may be async; it is not awaited, and whatever it throws or rejects with is ignored.
   */
  readonly onError?: (error: unknown, context: RelinkErrorContext) => void | Promise<void>;
}

/**
 * The largest event body read. Stripe documents no maximum; Financial Connections events carry
 * one object (a session's list of accounts at most), far below this.
 */
const MAX_EVENT_BYTES = 512 * 1024;

// Looked up as a Map: an event type is Stripe's text, and `constructor` or `__proto__` must not
// find anything an object's prototype has.
const ACCOUNT_NEEDS = new Map<string, RelinkNeededReason>([
  ['financial_connections.account.deactivated', 'inactive'],
  ['financial_connections.account.upcoming_deactivation', 'upcoming_deactivation'],
  ['financial_connections.account.upcoming_account_number_expiry', 'account_number_expiring'],
  ['financial_connections.account.expected_deactivation_date_updated', 'deactivation_date_updated'],
]);
const AUTHORIZATION_NEEDS = new Map<string, RelinkNeededReason>([
  ['financial_connections.authorization.upcoming_deactivation', 'upcoming_deactivation'],
  ['financial_connections.authorization.expected_deactivation_date_updated', 'deactivation_date_updated'],
]);

const seconds = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** `status_details.active.expected_deactivation_date` of an account or an authorization. */
const deactivationDate = (object: Record<string, unknown> | null): number | null =>
  seconds(record(record(object?.status_details)?.active)?.expected_deactivation_date);

/** The date an account's event is about: its expected deactivation, or its numbers' earliest expiry. */
function dateOf(object: Record<string, unknown> | null, reason: RelinkNeededReason): number | null {
  if (reason !== 'account_number_expiring') return reason === 'inactive' ? null : deactivationDate(object);
  const numbers = Array.isArray(object?.account_numbers) ? (object.account_numbers as unknown[]) : [];
  const expiries = numbers.map((n) => seconds(record(n)?.expected_expiry_date)).filter((d): d is number => d !== null);
  return expiries.length > 0 ? Math.min(...expiries) : null;
}

/** The event's shape, checked: its id, type and object. */
function asEvent(value: unknown): RelinkWebhookEvent | null {
  const event = record(value);
  const data = record(event?.data);
  if (event === null || data === null || text(event.id) === null || text(event.type) === null) return null;
  return event as unknown as RelinkWebhookEvent;
}

/** The notice an event calls for, or `null` for an event the handler leaves alone. */
function noticeOf(event: RelinkWebhookEvent): { needed: RelinkNeededNotice } | { relinked: RelinkedNotice } | null {
  const object = record(event.data.object);
  const stripeAccount = text(event.account);
  const accountReason = ACCOUNT_NEEDS.get(event.type);
  if (accountReason !== undefined) {
    const account = text(object?.id);
    if (account === null) return null;
    const authorization = text(object?.authorization);
    return {
      needed: {
        account,
        authorization,
        reason: accountReason,
        date: dateOf(object, accountReason),
        stripeAccount,
        event,
      },
    };
  }
  const authorizationReason = AUTHORIZATION_NEEDS.get(event.type);
  if (authorizationReason !== undefined) {
    const authorization = text(object?.id);
    if (authorization === null) return null;
    const date = deactivationDate(object);
    return { needed: { account: null, authorization, reason: authorizationReason, date, stripeAccount, event } };
  }
  if (event.type === 'financial_connections.account.reactivated') {
    const account = text(object?.id);
    return account === null
      ? null
      : { relinked: { account, authorization: text(object?.authorization), stripeAccount, event } };
  }
  if (event.type === 'financial_connections.session.updated') {
    // A relink succeeded when Stripe names the authorization it relinked and no failure.
    const result = record(object?.relink_result);
    const authorization = text(result?.authorization);
    if (
      authorization === null ||
      text(result?.failure_reason) !== null ||
      (object?.status !== undefined && object.status !== 'succeeded')
    )
      return null;
    return { relinked: { account: text(result?.account), authorization, stripeAccount, event } };
  }
  return null;
}

/**
 * Creates the Fetch API handler for Stripe's webhooks. It reads the raw body (up to 512 KiB),
 * checks the `Stripe-Signature` over it with the official SDK's `constructEventAsync` (400 and no
 * callback when it fails), then calls
 *
 * - `onRelinkNeeded({ account, authorization, reason, date, stripeAccount, event })` for
 *   `financial_connections.account.deactivated` (`'inactive'`), `….upcoming_deactivation`,
 *   `….upcoming_account_number_expiry` (`'account_number_expiring'`) and
 *   `….expected_deactivation_date_updated` (`'deactivation_date_updated'`), and with
 *   `account: null` for `financial_connections.authorization.upcoming_deactivation` and
 *   `….authorization.expected_deactivation_date_updated`: Stripe's earliest warnings;
 * - `onRelinked({ account, authorization, stripeAccount, event })` for `….account.reactivated`,
 *   and for `financial_connections.session.updated` whose session has a successful
 *   `relink_result`;
 *
 * and answers `200 { received: true }`, for every other event type too, untouched. Stripe
 * delivers an event at least once and retries failures: de-duplicate by `event.id`. A callback
 * that throws makes the answer 500, so Stripe retries. Under Express, mount it before any JSON
 * body parser, or keep the bytes (`express.json({ verify })` setting `req.rawBody`): the signature
 * is over the exact bytes, and a body parsed first is refused (500, the fix told to `onError`).
 *
 * @example
 * // app/api/stripe-webhook/route.ts (Next.js)
 * import { createRelinkWebhookHandler } from 'fc-relink/server';
 *
 * export const POST = createRelinkWebhookHandler({
 *   stripe,
 *   webhookSecret: process.env.STRIPE_WEBHOOK_SECRET!,
 *   onRelinkNeeded: async ({ account, reason, event }) => {
 *     if (await db.webhookEvents.seen(event.id)) return;
 *     await db.bankAccounts.flagForRelink(account, reason);
 *   },
 *   onRelinked: async ({ account, authorization }) => db.bankAccounts.markRepaired({ account, authorization }),
 * });
 */
export function createRelinkWebhookHandler(options: RelinkWebhookHandlerOptions): FetchHandler {
  if (typeof options?.stripe?.webhooks?.constructEventAsync !== 'function') {
    throw new TypeError('createRelinkWebhookHandler: "stripe" must be a Stripe client (new Stripe(secretKey)).');
  }
  if (typeof options.webhookSecret !== 'string' || options.webhookSecret === '') {
    throw new TypeError(
      'createRelinkWebhookHandler: "webhookSecret" must be the endpoint\'s signing secret (whsec_…).',
    );
  }
  const { stripe, webhookSecret, onRelinkNeeded, onRelinked, onError } = options;

  return async (input) => {
    const request = acceptRequest(input, { name: 'createRelinkWebhookHandler', onError, raw: true });
    if (request instanceof Response) return request;
    if (request.method !== 'POST') return methodNotAllowed();
    const signature = request.headers.get('stripe-signature');
    if (signature === null) return badSignature();
    const read = await readBoundedBody(request, MAX_EVENT_BYTES);
    if (!read.ok) return read.response;
    let event: RelinkWebhookEvent | null;
    try {
      // The bytes as sent, decoded once and exactly: a byte-order mark is kept (a default
      // TextDecoder drops it, and a body with one would pass with the signature of the body
      // without it), and bytes that are not UTF-8 fail rather than become U+FFFD.
      const payload = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(read.bytes);
      event = asEvent(await stripe.webhooks.constructEventAsync(payload, signature, webhookSecret));
    } catch (error) {
      report(onError, error, { stage: 'webhook', request });
      return badSignature();
    }
    if (event === null)
      return jsonError(400, {
        message: 'The event is not a Stripe event.',
        type: 'invalid_request_error',
        code: 'invalid_event',
      });

    const notice = noticeOf(event);
    try {
      if (notice !== null && 'needed' in notice) await onRelinkNeeded?.(notice.needed);
      if (notice !== null && 'relinked' in notice) await onRelinked?.(notice.relinked);
    } catch (error) {
      report(onError, error, { stage: 'webhook', request });
      return serverError();
    }
    return json(200, { received: true });
  };
}

function badSignature(): Response {
  return jsonError(400, {
    message: 'The Stripe-Signature header does not match the body.',
    type: 'invalid_request_error',
    code: 'invalid_signature',
  });
}
