import type { RelinkErrorCode, RelinkErrorDetail, RelinkStage } from './types.js';
import { redact } from './internal/redact.js';

/**
 * Every error code, with the stage it belongs to and whether a new attempt may succeed.
 * `session_http_error` and `stripe_error` decide retryability per error; the value here is
 * their default.
 */
export const RELINK_ERRORS: Readonly<
  Record<RelinkErrorCode, Readonly<{ stage: RelinkStage; retryable: boolean }>>
> = Object.freeze({
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
});

/** The closed set of error codes, in the order of an attempt's stages. */
export const RELINK_ERROR_CODES: readonly RelinkErrorCode[] = /* @__PURE__ */ Object.freeze(
  Object.keys(RELINK_ERRORS) as RelinkErrorCode[],
);

/** Builds a frozen error detail; the message is scrubbed of anything secret. */
export function relinkError(
  code: RelinkErrorCode,
  message: string,
  extra: Partial<Omit<RelinkErrorDetail, 'code' | 'message'>> = {},
): RelinkErrorDetail {
  const { stage, retryable } = RELINK_ERRORS[code];
  return Object.freeze({ code, message: redact(message), retryable, stage, ...extra });
}
