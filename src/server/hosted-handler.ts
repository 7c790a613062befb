// POST /relink-hosted: a relink on Stripe's hosted page, handed to the customer as a URL or
// emailed by Stripe, under the same rules as the embedded session handler.
import { hostedPageUrl, toOrigin } from '../common/hosted-page.js';
import type { RelinkHostedDelivery } from '../common/wire.js';
import { acceptRequest } from './handler-input.js';
import { report, runAuthorize } from './authorize.js';
import { ACCOUNT_ID, badRequest, readAttempt, readChoice, readId, readJsonObject } from './body.js';
import { assertHandlerOptions } from './options.js';
import { json, jsonError, methodNotAllowed, serverError } from './responses.js';
import { createParams, requestOptions, sessionPermissions } from './session-params.js';
import { stripeErrorResponse, stripeErrorType } from './stripe-error.js';
import {
  DEFAULT_RELINK_API_VERSION,
  type FetchHandler,
  type RelinkHandlerOptions,
  type RelinkPermission,
  type RelinkSessionParams,
  type RelinkStripeSession,
} from './types.js';

/**
 * Options of {@link createHostedRelinkHandler}.
 *
 * @example
 * const options: RelinkHostedHandlerOptions = { stripe, authorize, returnUrl: 'https://shop.example/bank/relinked' };
 */
export interface RelinkHostedHandlerOptions extends RelinkHandlerOptions {
  /**
   * Where Stripe's hosted page sends the customer back when they finish or cancel: a URL, or a
   * function of the request (to come back to the page they left).
   */
  readonly returnUrl: string | ((context: { readonly request: Request; readonly account: string }) => string);
  /**
   * The deliveries a caller may ask for. Default `['url']`: the endpoint the element calls is
   * reachable by any signed-in customer, and `email` has Stripe send mail on your behalf; allow
   * it (`['url', 'email']`) only on an endpoint your own back office calls.
   */
  readonly deliveries?: readonly RelinkHostedDelivery[];
  /**
   * Origins besides Stripe's hosted-page hosts that Stripe's `url` may be on
   * (`['http://localhost:8000']`), for a fake or a local Stripe in tests. A session whose `url` is
   * on neither answers 502 `unexpected_session`.
   */
  readonly hostedOrigins?: readonly string[];
  /** As for {@link createRelinkSessionHandler}: the grant's, else these, else the account's own. */
  readonly permissions?: readonly RelinkPermission[];
  /** As for {@link createRelinkSessionHandler}. */
  readonly sessionParams?: RelinkSessionParams;
}

/**
 * Whether Stripe refused an email because one went to this account less than 48 hours ago.
 * ASSUMED: Stripe documents the limit (one hosted relink email per account every 48 hours) but
 * not the error it answers with. This recognises any Stripe refusal (400 or 429) whose code or
 * message speaks of that limit, so that a plain API rate limit (`rate_limit`, "Too many
 * requests") stays a plain 429; it is asked only for email delivery.
 */
function isEmailLimit(error: unknown): boolean {
  const type = stripeErrorType(error);
  if (type !== 'invalid_request_error' && type !== 'rate_limit_error') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const codeText = typeof code === 'string' ? code : '';
  const messageText = typeof message === 'string' ? message : '';
  if (
    /(relink|hosted|email|delivery).*(limit|rate|frequen)|(limit|rate|frequen).*(relink|hosted|email|delivery)|already_sent|recently_sent/i.test(
      codeText,
    )
  ) {
    return true;
  }
  return /48[\s-]*hours?|(already|recently) (been )?(sent|emailed|requested)|once every|one (email|request) per|too many (relink )?(emails|requests for this)/i.test(
    messageText,
  );
}

/** Seconds until a retry, from Stripe's `Retry-After` header (seconds or an HTTP date), if any. */
function retryAfter(error: unknown): string | null {
  const headers = (error as { headers?: unknown }).headers;
  if (typeof headers !== 'object' || headers === null) return null;
  const value = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
  if (typeof value !== 'string' || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return value.trim();
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : String(Math.max(0, Math.ceil((at - Date.now()) / 1000)));
}

function rateLimited(error: unknown): Response {
  const after = retryAfter(error);
  return jsonError(
    429,
    {
      message: 'A relink email was sent for this account recently. Try again later.',
      type: 'invalid_request_error',
      code: 'relink_rate_limited',
    },
    after === null ? {} : { 'Retry-After': after },
  );
}

function unexpected(): Response {
  return jsonError(502, {
    message: 'Stripe returned an unexpected session. Please try again later.',
    type: 'api_error',
    code: 'unexpected_session',
  });
}

const isWebUrl = (value: unknown): value is string =>
  typeof value === 'string' && URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol);

const DELIVERIES: readonly RelinkHostedDelivery[] = ['url', 'email'];

/** The checked `deliveries` and `hostedOrigins` options; a wrong one stops the server at startup. */
function checkedOptions(options: RelinkHostedHandlerOptions): {
  deliveries: readonly RelinkHostedDelivery[];
  origins: readonly string[];
} {
  const deliveries = options.deliveries ?? ['url'];
  if (!Array.isArray(deliveries) || deliveries.length === 0 || !deliveries.every((d) => DELIVERIES.includes(d))) {
    throw new TypeError('createHostedRelinkHandler: "deliveries" must be a non-empty list of "url" and "email".');
  }
  const origins = (options.hostedOrigins ?? []).map((origin) => (typeof origin === 'string' ? toOrigin(origin) : null));
  if (origins.includes(null)) {
    throw new TypeError(
      'createHostedRelinkHandler: "hostedOrigins" must be http(s) origins such as "http://localhost:8000".',
    );
  }
  return { deliveries: [...deliveries], origins: origins as string[] };
}

/**
 * The return URL for this request: the option, or what its function answers. A function that
 * throws or answers anything but an http(s) URL is reported, and the request answers a generic 500.
 */
function returnUrlFor(options: RelinkHostedHandlerOptions, request: Request, account: string): string | Response {
  const { returnUrl } = options;
  if (typeof returnUrl !== 'function') return returnUrl;
  let value: unknown;
  try {
    value = returnUrl({ request, account });
  } catch (error) {
    report(options.onError, error, { stage: 'config', request });
    return serverError();
  }
  if (isWebUrl(value)) return value;
  const error = new TypeError('createHostedRelinkHandler: "returnUrl" returned something that is not an http(s) URL.');
  report(options.onError, error, { stage: 'config', request });
  return serverError();
}

/**
 * Creates the Fetch API handler for Stripe's hosted relink by API. It accepts `POST` with
 * `{"account":"fca_…","delivery":"url"|"email"}` (`account` is required: a hosted relink
 * repairs one known account; `delivery` defaults to `url`, and must be one of `deliveries`,
 * by default `url` only), asks
 * `authorize` first (`null` → 403, and Stripe is never called), then creates a session with
 * `ui_mode: 'hosted'`, `hosted.delivery_method`, the return URL and the grant's relink options,
 * holder, permissions and connected account (as {@link createRelinkSessionHandler} does), and
 * answers `{ id, url }` for `url` or `{ id, delivery: 'email' }` for `email`
 * (`Cache-Control: no-store`). No client secret is ever answered. A `url` Stripe answers must be
 * `https:` on Stripe's hosted-page hosts (or on one of `hostedOrigins`), else 502
 * `unexpected_session`: the browser sends the customer wherever it says.
 *
 * Stripe sends at most one hosted relink email per account every 48 hours; a refusal for that
 * reason answers 429 `{ error: { code: 'relink_rate_limited' } }`, with `Retry-After` when Stripe
 * says when. Body rules and other errors as for {@link createRelinkSessionHandler}. Hosted relink
 * by API is a Stripe private preview: your account needs access to it.
 *
 * The return URL is sent as Stripe's top-level `return_url` create parameter. ASSUMED, from
 * Stripe's spec: the session object has `hosted.return_url` ("required if `ui_mode` is
 * `hosted`") and describes the top-level `return_url` as "for webview integrations only", but
 * the create parameters of the pinned API version define `hosted` with `delivery_method` only
 * (the beta SDK's types agree), so the top-level parameter is the one a create request can
 * carry; Stripe reports it back as `hosted.return_url`.
 *
 * @example
 * // app/api/relink-hosted/route.ts (Next.js)
 * import { createHostedRelinkHandler } from 'fc-relink/server';
 *
 * export const POST = createHostedRelinkHandler({
 *   stripe,
 *   authorize,
 *   returnUrl: 'https://shop.example/settings/bank?relinked=1',
 * });
 */
export function createHostedRelinkHandler(options: RelinkHostedHandlerOptions): FetchHandler {
  assertHandlerOptions(options, 'createHostedRelinkHandler');
  if (typeof options.returnUrl !== 'function' && !isWebUrl(options.returnUrl)) {
    throw new TypeError('createHostedRelinkHandler: "returnUrl" must be an http(s) URL or a function returning one.');
  }
  const { stripe, onError } = options;
  const apiVersion = options.apiVersion ?? DEFAULT_RELINK_API_VERSION;
  const { deliveries, origins } = checkedOptions(options);

  return async (input) => {
    const request = acceptRequest(input, { name: 'createHostedRelinkHandler', onError });
    if (request instanceof Response) return request;
    if (request.method !== 'POST') return methodNotAllowed();
    const read = await readJsonObject(request);
    if (!read.ok) return read.response;
    const account = readId(read.body, 'account', ACCOUNT_ID);
    const attempt = readAttempt(read.body);
    if (account instanceof Response) return account;
    const delivery = readChoice<RelinkHostedDelivery>(read.body, 'delivery', deliveries, 'url');
    if (delivery instanceof Response) return delivery;
    // Absent means `url`, which an email-only endpoint does not offer either.
    if (!deliveries.includes(delivery)) {
      return badRequest('"delivery" must be "email" on this endpoint.', 'parameter_invalid').response;
    }

    const outcome = await runAuthorize(options, { request, account, attempt });
    if (!outcome.ok) return outcome.response;
    const { grant } = outcome;
    const perRequest = requestOptions(apiVersion, grant);
    const returnUrl = returnUrlFor(options, request, account);
    if (returnUrl instanceof Response) return returnUrl;

    let session: RelinkStripeSession;
    try {
      const permissions = await sessionPermissions(stripe, grant, account, options.permissions, perRequest);
      const params = {
        ...createParams(grant, account, permissions, options.sessionParams, apiVersion),
        ui_mode: 'hosted' as const,
        hosted: { delivery_method: delivery },
        return_url: returnUrl,
      };
      session = await stripe.financialConnections.sessions.create(params, perRequest);
    } catch (error) {
      report(onError, error, { stage: 'stripe', request, attempt });
      return delivery === 'email' && isEmailLimit(error) ? rateLimited(error) : stripeErrorResponse(error);
    }

    const relink = typeof session === 'object' && session !== null ? session.relink_options : null;
    const sameSession =
      typeof session?.id === 'string' &&
      relink?.authorization === grant.authorization &&
      (relink.account ?? null) === account;
    const url = delivery === 'url' ? hostedPageUrl(session?.url, origins) : null;
    if (!sameSession || (delivery === 'url' && url === null)) {
      report(onError, new Error('Stripe returned a session that is not the hosted relink session requested.'), {
        stage: 'stripe',
        request,
        attempt,
      });
      return unexpected();
    }
    return json(200, url !== null ? { id: session.id, url } : { id: session.id, delivery: 'email' });
  };
}
