// What a hosted relink remembers while the tab is on Stripe's page: the session's id and the
// account, never a secret. In sessionStorage: it belongs to this tab, and survives the round trip.
import { isAttemptId, isSessionId, isStripeId } from '../common/ids.js';

/** The hosted relink this tab is waiting to hear back about. */
export interface HostedRecord {
  /** `fcsess_…` */
  readonly id: string;
  /** `fca_…`: hosted relink always repairs one known account. */
  readonly account: string;
  readonly mode: 'same_account';
  /** When the tab left for Stripe (ms since the epoch). */
  readonly at: number;
  /** The id of the attempt that left: the report on the way back carries it too. */
  readonly attempt: string;
}

const KEY = 'fc-relink:hosted';

/** sessionStorage, or null where the page may not use it (storage disabled, a sandboxed frame). */
function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * How long a record is worth asking about: Stripe's hosted relink links expire after 30 days
 * if not visited; an older record is dropped without a request.
 */
export const HOSTED_RECORD_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export function saveRecord(record: HostedRecord): void {
  storage()?.setItem(KEY, JSON.stringify(record));
}

/** Forgets the record, whatever it was. */
export function forgetRecord(): void {
  storage()?.removeItem(KEY);
}

/**
 * Reads the record and forgets it, so that it is reported once only (a reload reports nothing);
 * `null` if there is none, it is not for `account` (when given), it is malformed or too old.
 */
export function claimRecord(account: string | null, now = Date.now()): HostedRecord | null {
  const text = storage()?.getItem(KEY);
  if (text == null) return null;
  let record: Partial<HostedRecord> | null = null;
  try {
    record = JSON.parse(text) as Partial<HostedRecord>;
  } catch {
    // Not ours, or from a version that wrote something else: forgotten below.
  }
  if (record && account !== null && record.account !== account) return null;
  forgetRecord();
  const { id, account: recorded, at, attempt } = record ?? {};
  const valid = isSessionId(id) && isStripeId(recorded, 'fca_') && typeof at === 'number' && isAttemptId(attempt);
  return valid && now - at <= HOSTED_RECORD_MAX_AGE_MS && now >= at
    ? { id, account: recorded, mode: 'same_account', at, attempt }
    : null;
}
