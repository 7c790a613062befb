// How the steps of an attempt end it with an error.
import { redact } from '../common/redact.js';
import { errorDetail, type RelinkErrorExtra } from '../shell/errors.js';
import type { RelinkErrorCode, RelinkErrorDetail } from '../shell/types.js';

/** Builds a frozen error detail; the message is scrubbed of anything secret. */
export function relinkError(code: RelinkErrorCode, message: string, extra?: RelinkErrorExtra): RelinkErrorDetail {
  return errorDetail(code, redact(message), extra);
}

/**
 * What a step of an attempt throws to end it with an error; the attempt reports its `detail`.
 * Anything else thrown inside an attempt is a failure nobody planned for.
 */
export class AttemptError extends Error {
  readonly detail: RelinkErrorDetail;

  constructor(detail: RelinkErrorDetail) {
    super(detail.message);
    this.detail = detail;
  }
}

/** Ends the current step of an attempt with this error. */
export function fail(code: RelinkErrorCode, message: string, extra?: RelinkErrorExtra): never {
  throw new AttemptError(relinkError(code, message, extra));
}

/** The HTTP status an answer came with, for an error detail: nothing when there was none. */
export function withStatus(status: number | undefined): RelinkErrorExtra {
  return status === undefined ? {} : { status };
}

/**
 * Describes a thrown or rejected value for a message. What Stripe.js (or a stand-in for it)
 * rejects with is untrusted: its `message` may be a getter that throws, and the attempt must
 * still end with its one outcome.
 */
export function messageOf(error: unknown): string {
  try {
    return String(error instanceof Error ? error.message : error);
  } catch {
    return 'an unreadable error';
  }
}

/**
 * The error detail an attempt reports for what it caught: the one a step threw on purpose, or,
 * for anything else (a bug, ours or a hook's), `unexpected` with what was thrown.
 */
export function detailOf(error: unknown, unexpected: RelinkErrorCode): RelinkErrorDetail {
  return error instanceof AttemptError
    ? error.detail
    : relinkError(unexpected, `Unexpected failure: ${messageOf(error)}`);
}
