// Runs the app's authorize() and checks what it returns before anything reaches Stripe: a
// throwing or sloppy authorize() must fail closed, and must not leak its message to the customer.
import { isStripeId } from '../common/ids.js';
import { forbidden, serverError } from './responses.js';
import type {
  RelinkAuthorizeContext,
  RelinkErrorContext,
  RelinkGrant,
  RelinkHandlerOptions,
  RelinkPermission,
} from './types.js';

/** Either a checked grant, or the response to answer with (403 or 500). */
export type AuthorizeOutcome =
  { readonly ok: true; readonly grant: RelinkGrant } | { readonly ok: false; readonly response: Response };

/**
 * Passes an error to the app's `onError`, if any, and never waits for it. A logger that throws,
 * or an async one that rejects, must not turn a clean error answer into an unhandled exception
 * or rejection: in Node, one unhandled rejection ends the process, and the webhook's
 * bad-signature path reaches `onError` for anyone who can send a POST.
 */
export function report(onError: RelinkHandlerOptions['onError'], error: unknown, context: RelinkErrorContext): void {
  try {
    const returned: unknown = onError?.(error, context);
    // Any thenable, not only a native Promise; a `then` that throws is caught by Promise.resolve.
    if (typeof (returned as PromiseLike<unknown> | null)?.then === 'function') {
      Promise.resolve(returned).catch(() => {});
    }
  } catch {
    // Deliberately ignored: see above.
  }
}

function isPermissions(value: unknown): value is readonly RelinkPermission[] {
  return Array.isArray(value) && value.length > 0 && value.every((p) => typeof p === 'string' && p !== '');
}

function isHolder(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const holder = value as { type?: unknown; customer?: unknown; customer_account?: unknown; account?: unknown };
  // Exactly one id, so Stripe is never left to choose; other fields are dropped, not sent.
  if ([holder.customer, holder.customer_account, holder.account].filter((id) => id !== undefined).length !== 1)
    return false;
  if (holder.type === 'customer')
    return isStripeId(holder.customer, 'cus_') || isStripeId(holder.customer_account, 'acct_');
  return holder.type === 'account' && isStripeId(holder.account, 'acct_');
}

/** Why a grant is unusable, or `null` when it is sound. */
function grantProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'authorize() must resolve to an object or null.';
  const grant = value as Partial<Record<keyof RelinkGrant, unknown>>;
  if (!isStripeId(grant.authorization, 'fcauth_')) {
    return 'authorize() returned no authorization like fcauth_….';
  }
  if (grant.accountHolder !== undefined && !isHolder(grant.accountHolder)) {
    return "authorize() returned an accountHolder that is not { type: 'customer', customer: 'cus_…' }, { type: 'customer', customer_account: 'acct_…' } or { type: 'account', account: 'acct_…' }.";
  }
  if (grant.permissions !== undefined && !isPermissions(grant.permissions)) {
    return 'authorize() returned permissions that are not a non-empty list of strings.';
  }
  if (grant.stripeAccount !== undefined && !isStripeId(grant.stripeAccount, 'acct_')) {
    return 'authorize() returned a stripeAccount that is not like acct_….';
  }
  return null;
}

/**
 * Asks `authorize` and turns its answer into a grant, a 403 (`null`), or a generic 500 (it
 * threw, or returned something malformed; `onError` gets the details).
 */
export async function runAuthorize(
  options: Pick<RelinkHandlerOptions, 'authorize' | 'onError'>,
  context: RelinkAuthorizeContext,
): Promise<AuthorizeOutcome> {
  let result: unknown;
  try {
    result = await options.authorize(context);
  } catch (error) {
    report(options.onError, error, { stage: 'authorize', request: context.request, attempt: context.attempt });
    return { ok: false, response: serverError() };
  }
  if (result === null) return { ok: false, response: forbidden() };
  const problem = grantProblem(result);
  if (problem !== null) {
    report(options.onError, new TypeError(problem), {
      stage: 'authorize',
      request: context.request,
      attempt: context.attempt,
    });
    return { ok: false, response: serverError() };
  }
  return { ok: true, grant: result as RelinkGrant };
}
