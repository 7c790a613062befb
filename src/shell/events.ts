import type {
  RelinkAccount,
  RelinkErrorDetail,
  RelinkMode,
  RelinkState,
} from './types.js';

/** Detail of `fc-relink-start`, dispatched just before Stripe's flow opens. */
export interface FcRelinkStartDetail {
  mode: RelinkMode;
  /** The account the session is for (same-account), or `null` (any-account). */
  account: string | null;
  sessionId: string | null;
}

/** Detail of `fc-relink-success`. */
export interface FcRelinkSuccessDetail {
  mode: RelinkMode;
  sessionId: string;
  /** The accounts Stripe.js returned: their documented fields, strings scrubbed (see `RelinkAccount`). */
  accounts: readonly RelinkAccount[];
}

/** Detail of `fc-relink-cancel`: the customer left, or the element left the page first. */
export interface FcRelinkCancelDetail {
  mode: RelinkMode | null;
  sessionId: string | null;
}

/** Detail of `fc-relink-error`. */
export type FcRelinkErrorDetail = RelinkErrorDetail;

/** Detail of `fc-relink-statechange`. */
export interface FcRelinkStateChangeDetail {
  state: RelinkState;
  previous: RelinkState;
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
  target.dispatchEvent(
    new CustomEvent(type, { detail: Object.freeze({ ...detail }), bubbles: true, composed: true }),
  );
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
