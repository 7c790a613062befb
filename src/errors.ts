import type { RelinkErrorCode, RelinkErrorDetail, RelinkStage } from './types.js';
import { redact } from './shared/redact.js';

const STAGES: readonly RelinkStage[] = ['config', 'session', 'stripe', 'result', 'verify'];

// Code, stage (its index in STAGES) and default retryability, one entry per code, in the order of
// an attempt's stages. Written compactly because every byte here ships on every merchant page.
const TABLE =
  'invalid_config 0 invalid_publishable_key 0 session_request_failed 1y session_http_error 1 ' +
  'invalid_session_response 1 session_mismatch 1 stripe_load_failed 2y stripe_error 2 ' +
  'account_mismatch 3 livemode_mismatch 3 verification_failed 4y';

/**
 * Every error code, with the stage it belongs to and whether a new attempt may succeed.
 * `session_http_error` and `stripe_error` decide retryability per error; the value here is
 * their default.
 */
export const RELINK_ERRORS: Readonly<
  Record<RelinkErrorCode, Readonly<{ stage: RelinkStage; retryable: boolean }>>
> = /* @__PURE__ */ (() => {
  const table: Record<string, { stage: RelinkStage; retryable: boolean }> = {};
  const words = TABLE.split(' ');
  for (let i = 0; i < words.length; i += 2) {
    const entry = words[i + 1] as string;
    table[words[i] as string] = { stage: STAGES[Number(entry[0])] as RelinkStage, retryable: entry.length > 1 };
  }
  return Object.freeze(table) as Record<RelinkErrorCode, { stage: RelinkStage; retryable: boolean }>;
})();

/** The closed set of error codes, in the order of an attempt's stages. */
export const RELINK_ERROR_CODES: readonly RelinkErrorCode[] = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ Object.keys(RELINK_ERRORS) as RelinkErrorCode[],
);

// The details this package made and has not yet reported, so that an attempt can tell an error
// it throws on purpose from an exception nobody expected (a bug, or a third party's), whatever
// either looks like. A reported detail is forgotten: a page holding one (from relink()) and
// throwing it back from a getter or a callback must not pass for one of ours.
const made = new WeakSet<object>();

/** Builds a frozen error detail; the message is scrubbed of anything secret. */
export function relinkError(
  code: RelinkErrorCode,
  message: string,
  extra: Partial<Omit<RelinkErrorDetail, 'code' | 'message'>> = {},
): RelinkErrorDetail {
  const { stage, retryable } = RELINK_ERRORS[code];
  const detail = Object.freeze({ code, message: redact(message), retryable, stage, ...extra });
  made.add(detail);
  return detail;
}

/** Ends the current step of an attempt with this error (thrown, and reported by the attempt). */
export function fail(
  code: RelinkErrorCode,
  message: string,
  extra?: Partial<Omit<RelinkErrorDetail, 'code' | 'message'>>,
): never {
  throw relinkError(code, message, extra);
}

/** True for an error detail built by relinkError and not yet reported (so: thrown on purpose). */
export const isRelinkError = (value: unknown): value is RelinkErrorDetail => made.has(value as object);

/** Marks a detail as reported (it leaves for the page), and returns it. */
export function reported(detail: RelinkErrorDetail): RelinkErrorDetail {
  made.delete(detail);
  return detail;
}

/**
 * Describes a thrown or rejected value for a message. Never throws itself: what a third party
 * (Stripe.js, a stand-in for it, fetchSession) rejects with may have a `message` getter or a
 * `toString` that throws, and the attempt must still end with its one outcome.
 */
export function messageOf(error: unknown): string {
  try {
    return String(error instanceof Error ? error.message : error);
  } catch {
    return 'an unreadable error';
  }
}
