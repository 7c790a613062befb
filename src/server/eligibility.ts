// Whether to ask a customer to relink an account, for each way of asking: embedded API relink
// (Stripe lets it take any account) and Stripe's hosted relink (its own, narrower rules).
/**
 * Why an account is (or is not) eligible for relink:
 *
 * | reason | eligible | when |
 * |---|---|---|
 * | `disconnected` | no | `status` is `disconnected`: the link was removed; link it anew instead. |
 * | `no_account_holder` | no | Hosted only: `account_holder` is not a Customer or an Account, which Stripe's hosted relink needs. |
 * | `inactive_relink_required` | yes | `inactive`, and `status_details.inactive.action` is `relink_required`. |
 * | `inactive_not_repairable` | no | `inactive` with action `none` (closed account, …): relinking cannot fix it. |
 * | `inactive_action_unknown` | yes | `inactive` without a known action (an API version without `status_details`). |
 * | `relink_required_before_deactivation` | embedded only | `active`, but `status_details.active.action` is `relink_required`; `date` is the expected deactivation date. |
 * | `tokenized_account_number_deactivated` | embedded only | A tokenized account number has status `deactivated`. |
 * | `tokenized_account_number_expired` | yes | A tokenized account number has status `expired`, or its `expected_expiry_date` is not after `now` (`date`, when known). |
 * | `tokenized_account_number_expiring` | yes | A tokenized account number (not one still `pending`) expires within 30 days of `now` (`date`). |
 * | `active` | no | Active, nothing to repair. |
 * | `unknown_status` | no | A `status` this version does not know. |
 *
 * "embedded only": the account needs a relink, but Stripe's hosted relink does not take it
 * (`eligible: false` for `'hosted'`); relink it embedded, in your page.
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
  /**
   * When eligible: what `<fc-relink>` tells the customer, as its `reason` and `due` attributes
   * (`<fc-relink reason="expiring" due="2027-01-15">`). `due` is the date's UTC day.
   */
  prompt?: RelinkPrompt;
}

/**
 * Why the customer is asked, for the element: `inactive` (it stopped working) or `expiring`
 * (it will, on `due`). `permissions` is the element's too, but only your product knows which
 * permissions it needs: relinkEligibility never answers it.
 *
 * @example
 * const { prompt } = relinkEligibility(account);
 * if (prompt) html`<fc-relink reason=${prompt.reason} due=${prompt.due ?? ''}></fc-relink>`;
 */
export interface RelinkPrompt {
  reason: 'inactive' | 'expiring' | 'permissions';
  /** `YYYY-MM-DD`. */
  due?: string;
}

/**
 * One entry of an account's `account_numbers`, as far as eligibility reads it.
 *
 * @example
 * const tan: RelinkEligibilityAccountNumber = { identifier_type: 'tokenized_account_number', status: 'transactable', expected_expiry_date: 1767225600 };
 */
export interface RelinkEligibilityAccountNumber {
  readonly identifier_type: string;
  /**
   * `transactable` or `deactivated` in the preview specs (the pinned version's); `pending` and
   * `expired` were added in 2026-09-30.endive. Both branches are kept: an account read on a
   * newer version, or in an event rendered in the account's own version, carries them, and
   * dropping them would read an expired number as good for another 30 days.
   */
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

/**
 * How the customer is asked: `'embedded'`, Stripe's API relink in your page (what `<fc-relink>`
 * does by default), or `'hosted'`, Stripe's hosted relink page (a link you hand over, or an
 * email Stripe sends).
 *
 * @example
 * const way: RelinkWay = 'hosted';
 */
export type RelinkWay = 'embedded' | 'hosted';

/** Stripe's hosted relink offers a relink this long before a tokenized number expires. */
const EXPIRY_WINDOW_SECONDS = 30 * 24 * 60 * 60;

// What the customer reads for each eligible reason: it stopped working, or it will.
const PROMPTS: Partial<Record<RelinkEligibilityReason, RelinkPrompt['reason']>> = {
  inactive_relink_required: 'inactive',
  inactive_action_unknown: 'inactive',
  tokenized_account_number_deactivated: 'inactive',
  tokenized_account_number_expired: 'inactive',
  relink_required_before_deactivation: 'expiring',
  tokenized_account_number_expiring: 'expiring',
};

/** Unix seconds as the `YYYY-MM-DD` of their UTC day. */
const dayOf = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);

function result(eligible: boolean, reason: RelinkEligibilityReason, date?: number | null): RelinkEligibility {
  const answer: RelinkEligibility = typeof date === 'number' ? { eligible, reason, date } : { eligible, reason };
  const prompt = PROMPTS[reason];
  if (eligible && prompt) {
    // An account that stopped working has no day to meet; one that will stop has its day.
    answer.prompt =
      prompt === 'expiring' && typeof date === 'number' ? { reason: prompt, due: dayOf(date) } : { reason: prompt };
  }
  return answer;
}

function earliest(dates: readonly (number | null | undefined)[]): number | undefined {
  const known = dates.filter((d): d is number => typeof d === 'number');
  return known.length > 0 ? Math.min(...known) : undefined;
}

/** The account's tokenized numbers that are in use: one still `pending` is not expiring. */
function liveTans(account: RelinkEligibilityAccount): RelinkEligibilityAccountNumber[] {
  return (account.account_numbers ?? []).filter(
    (n) => n.identifier_type === 'tokenized_account_number' && n.status !== 'pending',
  );
}

const expiryOf = (n: RelinkEligibilityAccountNumber): number | null => n.expected_expiry_date ?? null;

/** A tokenized number expired, or expiring within 30 days of `now` (inclusive), or `null`. */
function expiringNumbers(tans: readonly RelinkEligibilityAccountNumber[], now: number): RelinkEligibility | null {
  const expired = tans.filter((n) => {
    const date = expiryOf(n);
    return n.status === 'expired' || (date !== null && date <= now);
  });
  if (expired.length > 0) return result(true, 'tokenized_account_number_expired', earliest(expired.map(expiryOf)));
  const expiring = earliest(tans.map(expiryOf).filter((date) => date !== null && date - now <= EXPIRY_WINDOW_SECONDS));
  return expiring === undefined ? null : result(true, 'tokenized_account_number_expiring', expiring);
}

/**
 * Whether to ask the customer to relink a Financial Connections Account, this way, and why.
 * Pure: it reads only the account and `now`.
 *
 * - `'embedded'` (default; API relink, which Stripe lets take any account, with or without an
 *   account holder): the account needs a relink. Checked in this order: disconnected (no);
 *   inactive (`relink_required` or no known action → yes, `none` → no); an active account
 *   Stripe asks to relink (with its expected deactivation date); a tokenized account number
 *   deactivated, expired, or expiring within 30 days (inclusive; a `pending` one does not count).
 * - `'hosted'` (Stripe's hosted rules): the account is inactive (and repairable) or a tokenized
 *   number expires within 30 days, and its holder is a Customer or an Account. Stripe also needs
 *   an email for that holder to send its own email; that is not on the account, so check it
 *   yourself before asking Stripe to email.
 *
 * See {@link RelinkEligibilityReason}.
 *
 * @param account A Financial Connections Account, retrieved on a preview API version to have
 *   `status_details` and `account_numbers`.
 * @param now Unix seconds, like Stripe's timestamps. Default: the current time.
 * @param way Default `'embedded'`.
 *
 * @example
 * import { relinkEligibility } from 'fc-relink/server';
 *
 * const account = await stripe.financialConnections.accounts.retrieve('fca_123', {}, { apiVersion: '2026-08-26.preview' });
 * const now = Math.floor(Date.now() / 1000);
 * if (relinkEligibility(account, now).eligible) showRelinkBanner();
 * if (relinkEligibility(account, now, 'hosted').eligible) await emailRelinkLink(account.id);
 */
export function relinkEligibility(
  account: RelinkEligibilityAccount,
  now: number = Math.floor(Date.now() / 1000),
  way: RelinkWay = 'embedded',
): RelinkEligibility {
  if (account.status === 'disconnected') return result(false, 'disconnected');
  const hosted = way === 'hosted';
  const holder = account.account_holder?.type;
  if (hosted && holder !== 'customer' && holder !== 'account') return result(false, 'no_account_holder');
  if (account.status === 'inactive') {
    const action = account.status_details?.inactive?.action;
    if (action === 'relink_required') return result(true, 'inactive_relink_required');
    if (action === 'none') return result(false, 'inactive_not_repairable');
    return result(true, 'inactive_action_unknown');
  }
  if (account.status !== 'active') return result(false, 'unknown_status');
  const tans = liveTans(account);
  const expiring = expiringNumbers(tans, now);
  // Stripe's hosted relink takes an active account only for its expiring tokenized number.
  if (hosted && expiring !== null) return expiring;
  const active = account.status_details?.active;
  if (active?.action === 'relink_required') {
    return result(!hosted, 'relink_required_before_deactivation', active.expected_deactivation_date);
  }
  if (tans.some((n) => n.status === 'deactivated')) return result(!hosted, 'tokenized_account_number_deactivated');
  return expiring ?? result(false, 'active');
}
