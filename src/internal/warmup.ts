import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RelinkPreload } from '../types.js';
import { validateConfig, type AttemptConfig, type AttemptInput, type ValidSession } from './config.js';
import type { Step } from './json-call.js';
import { requestSession } from './session-request.js';
import { preloadStripe } from './stripe.js';

/** How long a prefetched session may wait for the click before it is thrown away unused. */
export const PREFETCH_FRESH_MS = 30_000;

/**
 * How long the pointer must rest on the button before a session is prefetched: a pointer that
 * merely crosses it on its way elsewhere creates no session. Focus and touch count at once.
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
  /** What the session was asked for with; an attempt with another configuration cannot use it. */
  asked: string;
  fetchSession: unknown;
}

const PRELOADS: readonly string[] = ['none', 'intent', 'visible', 'eager'];

/** An unknown value means the default, as an invalid enumerated HTML attribute does. */
function preloadOf(host: WarmupHost): RelinkPreload {
  return PRELOADS.includes(host.preload) ? host.preload : 'intent';
}

/** Everything that goes into the session request, by value (a new but equal object is equal). */
function askedFor(config: AttemptConfig): string {
  const { source, account, credentials, headers } = config;
  return JSON.stringify([source.kind === 'endpoint' ? source.url : null, account, credentials, headers]);
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

  /**
   * For the button's pointerenter, pointerleave and touchstart: intent is shown on the button,
   * not on the blank room the status line keeps. (Focus is heard on the host.)
   */
  readonly intent = { handleEvent: (event: Event) => this.#onIntent(event), passive: true };

  constructor(host: WarmupHost, idle: () => boolean) {
    this.#host = host;
    this.#idle = idle;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('focusin', this.intent);
    this.preloadChanged();
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('focusin', this.intent);
    this.#unobserve();
    clearTimeout(this.#dwell);
    // A move disconnects and reconnects in one task; only a real removal throws the session away.
    setTimeout(() => {
      if (!this.#host.isConnected) this.#drop();
    }, 0);
  }

  /**
   * Applies the current `preload` (and key): `eager` loads now, `visible` once in the viewport.
   * Call again when `preload`, the key or the `stripe` property changes.
   */
  preloadChanged(): void {
    this.#unobserve();
    if (!this.#host.isConnected) return;
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
   * Hands the prefetched session to the attempt about to run with `config`, if it was asked for
   * with the same configuration; once only. The attempt aborts it through `signal`. A prefetch
   * still in flight is handed over as it is: its own `session-timeout` started before the click,
   * so the attempt still ends within `session-timeout` of the click.
   */
  take(config: AttemptConfig, signal: AbortSignal): Promise<Step<ValidSession>> | null {
    // A click before the dwell is over: this attempt asks itself, and nothing is prefetched after it.
    clearTimeout(this.#dwell);
    const taken = this.#prefetched;
    if (taken === null) return null;
    this.#prefetched = null;
    clearTimeout(taken.timer);
    const fetchSession = config.source.kind === 'function' ? config.source.fetchSession : null;
    if (taken.asked !== askedFor(config) || taken.fetchSession !== fetchSession) {
      taken.controller.abort();
      return null;
    }
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

  /** Throws away the prefetched session (element removed, stale, or failed). */
  #drop(entry = this.#prefetched): void {
    if (entry === null || entry !== this.#prefetched) return;
    this.#prefetched = null;
    clearTimeout(entry.timer);
    entry.controller.abort();
  }

  #unobserve(): void {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  #onIntent(event: Event): void {
    if (this.#muted) return;
    clearTimeout(this.#dwell);
    if (event.type === 'pointerleave') return;
    if (preloadOf(this.#host) === 'intent') this.#loadStripe();
    if (!this.#host.prefetch) return;
    if (event.type === 'pointerenter') this.#dwell = setTimeout(() => this.#prefetch(), PREFETCH_DWELL_MS);
    else this.#prefetch();
  }

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
    const config = checked.value;
    const controller = new AbortController();
    const entry: Prefetched = {
      session: requestSession(config, controller.signal),
      controller,
      timer: setTimeout(() => this.#drop(entry), PREFETCH_FRESH_MS),
      asked: askedFor(config),
      fetchSession: config.source.kind === 'function' ? config.source.fetchSession : null,
    };
    this.#prefetched = entry;
    // A prefetch that fails before the click is forgotten at once: the click asks afresh, with
    // its own full timeout, and no one ever sees the failure.
    void entry.session.then((step) => {
      if (step.kind !== 'ok') this.#drop(entry);
    });
  }
}
