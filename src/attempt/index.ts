// The attempt half of fc-relink, loaded by the element through import() on the first sign that
// it will be used (intent, visibility or an attempt, as `preload` says), never at page load.
import { validateConfig, type AttemptHost } from './config.js';
import { prefetches } from './prefetched.js';
import { preloadStripe } from './stripe.js';

export { runAttempt, type AttemptHooks } from './run.js';
export type { AnswerSource, AttemptConfig, AttemptHost, EndpointConfig } from './config.js';
export type { ValidSession } from './session.js';

// What the prefetch and hosted halves build on.
export { invalid, url, validateConfig, validateEndpoints } from './config.js';
export { ABORTED } from './deadline.js';
export { callEndpoint, type CallNames, type JsonAnswer } from './endpoint-call.js';
export { detailOf, fail, relinkError } from './failure.js';
export { prefetches, type Prefetch } from './prefetched.js';
export { requestSession, SESSION_CALL } from './session.js';
export { isObject, isStripeId } from './shapes.js';

/**
 * Loads Stripe.js for the element's configuration and language, ahead of its first attempt. An
 * invalid configuration loads nothing: the attempt will say what is wrong.
 */
export function preload(host: AttemptHost, language: string): void {
  try {
    preloadStripe(validateConfig(host), language);
  } catch {
    // Reported by the attempt.
  }
}

/** The element was disconnected: its prefetch, if it has one, is told. */
export function disconnected(host: AttemptHost): void {
  prefetches.get(host)?.disconnected();
}
