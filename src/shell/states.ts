// The element's states: which are busy, what the customer reads in each, and how CSS sees them.
import type { RelinkText } from './localize.js';
import type { RelinkErrorDetail, RelinkState } from './types.js';

const BUSY: readonly RelinkState[] = ['loading', 'open', 'verifying'];

/** True while an attempt runs: the button starts nothing then. */
export const isBusy = (state: RelinkState): boolean => BUSY.includes(state);

/**
 * What the customer reads in a state: never the developer's diagnosis (that is the error
 * event's `message`). An error reads as one the customer can retry, or as one to ask about.
 */
export function statusText(state: RelinkState, error: RelinkErrorDetail | null, hosted: boolean): RelinkText | null {
  if (state === 'idle') return null;
  if (state === 'open' && hosted) return 'redirecting';
  if (state !== 'error') return state;
  if (error?.code === 'stripe_load_failed') return 'blocked';
  return error?.retryable ? 'retry' : 'unavailable';
}

/** Shows `next` as the element's CSS custom state (`fc-relink:state(loading)`), where the browser has them. */
export function setCustomState(internals: ElementInternals, previous: RelinkState | undefined, next: RelinkState): void {
  const { states } = internals;
  if (!states) return;
  try {
    if (previous) states.delete(previous);
    states.add(next);
  } catch {
    // Engines that shipped custom states early take only `--`-prefixed names: the attribute serves there.
  }
}
