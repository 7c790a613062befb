// The attempt half of fc-relink, loaded by the element through import() on the first sign that
// it will be used (intent, visibility or an attempt, as `preload` says), never at page load.
// What it exports is all the element and the hosted half use of it (see README.md here).
import { validateConfig, type AttemptHost } from './config.js';
import { prefetchDisconnected, prefetchIntent } from './prefetch.js';

export { prefetchedAttemptId } from './prefetch.js';
import { preloadStripe } from './stripe.js';

export { runAttempt, type AttemptHooks, type AttemptOutcome } from './run.js';
export type { AttemptHost } from './config.js';

// The hosted half's way in: it fetches this half through import(), as the element does, so
// that a bundler keeps each half in a chunk of its own.
export { given, invalidConfig, url, validateEndpoints } from './config.js';
export { ABORTED } from './deadline.js';
export { callEndpoint, type JsonAnswer } from './endpoint-call.js';
export { detailOf, fail, relinkError, withStatus } from './failure.js';
export { SESSION_CALL } from './session.js';
export { isObject } from './shapes.js';
export { isSessionId } from '../common/ids.js';
export { askServer, confirmed } from './verify.js';

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

/** The customer showed intent on the element's button, and `prefetch` is on. */
export const intent = prefetchIntent;

/** The element was disconnected: its prefetch, if it has one, is told. */
export const disconnected = prefetchDisconnected;
