// POST /relink-session: the endpoint <fc-relink> calls for a fresh relink session.
import { acceptRequest } from './handler-input.js';
import { report, runAuthorize } from './authorize.js';
import { ACCOUNT_ID, readAttempt, readJsonObject, readOptionalId } from './body.js';
import { assertHandlerOptions } from './options.js';
import { json, jsonError, methodNotAllowed } from './responses.js';
import { stripeErrorResponse } from './stripe-error.js';
import { createParams, requestOptions, sessionPermissions } from './session-params.js';
import {
  DEFAULT_RELINK_API_VERSION,
  type FetchHandler,
  type RelinkSessionCreateParams,
  type RelinkSessionHandlerOptions,
  type RelinkSessionResponse,
  type RelinkStripeSession,
} from './types.js';

/**
 * The four fields the element needs, or `null` when Stripe's session is not the relink session
 * that was asked for (fail closed rather than hand the browser a session for something else).
 */
function toResponse(
  session: RelinkStripeSession,
  asked: RelinkSessionCreateParams['relink_options'],
): RelinkSessionResponse | null {
  if (typeof session !== 'object' || session === null) return null;
  const relink = session.relink_options;
  const account = relink?.account ?? null;
  if (
    typeof session.id !== 'string' ||
    typeof session.client_secret !== 'string' ||
    typeof session.livemode !== 'boolean' ||
    relink?.authorization !== asked.authorization ||
    account !== (asked.account ?? null)
  ) {
    return null;
  }
  return {
    id: session.id,
    client_secret: session.client_secret,
    relink_options: { authorization: relink.authorization, account },
    livemode: session.livemode,
  };
}

/**
 * Creates the Fetch API handler for `<fc-relink>`'s `session-url`. It accepts `POST` with
 * `{"account":"fca_…"}` (a same-account session) or `{}` (any account under the authorization),
 * asks `authorize` whether the signed-in user may relink it (`null` → 403, and Stripe is never
 * called), creates the session on a preview API version with `relink_options` (on the grant's
 * connected account, if it names one; see {@link RelinkGrant} for the holder, permissions and
 * session parameters), and answers with only `id`, `client_secret`, `relink_options` and
 * `livemode` (`Cache-Control: no-store`). The body must be sent as `application/json` (415
 * otherwise, an empty body included) and is read up to 16 KiB (413 past it).
 *
 * Errors are `{ error: { message, type, code? } }`: 400 (bad body, or Stripe refused the
 * request; 404 for a missing resource), 403, 405 (`Allow: POST`), 413, 415, 429, 500 (authorize
 * threw, or the Stripe key is wrong: generic message), 502 (Stripe unreachable or failing). Messages
 * never contain a key, a client secret or a stack.
 *
 * @example
 * // app/api/relink-session/route.ts (Next.js)
 * import Stripe from 'stripe';
 * import { createRelinkSessionHandler } from 'fc-relink/server';
 *
 * const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
 * export const POST = createRelinkSessionHandler({
 *   stripe,
 *   authorize: async ({ request, account }) => {
 *     const user = await getUser(request);
 *     const bank = user && (await findBankAccount(user, account));
 *     return bank
 *       ? { authorization: bank.authorization, accountHolder: { type: 'customer', customer: user.stripeCustomerId } }
 *       : null;
 *   },
 * });
 */
export function createRelinkSessionHandler(options: RelinkSessionHandlerOptions): FetchHandler {
  assertHandlerOptions(options, 'createRelinkSessionHandler');
  const { stripe, onError } = options;
  const apiVersion = options.apiVersion ?? DEFAULT_RELINK_API_VERSION;

  return async (input) => {
    const request = acceptRequest(input, { name: 'createRelinkSessionHandler', onError });
    if (request instanceof Response) return request;
    if (request.method !== 'POST') return methodNotAllowed();
    const read = await readJsonObject(request);
    if (!read.ok) return read.response;
    const account = readOptionalId(read.body, 'account', ACCOUNT_ID);
    const attempt = readAttempt(read.body);
    if (account instanceof Response) return account;

    const outcome = await runAuthorize(options, { request, account, attempt });
    if (!outcome.ok) return outcome.response;

    const { grant } = outcome;
    // Per request, so a client pinned to a GA version (which has no relink) still works, and so
    // that a platform's request acts on the grant's connected account.
    const perRequest = requestOptions(apiVersion, grant);
    let params: RelinkSessionCreateParams;
    let session: RelinkStripeSession;
    try {
      const permissions = await sessionPermissions(stripe, grant, account, options.permissions, perRequest);
      params = createParams(grant, account, permissions, options.sessionParams, apiVersion);
      session = await stripe.financialConnections.sessions.create(params, perRequest);
    } catch (error) {
      report(onError, error, { stage: 'stripe', request, attempt });
      return stripeErrorResponse(error);
    }

    const body = toResponse(session, params.relink_options);
    if (body === null) {
      const error = new Error('Stripe returned a session that is not the relink session requested.');
      report(onError, error, { stage: 'stripe', request, attempt });
      return jsonError(502, {
        message: 'Stripe returned an unexpected session. Please try again later.',
        type: 'api_error',
        code: 'unexpected_session',
      });
    }
    return json(200, body);
  };
}
