// The JSON that travels between <fc-relink> and the merchant's server: one set of types for
// the element, the testing kit and fc-relink/server, so that the three cannot drift apart.
// Type-only: nothing here ships.

/** A session's status, as Stripe reports it. Stripe may add more. */
export type RelinkSessionStatus = 'pending' | 'succeeded' | 'failed' | 'cancelled' | (string & Record<never, never>);

/** Why Stripe says a relink failed. Stripe may add more. */
export type RelinkFailureReason = 'no_authorization' | 'no_account' | 'other' | (string & Record<never, never>);

/** What the element POSTs to `session-url`: the account to relink, or `{}` for any account. */
export interface RelinkSessionRequest {
  /** `fca_…`; absent for an any-account session. */
  account?: string;
  /** The attempt's id (a UUID), the one in the element's events. */
  attempt?: string;
}

/**
 * What the session endpoint (or `fetchSession`) answers: a subset of Stripe's Financial
 * Connections Session. `createRelinkSessionHandler` answers every field.
 */
export interface RelinkSessionResponse {
  /** `fcsess_…`, reported in events as `sessionId`; required with `verify-url` or `verifySession`. */
  id?: string;
  /** `fcsess_…_secret_…`. Used for exactly one attempt, never stored or shown. */
  client_secret: string;
  relink_options: {
    /** `fcauth_…` */
    authorization: string;
    /** `fca_…` for a same-account session; `null` or absent for any-account. */
    account?: string | null;
  };
  livemode?: boolean;
}

/** What the element POSTs to `verify-url` once Stripe's flow has run. */
export interface RelinkVerifyRequest {
  /** `fcsess_…` */
  session: string;
  /** The element's `account`, or `null`. */
  account: string | null;
  /** The attempt's id (a UUID), the one in the element's events. */
  attempt?: string;
}

/**
 * What the verify endpoint (or `verifySession`) answers: the session's outcome as the server
 * read it back from Stripe.
 */
export interface RelinkVerifyResponse {
  /** `null` (or absent) if Stripe gave none. */
  status?: RelinkSessionStatus | null;
  /** `null` until Stripe reports one. */
  relink_result: {
    /** Set only when the relink succeeded. */
    authorization: string | null;
    /** Set only when a specific account was asked for and relinked. */
    account: string | null;
    failure_reason?: RelinkFailureReason | null;
  } | null;
}

/** How Stripe's hosted page reaches the customer: a URL for the page, or Stripe's email. */
export type RelinkHostedDelivery = 'url' | 'email';

/** What `<fc-relink ui="hosted">` POSTs to its `session-url`. */
export interface RelinkHostedRequest {
  /** `fca_…`: hosted relink always repairs one known account. */
  account: string;
  delivery?: RelinkHostedDelivery;
  /** The attempt's id (a UUID), the one in the element's events. */
  attempt?: string;
}

/** What the hosted endpoint answers: Stripe's page to send the tab to, or that Stripe emailed it. */
export type RelinkHostedResponse = { id: string; url: string } | { id: string; delivery: 'email' };

/** The body of every non-2xx answer of fc-relink/server. `message` is safe to show to the customer. */
export interface RelinkErrorBody {
  error: { message: string; type: string; code?: string };
}
