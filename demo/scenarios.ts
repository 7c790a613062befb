import type { EndpointScenario, HostedEndpointScenario, VerifyScenario } from '../src/testing/index.js';

/** One thing QA can make happen, and what the page should report when it does. */
export interface Scenario {
  id: string;
  label: string;
  /** What to do once the element is clicked. */
  howTo: string;
  /** The terminal event (and code) the log should show. */
  expect: string;
  endpoint: EndpointScenario;
  /** Whether the element names the account to relink (same-account) or not (any-account). */
  sameAccount: boolean;
  /** The simulated flow lets the customer pick an account Stripe would not allow. */
  misbehave?: boolean;
  /** Stripe.js fails to load, as behind an ad blocker. */
  stripeBlocked?: boolean;
  /** Overrides the publishable key. */
  key?: string;
  /** Stripe's hosted page instead of the modal (`ui="hosted"`), and how its link behaves. */
  hosted?: HostedEndpointScenario;
  /** Shows the button that has Stripe email the customer a hosted relink link. */
  email?: boolean;
  /** Overrides the `account` attribute (when `sameAccount`). */
  account?: string;
  /** Sets `session-timeout` (ms). */
  sessionTimeout?: number;
  /** Sets `verify-url` on the embedded element too, and how the verify endpoint answers. */
  verify?: VerifyScenario;
  /** The default element sits in the merchant's own modal `<dialog>`, opened with showModal(). */
  dialog?: boolean;
}

// Built from parts so no secret-key-shaped literal sits in the source; it is not a real key.
export const PASTED_SECRET_KEY = ['sk', 'test', 'pasted'.padEnd(24, '0')].join('_');
export const DEMO_KEY = 'pk_test_fcRelinkDemoKey';
/** A live-mode key: the demo's endpoint answers with test-mode sessions. */
export const LIVE_KEY = 'pk_live_fcRelinkDemoKey';

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'same-account',
    label: 'Same account relinked',
    howTo: 'Agree, sign in, confirm the account, Done.',
    expect: 'fc-relink-success (same_account, 1 account)',
    endpoint: 'ok',
    sameAccount: true,
  },
  {
    id: 'different-account',
    label: 'Customer picks a different account',
    howTo: 'The flow misbehaves: untick Everyday Checking, tick High Yield Savings, reconnect.',
    expect: 'fc-relink-error account_mismatch',
    endpoint: 'ok',
    sameAccount: true,
    misbehave: true,
  },
  {
    id: 'any-account-one',
    label: 'Any account at the institution (one)',
    howTo: 'Keep one account ticked and reconnect.',
    expect: 'fc-relink-success (any_account, 1 account)',
    endpoint: 'ok',
    sameAccount: false,
  },
  {
    id: 'any-account-several',
    label: 'Any account at the institution (several)',
    howTo: 'Tick both accounts and reconnect.',
    expect: 'fc-relink-success (any_account, 2 accounts)',
    endpoint: 'ok',
    sameAccount: false,
  },
  {
    id: 'cancel',
    label: 'Customer closes the flow',
    howTo: 'Press Escape, or the × button, at any step.',
    expect: 'fc-relink-cancel',
    endpoint: 'ok',
    sameAccount: true,
  },
  {
    id: 'expired-session',
    label: 'Stripe error: expired session',
    howTo: 'Click the button; Stripe refuses the session.',
    expect: 'fc-relink-error stripe_error (retryable)',
    endpoint: 'expired',
    sameAccount: true,
  },
  {
    id: 'used-session',
    label: 'Stripe error: already-used session',
    howTo: 'Click the button; Stripe refuses the client secret.',
    expect: 'fc-relink-error stripe_error (retryable)',
    endpoint: 'used-session',
    sameAccount: true,
  },
  {
    id: 'endpoint-500',
    label: 'Endpoint answers 500',
    howTo: 'Click the button.',
    expect: 'fc-relink-error session_http_error 500 (retryable)',
    endpoint: 'server-error',
    sameAccount: true,
  },
  {
    id: 'endpoint-429',
    label: 'Endpoint answers 429',
    howTo: 'Click the button.',
    expect: 'fc-relink-error session_http_error 429 (retryable)',
    endpoint: 'rate-limited',
    sameAccount: true,
  },
  {
    id: 'endpoint-401',
    label: 'Endpoint answers 401 (signed out)',
    howTo: "Click the button; the customer's session on the merchant's site has ended.",
    expect: 'fc-relink-error session_http_error 401 (not retryable)',
    endpoint: 'signed-out',
    sameAccount: true,
  },
  {
    id: 'endpoint-403',
    label: 'Endpoint answers 403',
    howTo: 'Click the button; the account is not the signed-in customer’s.',
    expect: 'fc-relink-error session_http_error 403 (not retryable)',
    endpoint: 'forbidden',
    sameAccount: true,
  },
  {
    id: 'endpoint-404',
    label: 'Endpoint answers 404',
    howTo: 'Click the button; the endpoint is not where session-url points.',
    expect: 'fc-relink-error session_http_error 404 (not retryable)',
    endpoint: 'not-found',
    sameAccount: true,
  },
  {
    id: 'endpoint-slow',
    label: 'Endpoint is slow (4 s)',
    howTo: 'Click the button and watch the loading state; then complete the flow.',
    expect: 'fc-relink-success after about 4 s of loading',
    endpoint: 'slow',
    sameAccount: true,
  },
  {
    id: 'session-timeout',
    label: 'Endpoint slower than session-timeout',
    howTo: 'Click the button; the endpoint takes 4 s, the element waits 1.5 s (session-timeout="1500").',
    expect: 'fc-relink-error session_request_failed (retryable) after 1.5 s',
    endpoint: 'slow',
    sameAccount: true,
    sessionTimeout: 1500,
  },
  {
    id: 'endpoint-garbage',
    label: 'Endpoint returns garbage',
    howTo: 'Click the button.',
    expect: 'fc-relink-error invalid_session_response',
    endpoint: 'garbage',
    sameAccount: true,
  },
  {
    id: 'endpoint-down',
    label: 'Endpoint unreachable',
    howTo: 'Click the button.',
    expect: 'fc-relink-error session_request_failed (retryable)',
    endpoint: 'network-error',
    sameAccount: true,
  },
  {
    id: 'session-mismatch',
    label: 'Endpoint returns a session for another account',
    howTo: 'Click the button; Stripe never opens.',
    expect: 'fc-relink-error session_mismatch',
    endpoint: 'other-account',
    sameAccount: true,
  },
  {
    id: 'stripe-blocked',
    label: 'Stripe.js blocked',
    howTo: 'Click the button; Stripe.js cannot load (as behind an ad blocker).',
    expect: 'fc-relink-error stripe_load_failed (retryable)',
    endpoint: 'ok',
    sameAccount: true,
    stripeBlocked: true,
  },
  {
    id: 'secret-key',
    label: 'Secret key pasted into publishable-key',
    howTo: 'Click the button; nothing is sent anywhere.',
    expect: 'fc-relink-error invalid_publishable_key',
    endpoint: 'ok',
    sameAccount: true,
    key: PASTED_SECRET_KEY,
  },
  {
    id: 'invalid-config',
    label: 'A bank account id (ba_…) in account',
    howTo: 'Click the button; the element refuses its own configuration, nothing is sent.',
    expect: 'fc-relink-error invalid_config',
    endpoint: 'ok',
    sameAccount: true,
    account: 'ba_1PqRsTuVwXyZ0123',
  },
  {
    id: 'live-key',
    label: 'Live key, test-mode endpoint',
    howTo: 'Click the button; the session is in test mode, the key in live mode, and Stripe never opens.',
    expect: 'fc-relink-error livemode_mismatch',
    endpoint: 'ok',
    sameAccount: true,
    key: LIVE_KEY,
  },
  {
    id: 'verify-success',
    label: 'Checked by your server (verify-url): relinked',
    howTo: 'Agree, sign in, confirm the account, Done; the element asks your server before it reports.',
    expect: 'fc-relink-success (same_account, 1 account) after verifying',
    endpoint: 'ok',
    sameAccount: true,
    verify: 'ok',
  },
  {
    id: 'verify-failed',
    label: 'Checked by your server (verify-url): not confirmed',
    howTo: 'Agree, sign in, confirm the account, Done; your server finds no relink on record at Stripe.',
    expect: 'fc-relink-error verification_failed (retryable) after verifying',
    endpoint: 'ok',
    sameAccount: true,
    verify: 'unconfirmed',
  },
  {
    id: 'merchant-dialog',
    label: "Inside the merchant's dialog",
    howTo: "Open the merchant's dialog, click its button, and relink: Stripe's flow must open above the dialog.",
    expect: "fc-relink-success (same_account, 1 account); the merchant's dialog still open",
    endpoint: 'ok',
    sameAccount: true,
    dialog: true,
  },
  {
    id: 'hosted-success',
    label: 'Hosted page: relinked',
    howTo: "Click the button; the tab goes to Stripe's (simulated) hosted page. Choose Reconnect; you come back here.",
    expect: 'back here: fc-relink-success (same_account) after verifying',
    endpoint: 'ok',
    sameAccount: true,
    hosted: 'ok',
  },
  {
    id: 'hosted-cancel',
    label: 'Hosted page: customer cancels',
    howTo: 'Click the button; on the hosted page choose Cancel; you come back here.',
    expect: 'back here: fc-relink-cancel',
    endpoint: 'ok',
    sameAccount: true,
    hosted: 'ok',
  },
  {
    id: 'hosted-expired',
    label: 'Hosted page: the link has expired',
    howTo: 'Click the button; the hosted page says the link expired. Go back to the merchant.',
    expect: 'back here: fc-relink-error verification_failed (retryable)',
    endpoint: 'ok',
    sameAccount: true,
    hosted: 'expired-link',
  },
  {
    id: 'hosted-email',
    label: 'Stripe emails the link (48-hour limit)',
    howTo: 'Press "Email the customer a relink link" twice: Stripe sends one email per account every 48 hours.',
    expect: 'first: email sent; second: 429 relink_rate_limited',
    endpoint: 'ok',
    sameAccount: true,
    hosted: 'ok',
    email: true,
  },
];
