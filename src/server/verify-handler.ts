// POST /relink-verify: after the flow, the server asks Stripe how the relink went, so the app
// never trusts the browser's word for it.
import { report, runAuthorize } from './authorize.js';
import { readId, readJsonObject, SESSION_ID } from './body.js';
import { assertHandlerOptions } from './options.js';
import { forbidden, json, methodNotAllowed } from './responses.js';
import { stripeErrorResponse } from './stripe-error.js';
import {
  DEFAULT_RELINK_API_VERSION,
  type FetchHandler,
  type RelinkStripeSession,
  type RelinkVerifyHandlerOptions,
  type RelinkVerifyResponse,
} from './types.js';

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

/**
 * Creates the Fetch API handler that reports how a relink session ended. It accepts `POST`
 * with `{"session":"fcsess_…"}`, retrieves the session from Stripe (on the preview API
 * version), asks `authorize` with the session's `relink_options.account` (and `session`, for
 * logging) and answers 403 unless it returns a grant for the session's own authorization.
 * Then it answers `{ status, relink_result }` (`Cache-Control: no-store`).
 *
 * `status` is `pending`, `succeeded`, `failed` or `cancelled`; `relink_result` is
 * `{ authorization, account, failure_reason }` (`failure_reason`: `no_authorization`,
 * `no_account`, `other` or `null`). Errors as for {@link createRelinkSessionHandler}; an unknown
 * session is a 404.
 *
 * @example
 * // app/api/relink-verify/route.ts (Next.js)
 * import { createRelinkVerifyHandler } from 'fc-relink/server';
 *
 * export const POST = createRelinkVerifyHandler({ stripe, authorize });
 * // Browser, after fc-relink-success:
 * // await fetch('/api/relink-verify', { method: 'POST', body: JSON.stringify({ session: event.detail.sessionId }) });
 */
export function createRelinkVerifyHandler(options: RelinkVerifyHandlerOptions): FetchHandler {
  assertHandlerOptions(options, 'createRelinkVerifyHandler');
  const { stripe, onError } = options;
  const apiVersion = options.apiVersion ?? DEFAULT_RELINK_API_VERSION;

  return async (request) => {
    if (request.method !== 'POST') return methodNotAllowed();
    const read = await readJsonObject(request);
    if (!read.ok) return read.response;
    const id = readId(read.body, 'session', SESSION_ID);
    if (id instanceof Response) return id;

    let session: RelinkStripeSession;
    try {
      session = await stripe.financialConnections.sessions.retrieve(id, {}, { apiVersion });
    } catch (error) {
      report(onError, error, { stage: 'stripe', request });
      return stripeErrorResponse(error);
    }

    // Not a relink session: there is no authorization to check ownership against, so no answer.
    const relink = typeof session === 'object' && session !== null ? session.relink_options : null;
    if (typeof relink?.authorization !== 'string') return forbidden();

    const outcome = await runAuthorize(options, { request, account: relink.account ?? null, session: id });
    if (!outcome.ok) return outcome.response;
    if (outcome.grant.authorization !== relink.authorization) return forbidden();

    const body: RelinkVerifyResponse = { status: session.status ?? null, relink_result: relinkResult(session) };
    return json(200, body);
  };
}
