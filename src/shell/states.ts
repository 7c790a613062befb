// The element's states: which are busy, what the customer reads in each, and how CSS sees them.
import type { RelinkText, RelinkTranslation } from './localize.js';
import type { RelinkErrorDetail, RelinkReason, RelinkState } from './types.js';

const BUSY: readonly RelinkState[] = ['loading', 'open', 'verifying'];

/** True while an attempt runs: the button starts nothing then. */
export const isBusy = (state: RelinkState): boolean => BUSY.includes(state);

const REASONS: Readonly<Record<RelinkReason, readonly [without: RelinkText, withDue: RelinkText]>> = {
  inactive: ['reasonInactive', 'reasonInactive'],
  expiring: ['reasonExpiring', 'reasonExpiringOn'],
  permissions: ['reasonPermissions', 'reasonPermissionsBy'],
};

// fc-relink's own checks after Stripe's window said the account is reconnected: the customer
// is never told then that reconnecting "isn't available".
const AFTER_STRIPE: readonly string[] = ['account_mismatch', 'livemode_mismatch', 'verification_failed'];

/**
 * What the customer reads about an error: never the developer's diagnosis (that is the error
 * event's `message`), but what happened to them and what they can do.
 */
function errorText(error: RelinkErrorDetail | null): RelinkText {
  if (error?.code === 'stripe_load_failed') return 'blocked';
  if (error?.code === 'session_http_error' && error.status === 401) return 'signedOut';
  if (error?.code === 'account_mismatch') return 'otherAccount';
  if (error && AFTER_STRIPE.includes(error.code) && error.stage !== 'session') return 'unconfirmed';
  return error?.retryable ? 'retry' : 'unavailable';
}

/** What the status line says besides the state: the element's `ui`, `reason` and `due`. */
interface StatusHost {
  readonly ui: string;
  readonly reason: RelinkReason | null;
  readonly due: string | null;
}

/** The customer's status line, in `texts`' language; `null` when there is nothing to say. */
export function statusLine(
  texts: RelinkTranslation,
  state: RelinkState,
  error: RelinkErrorDetail | null,
  host: StatusHost,
): string | null {
  if (state === 'idle') {
    const keys = host.reason && REASONS[host.reason];
    if (!keys) return null;
    const due = parseDue(host.due);
    if (!due) return texts[keys[0]];
    // A date alone is a calendar day, the same day everywhere; a date-time is shown where the customer is.
    const format = new Intl.DateTimeFormat(texts.$code, {
      dateStyle: 'long',
      ...(due.isDay ? { timeZone: 'UTC' } : {}),
    });
    return texts[keys[1]].replace('{date}', format.format(due.date));
  }
  if (state === 'open' && host.ui === 'hosted') return texts.redirecting;
  return texts[state === 'error' ? errorText(error) : state];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** `due` as an ISO 8601 date or date-time, or `null` when it is neither. */
function parseDue(value: string | null | undefined): { readonly date: Date; readonly isDay: boolean } | null {
  const text = value?.trim() ?? '';
  const isDay = DAY.test(text);
  if (!isDay && !DATE_TIME.test(text)) return null;
  const date = new Date(isDay ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(date.getTime())) return null;
  // A day that does not exist (February 30th) would roll over into another: not a date.
  return !isDay || date.toISOString().startsWith(text) ? { date, isDay } : null;
}

/** Shows `next` as the element's CSS custom state (`fc-relink:state(loading)`), where the browser has them. */
export function setCustomState(
  internals: ElementInternals,
  previous: RelinkState | undefined,
  next: RelinkState,
): void {
  const { states } = internals;
  if (!states) return;
  try {
    if (previous) states.delete(previous);
    states.add(next);
  } catch {
    // Engines that shipped custom states early take only `--`-prefixed names: the attribute serves there.
  }
}
