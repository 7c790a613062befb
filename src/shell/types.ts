import type { FinancialConnectionsSession, FinancialConnectionsSessionResult } from '@stripe/stripe-js';
import type { RelinkSessionResponse, RelinkVerifyResponse } from '../common/wire.js';

export type * from '../common/wire.js';

/**
 * Which accounts the customer may relink, decided by the session:
 * `same_account` when `relink_options.account` is set, `any_account` otherwise.
 */
export type RelinkMode = 'same_account' | 'any_account';

/** The element's single state, reflected as the `state` attribute. */
export type RelinkState = 'idle' | 'loading' | 'open' | 'verifying' | 'success' | 'cancel' | 'error';

/** fetch credentials mode of the endpoint request. */
export type RelinkCredentials = 'same-origin' | 'include' | 'omit';

/**
 * When Stripe.js is loaded: `intent` (the default) when the pointer enters, focus arrives or a
 * touch starts on the element; `visible` when it enters the viewport; `eager` when it is
 * connected; `none` on the first attempt.
 */
export type RelinkPreload = 'none' | 'intent' | 'visible' | 'eager';

/**
 * How the customer relinks: `embedded` (Stripe's flow over the page, through Stripe.js) or
 * `hosted` (the tab goes to Stripe's hosted page and comes back).
 */
export type RelinkUi = 'embedded' | 'hosted';

/**
 * Why the customer is asked to reconnect, shown in `idle`: the connection stopped working, it
 * expires (on `due`), or new data permissions are needed (by `due`).
 */
export type RelinkReason = 'inactive' | 'expiring' | 'permissions';

/** Where in an attempt an error happened. */
export type RelinkStage = 'config' | 'session' | 'stripe' | 'result' | 'verify';

/** @deprecated Renamed {@link RelinkSessionResponse}, the name fc-relink/server uses for the same JSON. */
export type RelinkSessionConfig = RelinkSessionResponse;

/** The argument of the `fetchSession` property. */
export interface FetchSessionRequest {
  /** The element's `account`, or `null`. */
  account: string | null;
  /** The attempt's id, as the built-in request sends it (`attempt`). */
  attempt: string;
  /** Aborted when the attempt times out or the element leaves the page. */
  signal: AbortSignal;
}

/** Replaces the built-in endpoint request. */
export type FetchSession = (request: FetchSessionRequest) => Promise<RelinkSessionResponse>;

/** The argument of the `verifySession` property. */
export interface VerifySessionRequest {
  /** The `fcsess_…` of the session Stripe's flow just completed. */
  sessionId: string;
  /** The attempt's id, as the built-in request sends it (`attempt`). */
  attempt: string;
  /** Aborted when the check times out. */
  signal: AbortSignal;
}

/** @deprecated Renamed {@link RelinkVerifyResponse}, the name fc-relink/server uses for the same JSON. */
export type RelinkVerification = RelinkVerifyResponse;

/** Replaces the built-in verify request. */
export type VerifySession = (request: VerifySessionRequest) => Promise<RelinkVerifyResponse>;

/**
 * A Financial Connections account as Stripe.js returned it: the fields Stripe.js documents
 * (`id`, `display_name`, `institution_name`, `last4`, `livemode`, `status`, `permissions`,
 * `balance`…), copied as plain data with every string scrubbed of secrets. Anything else
 * Stripe.js sent is left out.
 */
export type RelinkAccount = FinancialConnectionsSession.Account;

/** The part of a Stripe.js instance the element uses. A real `Stripe` instance fits. */
export interface StripeLike {
  collectFinancialConnectionsAccounts(options: { clientSecret: string }): Promise<FinancialConnectionsSessionResult>;
}

/** The Stripe.js error reported on `stripe_error`. */
export interface RelinkStripeError {
  type: string;
  code?: string;
  message?: string;
}

/** The closed set of error codes. */
export type RelinkErrorCode =
  | 'invalid_config'
  | 'invalid_publishable_key'
  | 'session_request_failed'
  | 'session_http_error'
  | 'invalid_session_response'
  | 'session_mismatch'
  | 'stripe_load_failed'
  | 'stripe_error'
  | 'account_mismatch'
  | 'livemode_mismatch'
  | 'verification_failed';

/** Detail of `fc-relink-error`, and `error` of an error outcome. */
export interface RelinkErrorDetail {
  code: RelinkErrorCode;
  /** Says what was expected and what happened; never contains a secret or the key. */
  message: string;
  /** Whether a new attempt (with a new session) may succeed. */
  retryable: boolean;
  stage: RelinkStage;
  /** The endpoint's HTTP status, where there is one. */
  status?: number;
  /** Set on `stripe_error`. */
  stripeError?: RelinkStripeError;
  /** On `account_mismatch`, `livemode_mismatch` and `verification_failed`: the ids of the accounts Stripe.js returned. */
  accounts?: readonly string[];
  /** The attempt's id, on every error an attempt reports (a `relink()` while `disabled` starts none). */
  attemptId?: string;
}

export interface RelinkSuccess {
  status: 'success';
  mode: RelinkMode;
  sessionId: string;
  accounts: readonly RelinkAccount[];
  /** The attempt's id (the same as its events'). */
  attemptId: string;
}

export interface RelinkCancel {
  status: 'cancel';
  /** `null` when the attempt ended before a session was obtained. */
  mode: RelinkMode | null;
  sessionId: string | null;
  attemptId: string;
}

export interface RelinkFailure {
  status: 'error';
  error: RelinkErrorDetail;
}

/** What `relink()` resolves with; matches the attempt's terminal event. */
export type RelinkOutcome = RelinkSuccess | RelinkCancel | RelinkFailure;
