// Which linked accounts to offer a relink for, decided the way Stripe's hosted relink decides:
// inactive accounts Stripe can repair, active ones Stripe says will need it, and tokenized
// account numbers that stopped working or soon will.

/**
 * Why an account is (or is not) eligible for relink:
 *
 * | reason | eligible | when |
 * |---|---|---|
 * | `disconnected` | no | `status` is `disconnected`: the link was removed; link it anew instead. |
 * | `no_account_holder` | no | `account_holder` is null: a relink session needs the holder. |
 * | `inactive_relink_required` | yes | `inactive`, and `status_details.inactive.action` is `relink_required`. |
 * | `inactive_not_repairable` | no | `inactive` with action `none` (closed account, …): relinking cannot fix it. |
 * | `inactive_action_unknown` | yes | `inactive` without a known action (an API version without `status_details`): Stripe's hosted relink offers it too. |
 * | `relink_required_before_deactivation` | yes | `active`, but `status_details.active.action` is `relink_required`; `date` is the expected deactivation date. |
 * | `tokenized_account_number_deactivated` | yes | A tokenized account number has status `deactivated`. |
 * | `tokenized_account_number_expired` | yes | A tokenized account number has status `expired`, or its `expected_expiry_date` is not after `now` (`date`, when known). |
 * | `tokenized_account_number_expiring` | yes | A tokenized account number expires within 30 days of `now` (`date`). |
 * | `active` | no | Active, nothing to repair. |
 * | `unknown_status` | no | A `status` this version does not know. |
 *
 * @example
 * const labels: Record<RelinkEligibilityReason, string> = { disconnected: 'Disconnected', … };
 */
export type RelinkEligibilityReason =
  | 'disconnected'
  | 'no_account_holder'
  | 'inactive_relink_required'
  | 'inactive_not_repairable'
  | 'inactive_action_unknown'
  | 'relink_required_before_deactivation'
  | 'tokenized_account_number_deactivated'
  | 'tokenized_account_number_expired'
  | 'tokenized_account_number_expiring'
  | 'active'
  | 'unknown_status';

/**
 * The answer of {@link relinkEligibility}.
 *
 * @example
 * const { eligible, reason, date } = relinkEligibility(account);
 */
export interface RelinkEligibility {
  eligible: boolean;
  reason: RelinkEligibilityReason;
  /** Unix seconds: the deactivation or (expected) expiry date, for the reasons that have one. */
  date?: number;
}

/**
 * One entry of an account's `account_numbers`, as far as eligibility reads it.
 *
 * @example
 * const tan: RelinkEligibilityAccountNumber = { identifier_type: 'tokenized_account_number', status: 'transactable', expected_expiry_date: 1767225600 };
 */
export interface RelinkEligibilityAccountNumber {
  readonly identifier_type: string;
  /** `transactable`, `deactivated`, `pending` or `expired`. */
  readonly status: string;
  readonly expected_expiry_date?: number | null;
}

/**
 * The fields of a Financial Connections Account that eligibility reads. An `Account` from
 * either SDK (beta or GA, where the preview fields are absent) fits.
 *
 * @example
 * const account: RelinkEligibilityAccount = await stripe.financialConnections.accounts.retrieve('fca_123');
 */
export interface RelinkEligibilityAccount {
  /** `active`, `inactive` or `disconnected`. */
  readonly status: string;
  readonly account_holder?: { readonly type: string } | null;
  readonly status_details?: {
    readonly active?: {
      readonly action: string;
      readonly cause?: string;
      readonly expected_deactivation_date?: number | null;
    } | null;
    readonly inactive?: { readonly action: string; readonly cause?: string } | null;
  } | null;
  readonly account_numbers?: readonly RelinkEligibilityAccountNumber[] | null;
}

/** Stripe's hosted relink offers a relink this long before a tokenized number expires. */
const EXPIRY_WINDOW_SECONDS = 30 * 24 * 60 * 60;

function result(eligible: boolean, reason: RelinkEligibilityReason, date?: number | null): RelinkEligibility {
  return typeof date === 'number' ? { eligible, reason, date } : { eligible, reason };
}

function earliest(dates: readonly (number | null | undefined)[]): number | undefined {
  const known = dates.filter((d): d is number => typeof d === 'number');
  return known.length > 0 ? Math.min(...known) : undefined;
}

function tokenizedNumbers(numbers: readonly RelinkEligibilityAccountNumber[], now: number): RelinkEligibility | null {
  const tans = numbers.filter((n) => n.identifier_type === 'tokenized_account_number');
  if (tans.some((n) => n.status === 'deactivated')) return result(true, 'tokenized_account_number_deactivated');
  const expiry = (n: RelinkEligibilityAccountNumber): number | null => n.expected_expiry_date ?? null;
  const expired = tans.filter((n) => {
    const date = expiry(n);
    return n.status === 'expired' || (date !== null && date <= now);
  });
  if (expired.length > 0) return result(true, 'tokenized_account_number_expired', earliest(expired.map(expiry)));
  const expiring = earliest(tans.map(expiry).filter((date) => date !== null && date - now <= EXPIRY_WINDOW_SECONDS));
  return expiring === undefined ? null : result(true, 'tokenized_account_number_expiring', expiring);
}

/**
 * Whether a Financial Connections Account should be relinked, and why. Pure: it reads only
 * the account and `now`. Checked in this order: disconnected; no account holder; inactive
 * (`relink_required` → yes, `none` → no); active with `relink_required` (with its expected
 * deactivation date); tokenized account numbers deactivated, expired, or expiring within 30
 * days (inclusive); otherwise not eligible (`active`). See {@link RelinkEligibilityReason}.
 *
 * @param account A Financial Connections Account, retrieved on a preview API version to have
 *   `status_details` and `account_numbers`.
 * @param now Unix seconds, like Stripe's timestamps. Default: the current time.
 *
 * @example
 * import { relinkEligibility } from 'fc-relink/server';
 *
 * const account = await stripe.financialConnections.accounts.retrieve('fca_123', {}, { apiVersion: '2026-08-26.preview' });
 * const { eligible, reason, date } = relinkEligibility(account);
 * if (eligible) showRelinkBanner(reason, date && new Date(date * 1000));
 */
export function relinkEligibility(
  account: RelinkEligibilityAccount,
  now: number = Math.floor(Date.now() / 1000),
): RelinkEligibility {
  if (account.status === 'disconnected') return result(false, 'disconnected');
  if (account.account_holder === null || account.account_holder === undefined) return result(false, 'no_account_holder');
  if (account.status === 'inactive') {
    const action = account.status_details?.inactive?.action;
    if (action === 'relink_required') return result(true, 'inactive_relink_required');
    if (action === 'none') return result(false, 'inactive_not_repairable');
    return result(true, 'inactive_action_unknown');
  }
  if (account.status !== 'active') return result(false, 'unknown_status');
  const active = account.status_details?.active;
  if (active?.action === 'relink_required') {
    return result(true, 'relink_required_before_deactivation', active.expected_deactivation_date);
  }
  return tokenizedNumbers(account.account_numbers ?? [], now) ?? result(false, 'active');
}
