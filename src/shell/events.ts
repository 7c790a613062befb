import type { AttemptOutcome } from '../attempt/index.js';
import type { RelinkAccount, RelinkErrorDetail, RelinkMode, RelinkOutcome, RelinkState } from './types.js';

/** Detail of `fc-relink-start`, dispatched just before Stripe's flow opens. */
export interface FcRelinkStartDetail {
  mode: RelinkMode;
  /** The account the session is for (same-account), or `null` (any-account). */
  account: string | null;
  sessionId: string | null;
  /** The attempt's id: a random UUID, not a secret, also sent to your endpoints as `attempt`. */
  attemptId: string;
}

/** Detail of `fc-relink-success`. */
export interface FcRelinkSuccessDetail {
  mode: RelinkMode;
  sessionId: string;
  /** The accounts Stripe.js returned: their documented fields, strings scrubbed (see `RelinkAccount`). */
  accounts: readonly RelinkAccount[];
  /** The attempt's id; with `elsewhere`, the id of the attempt that succeeded. */
  attemptId: string;
  /**
   * `true` when another element or tab of this origin relinked the same account: this element
   * ran no attempt, `sessionId` and `attemptId` are the other attempt's, `accounts` is empty.
   */
  elsewhere: boolean;
}

/** Detail of `fc-relink-cancel`: the customer left, or the element left the page first. */
export interface FcRelinkCancelDetail {
  mode: RelinkMode | null;
  sessionId: string | null;
  attemptId: string;
}

/** Detail of `fc-relink-error`: the error, with the attempt's id. */
export type FcRelinkErrorDetail = RelinkErrorDetail & { attemptId: string };

/** Detail of `fc-relink-statechange`. */
export interface FcRelinkStateChangeDetail {
  state: RelinkState;
  previous: RelinkState;
  /** The attempt the change belongs to; `null` for a change no attempt of this element made. */
  attemptId: string | null;
}

/** Every event the element dispatches, by name, with its detail. */
export interface FcRelinkEventDetailMap {
  'fc-relink-start': FcRelinkStartDetail;
  'fc-relink-success': FcRelinkSuccessDetail;
  'fc-relink-cancel': FcRelinkCancelDetail;
  'fc-relink-error': FcRelinkErrorDetail;
  'fc-relink-statechange': FcRelinkStateChangeDetail;
}

export type FcRelinkEventName = keyof FcRelinkEventDetailMap;
export type FcRelinkStartEvent = CustomEvent<FcRelinkStartDetail>;
export type FcRelinkSuccessEvent = CustomEvent<FcRelinkSuccessDetail>;
export type FcRelinkCancelEvent = CustomEvent<FcRelinkCancelDetail>;
export type FcRelinkErrorEvent = CustomEvent<FcRelinkErrorDetail>;
export type FcRelinkStateChangeEvent = CustomEvent<FcRelinkStateChangeDetail>;

/** The event names, for code that subscribes to all of them. */
export const FC_RELINK_EVENTS: readonly FcRelinkEventName[] = /* @__PURE__ */ Object.freeze([
  'fc-relink-start',
  'fc-relink-success',
  'fc-relink-cancel',
  'fc-relink-error',
  'fc-relink-statechange',
]);

/**
 * Dispatches one of the element's events: bubbling and composed so that a listener on the
 * document (or outside a shadow root the element sits in) hears it; the detail is frozen so
 * one listener cannot change what the next one sees.
 */
export function emit<K extends FcRelinkEventName>(
  target: EventTarget,
  type: K,
  detail: FcRelinkEventDetailMap[K],
): void {
  target.dispatchEvent(new CustomEvent(type, { detail: Object.freeze({ ...detail }), bubbles: true, composed: true }));
}

/** An attempt's outcome as `relink()` resolves with it: with the attempt's id. */
export function withAttemptId(outcome: AttemptOutcome, attemptId: string): RelinkOutcome {
  return outcome.status === 'error'
    ? { status: 'error', error: Object.freeze({ ...outcome.error, attemptId }) }
    : { ...outcome, attemptId };
}

/** Dispatches the terminal event of an attempt that ended with `outcome`. */
export function emitOutcome(target: EventTarget, outcome: RelinkOutcome, attemptId: string): void {
  if (outcome.status === 'error') {
    emit(target, 'fc-relink-error', { ...outcome.error, attemptId });
  } else if (outcome.status === 'cancel') {
    const { mode, sessionId } = outcome;
    emit(target, 'fc-relink-cancel', { mode, sessionId, attemptId });
  } else {
    const { mode, sessionId, accounts } = outcome;
    emit(target, 'fc-relink-success', { mode, sessionId, accounts, attemptId, elsewhere: false });
  }
}

declare global {
  interface HTMLElementEventMap {
    'fc-relink-start': FcRelinkStartEvent;
    'fc-relink-success': FcRelinkSuccessEvent;
    'fc-relink-cancel': FcRelinkCancelEvent;
    'fc-relink-error': FcRelinkErrorEvent;
    'fc-relink-statechange': FcRelinkStateChangeEvent;
  }
}
