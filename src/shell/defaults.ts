// Defaults the element starts with and the attempt falls back to when a value is removed.

/** Milliseconds to wait for the session endpoint (or `fetchSession`); the verify request gets the same. */
export const DEFAULT_SESSION_TIMEOUT = 15_000;

/** Milliseconds to wait for Stripe.js to load. */
export const DEFAULT_STRIPE_TIMEOUT = 20_000;
