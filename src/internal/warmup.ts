import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RelinkPreload } from '../types.js';
import { validateConfig, type AttemptInput, type ValidSession } from './config.js';
import type { Step } from './json-call.js';
import { requestSession } from './session-request.js';
import { preloadStripe } from './stripe.js';

/** How long a prefetched session may wait for the click before it is thrown away unused. */
export const PREFETCH_FRESH_MS = 30_000;

/**
 * How long the pointer must rest on the element before a session is prefetched: a pointer that
 * merely crosses the button on its way elsewhere creates no session. Focus and touch count at once.
 */
export const PREFETCH_DWELL_MS = 100;

/** What the warm-up reads from its element, at the moment it acts. */
export interface WarmupHost extends ReactiveControllerHost, HTMLElement, AttemptInput {
  readonly preload: RelinkPreload;
  readonly prefetch: boolean;
}

interface Prefetched {
  session: Promise<Step<ValidSession>>;
  controller: AbortController;
  timer: ReturnType<typeof setTimeout>;
}

const INTENT = ['pointerenter', 'pointerleave', 'focusin', 'touchstart'] as const;
const PRELOADS: readonly string[] = ['none', 'intent', 'visible', 'eager'];

/** An unknown value means the default, as an invalid enumerated HTML attribute does. */
function preloadOf(host: WarmupHost): RelinkPreload {
  return PRELOADS.includes(host.preload) ? host.preload : 'intent';
}

/**
 * Does the slow parts of an attempt before the click: loads Stripe.js when the element is
 * about to be used (`preload`), and requests the session when the customer shows intent
 * (`prefetch`). Nothing it does is visible: no state, no event, no error; an attempt that
 * finds nothing ready simply does the work itself.
 */
export class Warmup implements ReactiveController {
  readonly #host: WarmupHost;
  /** False while the element is disabled or an attempt runs. */
  readonly #idle: () => boolean;
  #observer: IntersectionObserver | null = null;
  #prefetched: Prefetched | null = null;
  #dwell: ReturnType<typeof setTimeout> | undefined;
  #muted = false;

  constructor(host: WarmupHost, idle: () => boolean) {
    this.#host = host;
    this.#idle = idle;
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of INTENT) this.#host.addEventListener(type, this.#onIntent, { passive: true });
    this.preloadChanged();
  }

  hostDisconnected(): void {
    for (const type of INTENT) this.#host.removeEventListener(type, this.#onIntent);
    this.#unobserve();
    clearTimeout(this.#dwell);
    this.drop();
  }

  /** Applies the current `preload`: `eager` loads now, `visible` waits for the viewport. */
  preloadChanged(): void {
    this.#unobserve();
    const preload = preloadOf(this.#host);
    if (preload === 'eager') this.#loadStripe();
    else if (preload === 'visible' && typeof IntersectionObserver === 'function') {
      this.#observer = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          this.#unobserve();
          this.#loadStripe();
        }
      });
      this.#observer.observe(this.#host);
    }
  }

  /**
   * Hands the prefetched session, if still fresh, to exactly one attempt, which may abort it
   * through `signal`. Returns null when there is none.
   */
  take(signal: AbortSignal): Promise<Step<ValidSession>> | null {
    // A click before the dwell is over: this attempt asks itself, and nothing is prefetched after it.
    clearTimeout(this.#dwell);
    const taken = this.#prefetched;
    if (taken === null) return null;
    clearTimeout(taken.timer);
    this.#prefetched = null;
    signal.addEventListener('abort', () => taken.controller.abort(), { once: true });
    return taken.session;
  }

  /**
   * Runs `move` (which moves focus onto the element) without it counting as intent: focus the
   * element gives back after an attempt is not the customer asking for another one.
   */
  unprompted(move: () => void): void {
    this.#muted = true;
    try {
      move();
    } finally {
      this.#muted = false;
    }
  }

  /** Throws away the prefetched session (configuration changed, element removed, stale). */
  drop(): void {
    const dropped = this.#prefetched;
    if (dropped === null) return;
    this.#prefetched = null;
    clearTimeout(dropped.timer);
    dropped.controller.abort();
  }

  #unobserve(): void {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  #onIntent = (event: Event): void => {
    if (this.#muted) return;
    clearTimeout(this.#dwell);
    if (event.type === 'pointerleave') return;
    if (preloadOf(this.#host) === 'intent') this.#loadStripe();
    if (!this.#host.prefetch) return;
    if (event.type === 'pointerenter') this.#dwell = setTimeout(() => this.#prefetch(), PREFETCH_DWELL_MS);
    else this.#prefetch();
  };

  #loadStripe(): void {
    const checked = validateConfig(this.#host);
    // An invalid configuration is reported by the attempt, not here; a given instance needs no load.
    if (checked.ok && checked.value.stripe === null && checked.value.publishableKey !== null) {
      preloadStripe(checked.value.publishableKey, checked.value.stripeAccount);
    }
  }

  #prefetch(): void {
    if (this.#prefetched !== null || !this.#idle()) return;
    const checked = validateConfig(this.#host);
    if (!checked.ok) return;
    const controller = new AbortController();
    this.#prefetched = {
      session: requestSession(checked.value, controller.signal),
      controller,
      timer: setTimeout(() => this.drop(), PREFETCH_FRESH_MS),
    };
  }
}
