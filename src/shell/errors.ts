// The closed set of error codes, public and shared by the element and its attempt half.
import type { RelinkErrorCode, RelinkErrorDetail, RelinkStage } from './types.js';

/**
 * Every error code, with the stage it belongs to and whether a new attempt may succeed.
 * `session_http_error` and `stripe_error` decide retryability per error; the value here is
 * their default. In the order of an attempt's stages.
 */
export const RELINK_ERRORS = /* @__PURE__ */ Object.freeze({
  invalid_config: { stage: 'config', retryable: false },
  invalid_publishable_key: { stage: 'config', retryable: false },
  session_request_failed: { stage: 'session', retryable: true },
  session_http_error: { stage: 'session', retryable: false },
  invalid_session_response: { stage: 'session', retryable: false },
  session_mismatch: { stage: 'session', retryable: false },
  stripe_load_failed: { stage: 'stripe', retryable: true },
  stripe_error: { stage: 'stripe', retryable: false },
  account_mismatch: { stage: 'result', retryable: false },
  livemode_mismatch: { stage: 'result', retryable: false },
  verification_failed: { stage: 'verify', retryable: true },
} as const satisfies Record<RelinkErrorCode, { stage: RelinkStage; retryable: boolean }>);

/** The closed set of error codes, in the order of an attempt's stages. */
export const RELINK_ERROR_CODES: readonly RelinkErrorCode[] = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ Object.keys(RELINK_ERRORS) as RelinkErrorCode[],
);

/** What may be set on an error detail besides its code and message. */
export type RelinkErrorExtra = Partial<Omit<RelinkErrorDetail, 'code' | 'message'>>;

/** A frozen error detail: the code's stage and retryability from the table, unless `extra` says otherwise. */
export function errorDetail(code: RelinkErrorCode, message: string, extra: RelinkErrorExtra = {}): RelinkErrorDetail {
  return Object.freeze({ code, message, ...RELINK_ERRORS[code], ...extra });
}
