// What the session and hosted handlers send Stripe: one place decides the holder, the
// permissions (never fewer than the account has) and the connected account of a request.
import type {
  RelinkGrant,
  RelinkPermission,
  RelinkRequestOptions,
  RelinkSessionCreateParams,
  RelinkSessionParams,
  RelinkStripeClient,
} from './types.js';

/** What an any-account session asks for when nothing names the permissions. */
export const DEFAULT_PERMISSIONS: readonly RelinkPermission[] = ['payment_method'];

/**
 * The per-request options of every Stripe call made for one grant: the preview API version,
 * and the connected account when the grant names one.
 */
export function requestOptions(apiVersion: string, grant: RelinkGrant): RelinkRequestOptions {
  return grant.stripeAccount === undefined ? { apiVersion } : { apiVersion, stripeAccount: grant.stripeAccount };
}

function holderParam(grant: RelinkGrant): RelinkSessionCreateParams['account_holder'] {
  const holder = grant.accountHolder;
  // Rebuilt field by field so nothing else an app put in the grant object reaches Stripe.
  if (holder === undefined) return undefined;
  if (holder.type === 'account') return { type: 'account', account: holder.account };
  return 'customer' in holder
    ? { type: 'customer', customer: holder.customer }
    : { type: 'customer', customer_account: holder.customer_account };
}

function passThrough(params: RelinkSessionParams): Partial<RelinkSessionCreateParams> {
  const out: Partial<RelinkSessionCreateParams> = {};
  if (params.filters !== undefined) {
    const { account_subcategories, countries, ...rest } = params.filters;
    out.filters = {
      ...rest,
      ...(account_subcategories === undefined ? {} : { account_subcategories: [...account_subcategories] }),
      ...(countries === undefined ? {} : { countries: [...countries] }),
    };
  }
  if (params.limits !== undefined) out.limits = { accounts: params.limits.accounts };
  if (params.prefetch !== undefined) out.prefetch = [...params.prefetch];
  if (params.return_url !== undefined) out.return_url = params.return_url;
  return out;
}

/**
 * The `sessions.create` parameters for a grant: its holder (when it names one), `permissions`,
 * `relink_options`, and the optional parameters, the grant's over the handler's.
 */
export function createParams(
  grant: RelinkGrant,
  account: string | null,
  permissions: readonly RelinkPermission[],
  sessionParams: RelinkSessionParams = {},
): RelinkSessionCreateParams {
  const holder = holderParam(grant);
  return {
    ...passThrough({ ...sessionParams, ...grant.sessionParams }),
    ...(holder === undefined ? {} : { account_holder: holder }),
    permissions: [...permissions],
    relink_options:
      account === null ? { authorization: grant.authorization } : { authorization: grant.authorization, account },
  };
}

/**
 * The permissions a session asks for: the grant's, else the handler's, else (same-account) the
 * permissions the account has now, read from Stripe, so that a relink never narrows what the
 * customer consented to; any-account, or an account Stripe reports none for: `payment_method`.
 * Throws what the Stripe call throws.
 */
export async function sessionPermissions(
  stripe: RelinkStripeClient,
  grant: RelinkGrant,
  account: string | null,
  configured: readonly RelinkPermission[] | undefined,
  options: RelinkRequestOptions,
): Promise<readonly RelinkPermission[]> {
  if (grant.permissions !== undefined) return grant.permissions;
  if (configured !== undefined) return configured;
  if (account === null) return DEFAULT_PERMISSIONS;
  const current = (await stripe.financialConnections.accounts.retrieve(account, {}, options))?.permissions;
  const known = Array.isArray(current) ? current.filter((p): p is string => typeof p === 'string' && p !== '') : [];
  return known.length > 0 ? known : DEFAULT_PERMISSIONS;
}
