// The attempt half of fc-relink, loaded by the element through import() on the first sign that
// it will be used (intent, visibility or an attempt, as `preload` says), never at page load.
import type { AttemptHost } from './config.js';
import { warmupOf, existingWarmup } from './warmup.js';

export { runAttempt, type AttemptHooks } from './run.js';
export type { AttemptHost } from './config.js';

/** Loads Stripe.js for the element's configuration, ahead of its first attempt. */
export function preload(host: AttemptHost): void {
  warmupOf(host).preload();
}

/** The customer showed intent on the element's button (for `prefetch`). */
export function intent(host: AttemptHost, type: string): void {
  warmupOf(host).intent(type);
}

/**
 * The element was disconnected. A move disconnects and reconnects in one task; only a real
 * removal throws its prefetched session away.
 */
export function disconnected(host: AttemptHost): void {
  const warmup = existingWarmup(host);
  if (!warmup) return;
  warmup.disconnected();
  setTimeout(() => host.isConnected || warmup.drop(), 0);
}
