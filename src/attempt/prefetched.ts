import type { AttemptConfig, AttemptHost } from './config.js';
import type { ValidSession } from './session.js';

/**
 * A session requested ahead of the click for one element. fc-relink's prefetch half (loaded
 * only where `prefetch` is on) makes these; an attempt takes what is there.
 */
export interface Prefetch {
  /**
   * The session asked for with exactly this configuration, if one is waiting (or still on its
   * way); handed out once. The attempt aborts it through `signal`.
   */
  take(config: AttemptConfig, signal: AbortSignal): Promise<ValidSession> | null;
  /** The element was disconnected: nothing more is prefetched for it, and its session is dropped unless it comes back. */
  disconnected(): void;
}

/** Each element's prefetch, once it has one. */
export const prefetches = new WeakMap<AttemptHost, Prefetch>();
