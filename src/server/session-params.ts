// What the session and hosted handlers send Stripe: one place decides the holder, the
// permissions (never fewer than the account has) and the connected account of a request.
import {
  DEFAULT_RELINK_API_VERSION,
  type RelinkGrant,
  type RelinkPermission,
  type RelinkRequestOptions,
  type RelinkSessionCreateParams,
  type RelinkSessionParams,
  type RelinkStripeClient,
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

/**
 * The first API version whose session filters take one `country` rather than `countries[]`. In
 * Stripe's preview specs, 2026-07-29 defines only `filters.countries[]` and 2026-09-30 only
 * `filters.country`; the pinned 2026-08-26 is the beta SDK's, whose types have `countries`.
 */
const SINGLE_COUNTRY_FROM = '2026-09-30';

/**
 * The countries filter in the form `apiVersion` defines, whichever form the app wrote: Stripe
 * rejects the other one. Throws when several countries are asked of a version that takes one.
 */
function countryFilter(country: string | undefined, countries: readonly string[] | undefined, apiVersion: string) {
  const all = [...new Set([...(country === undefined ? [] : [country]), ...(countries ?? [])])];
  if (country === undefined && countries === undefined) return {};
  if (apiVersion.slice(0, 10) < SINGLE_COUNTRY_FROM) return { countries: all };
  if (all.length !== 1) {
    throw new TypeError(`sessionParams.filters: API version ${apiVersion} takes one country, not ${all.length}.`);
  }
  return { country: all[0] };
}

function passThrough(params: RelinkSessionParams, apiVersion: string): Partial<RelinkSessionCreateParams> {
  const out: Partial<RelinkSessionCreateParams> = {};
  if (params.filters !== undefined) {
    const { account_subcategories, country, countries, ...rest } = params.filters;
    out.filters = {
      ...rest,
      ...(account_subcategories === undefined ? {} : { account_subcategories: [...account_subcategories] }),
      ...countryFilter(country, countries, apiVersion),
    };
  }
  if (params.limits !== undefined) out.limits = { accounts: params.limits.accounts };
  if (params.prefetch !== undefined) out.prefetch = [...params.prefetch];
  if (params.return_url !== undefined) out.return_url = params.return_url;
  return out;
}

/**
 * The `sessions.create` parameters for a grant: its holder (when it names one), `permissions`,
 * `relink_options`, and the optional parameters, the grant's over the handler's, in the form
 * `apiVersion` defines. Throws a TypeError for parameters that version cannot carry.
 */
export function createParams(
  grant: RelinkGrant,
  account: string | null,
  permissions: readonly RelinkPermission[],
  sessionParams: RelinkSessionParams = {},
  apiVersion: string = DEFAULT_RELINK_API_VERSION,
): RelinkSessionCreateParams {
  const holder = holderParam(grant);
  return {
    ...passThrough({ ...sessionParams, ...grant.sessionParams }, apiVersion),
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
