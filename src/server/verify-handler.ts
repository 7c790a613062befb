// POST /relink-verify: after the flow, the server asks Stripe how the relink went, so the app
// never trusts the browser's word for it.
import { acceptRequest } from './handler-input.js';
import { report, runAuthorize } from './authorize.js';
import { ACCOUNT_ID, readAttempt, readId, readJsonObject, readOptionalId, SESSION_ID } from './body.js';
import { assertHandlerOptions } from './options.js';
import { forbidden, json, methodNotAllowed } from './responses.js';
import { requestOptions } from './session-params.js';
import { stripeErrorResponse, stripeErrorType } from './stripe-error.js';
import {
  DEFAULT_RELINK_API_VERSION,
  type FetchHandler,
  type RelinkGrant,
  type RelinkStripeSession,
  type RelinkVerifyHandlerOptions,
  type RelinkVerifyResponse,
} from './types.js';

/** The longest verify waits for a `pending` session to settle. */
const MAX_PENDING_MS = 10_000;
/** Back-off between reads of a `pending` session: 250 ms, doubling, at most 2 s. */
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 2_000;

function relinkResult(session: RelinkStripeSession): RelinkVerifyResponse['relink_result'] {
  const result = session.relink_result;
  if (typeof result !== 'object' || result === null) return null;
  // Picked, not spread: only what the contract promises leaves the server.
  return {
    authorization: result.authorization ?? null,
    account: result.account ?? null,
    failure_reason: result.failure_reason ?? null,
  };
}

/** Whether Stripe's session is one this grant (and the account the request names) may see. */
function belongsTo(session: RelinkStripeSession, grant: RelinkGrant, account: string | null): boolean {
  const relink = typeof session === 'object' && session !== null ? session.relink_options : null;
  // Not a relink session: there is no authorization to check ownership against, so no answer.
  if (typeof relink?.authorization !== 'string' || relink.authorization !== grant.authorization) return false;
  return account === null || relink.account === account;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Creates the Fetch API handler that reports how a relink session ended. It accepts `POST`
 * with `{"session":"fcsess_…","account":"fca_…"|null}` (what `<fc-relink>` sends; `account`
 * may be left out), and first asks `authorize({ request, account, session })`: `null` → 403,
 * and Stripe is never called. Then it retrieves the session from Stripe (on the preview API
 * version, on the grant's connected account) and answers 403 unless its
 * `relink_options.authorization` is the grant's and, when the request names an account, its
 * `relink_options.account` is that account. A session Stripe does not know gets the very same
 * 403, so the answer never tells whether someone else's session exists.
 *
 * Right after Stripe.js resolves, Stripe may still report the session `pending`; the handler
 * then reads it again with back-off (250 ms, doubling to 2 s) for up to `pendingTimeoutMs`
 * (10 s) in all, and answers Stripe's settled record: `{ status, relink_result }`
 * (`Cache-Control: no-store`). `status` is `pending` (it did not settle in time), `succeeded`,
 * `failed` or `cancelled`; `relink_result` is `{ authorization, account, failure_reason }`
 * (`failure_reason`: `no_authorization`, `no_account`, `other` or `null`). Other errors as for
 * {@link createRelinkSessionHandler}.
 *
 * @example
 * // app/api/relink-verify/route.ts (Next.js)
 * import { createRelinkVerifyHandler } from 'fc-relink/server';
 *
 * export const POST = createRelinkVerifyHandler({ stripe, authorize });
 */
export function createRelinkVerifyHandler(options: RelinkVerifyHandlerOptions): FetchHandler {
  assertHandlerOptions(options, 'createRelinkVerifyHandler');
  const { stripe, onError } = options;
  const apiVersion = options.apiVersion ?? DEFAULT_RELINK_API_VERSION;
  const pendingMs = Math.min(Math.max(options.pendingTimeoutMs ?? MAX_PENDING_MS, 0), MAX_PENDING_MS);

  return async (input) => {
    const request = acceptRequest(input, { name: 'createRelinkVerifyHandler', onError });
    if (request instanceof Response) return request;
    if (request.method !== 'POST') return methodNotAllowed();
    const read = await readJsonObject(request);
    if (!read.ok) return read.response;
    const id = readId(read.body, 'session', SESSION_ID);
    if (id instanceof Response) return id;
    const account = readOptionalId(read.body, 'account', ACCOUNT_ID);
    const attempt = readAttempt(read.body);
    if (account instanceof Response) return account;

    const outcome = await runAuthorize(options, { request, account, session: id, attempt });
    if (!outcome.ok) return outcome.response;
    const { grant } = outcome;
    const perRequest = requestOptions(apiVersion, grant);

    /** Stripe's record of the session, or the response to answer instead. */
    const retrieve = async (): Promise<RelinkStripeSession | Response> => {
      try {
        const session = await stripe.financialConnections.sessions.retrieve(id, {}, perRequest);
        return belongsTo(session, grant, account) ? session : forbidden();
      } catch (error) {
        // The only parameter is the id: Stripe refusing the request means no such session here,
        // which must look exactly like a session that is someone else's.
        if (stripeErrorType(error) === 'invalid_request_error') return forbidden();
        report(onError, error, { stage: 'stripe', request, attempt });
        return stripeErrorResponse(error);
      }
    };

    const deadline = Date.now() + pendingMs;
    let delay = FIRST_DELAY_MS;
    let session = await retrieve();
    while (!(session instanceof Response) && session.status === 'pending' && !request.signal.aborted) {
      const wait = Math.min(delay, deadline - Date.now());
      if (wait <= 0) break;
      await sleep(wait);
      // The client may have hung up while it slept: no read on behalf of no one.
      if (request.signal.aborted) break;
      delay = Math.min(delay * 2, MAX_DELAY_MS);
      session = await retrieve();
    }
    if (session instanceof Response) return session;

    const body: RelinkVerifyResponse = { status: session.status ?? null, relink_result: relinkResult(session) };
    return json(200, body);
  };
}
