// Turning whatever a test meets into text for a report, without ever throwing: what Stripe.js or
// an endpoint hands the element may be hostile (a getter that throws, a cycle, a bigint), and a
// report that throws hides the failure it was about to describe. And the text a customer reads.
import type { RelinkErrorDetail } from '../../../src/index.js';
import en from '../../../src/translations/en.js';

/** A thrown or rejected value, as text. */
export function describeValue(value: unknown): string {
  try {
    return value instanceof Error ? `${value.name}: ${value.message}` : String(value);
  } catch {
    try {
      return Object.prototype.toString.call(value);
    } catch {
      return '[a value that throws when read]';
    }
  }
}

/** JSON for a report or a leak search: objects seen before and bigints marked, anything else as described. */
export function safeStringify(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    const json = JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === 'bigint') return `${v}n`;
      if (typeof v === 'object' && v !== null) {
        if (seen.has(v)) return '[seen above]';
        seen.add(v);
      }
      return v;
    });
    return json ?? describeValue(value);
  } catch {
    return describeValue(value);
  }
}

/**
 * What the customer reads in the status line after an attempt ended with this error, in English,
 * as the docs state it: a tailored text when Stripe could not be reached, "try again" for a
 * retryable error, "not available right now" for the others. Never the developer's message.
 */
export function customerTextOf(error: RelinkErrorDetail): string {
  if (error.code === 'stripe_load_failed') return en.blocked;
  if (error.code === 'session_http_error' && error.status === 401) return en.signedOut;
  if (error.code === 'account_mismatch') return en.otherAccount;
  const afterStripe = ['verification_failed', 'livemode_mismatch'].includes(error.code) && error.stage !== 'session';
  if (afterStripe) return en.unconfirmed;
  return error.retryable ? en.retry : en.unavailable;
}
