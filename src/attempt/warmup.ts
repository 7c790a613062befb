import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RelinkPreload } from '../types.js';
import { validateConfig, type AttemptConfig, type AttemptInput, type ValidSession } from './config.js';
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
  session: Promise<ValidSession>;
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
function askedFor({ sessionUrl, account, credentials, headers }: AttemptConfig): string {
  return JSON.stringify([sessionUrl, account, credentials, headers]);
}

/** The configuration as it stands, or null while it is invalid (the attempt will say why). */
function configOf(host: AttemptInput): AttemptConfig | null {
  try {
    return validateConfig(host);
  } catch {
    return null;
  }
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
  #observer: IntersectionObserver | undefined;
  #prefetched: Prefetched | null = null;
  #dwell: ReturnType<typeof setTimeout> | undefined;
  #muted = false;

  /**
   * For the button's focusin, pointerenter, pointerleave and touchstart: intent is shown on the
   * button, not on the blank room the status line keeps.
   */
  readonly intent = { handleEvent: ({ type }: Event) => this.#onIntent(type), passive: true };

  constructor(host: WarmupHost, idle: () => boolean) {
    this.#host = host;
    this.#idle = idle;
    host.addController(this);
  }

  hostConnected(): void {
    this.preloadChanged();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    clearTimeout(this.#dwell);
    // A move disconnects and reconnects in one task; only a real removal throws the session away.
    setTimeout(() => this.#host.isConnected || this.#drop(), 0);
  }

  /**
   * Applies the current `preload` (and key): `eager` loads now, `visible` once in the viewport.
   * Call again when `preload`, the key or the `stripe` property changes.
   */
  preloadChanged(): void {
    this.#observer?.disconnect();
    if (!this.#host.isConnected) return;
    const preload = preloadOf(this.#host);
    if (preload === 'eager') this.#loadStripe();
    else if (preload === 'visible' && typeof IntersectionObserver === 'function') {
      (this.#observer = new IntersectionObserver((entries, observer) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          this.#loadStripe();
        }
      })).observe(this.#host);
    }
  }

  /**
   * Hands the prefetched session to the attempt about to run with `config`, if it was asked for
   * with the same configuration; once only. The attempt aborts it through `signal`. A prefetch
   * still in flight is handed over as it is: its own `session-timeout` started before the click,
   * so the attempt still ends within `session-timeout` of the click.
   */
  take(config: AttemptConfig, signal: AbortSignal): Promise<ValidSession> | null {
    // A click before the dwell is over: this attempt asks itself, and nothing is prefetched after it.
    clearTimeout(this.#dwell);
    const taken = this.#prefetched;
    if (taken?.asked !== askedFor(config) || taken.fetchSession !== config.fetchSession) {
      this.#drop();
      return null;
    }
    this.#prefetched = null;
    clearTimeout(taken.timer);
    signal.addEventListener('abort', () => taken.controller.abort());
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
    if (entry && entry === this.#prefetched) {
      this.#prefetched = null;
      clearTimeout(entry.timer);
      entry.controller.abort();
    }
  }

  #onIntent(type: string): void {
    if (this.#muted) return;
    clearTimeout(this.#dwell);
    if (type === 'pointerleave') return;
    if (preloadOf(this.#host) === 'intent') this.#loadStripe();
    if (!this.#host.prefetch) return;
    if (type === 'pointerenter') this.#dwell = setTimeout(() => this.#prefetch(), PREFETCH_DWELL_MS);
    else this.#prefetch();
  }

  #loadStripe(): void {
    const config = configOf(this.#host);
    // An invalid configuration is reported by the attempt, not here; a given instance needs no load.
    if (config?.publishableKey && !config.stripe) preloadStripe(config.publishableKey, config.stripeAccount);
  }

  #prefetch(): void {
    const config = !this.#prefetched && this.#idle() && configOf(this.#host);
    if (!config) return;
    const controller = new AbortController();
    const entry: Prefetched = {
      session: requestSession(config, controller.signal),
      controller,
      timer: setTimeout(() => this.#drop(entry), PREFETCH_FRESH_MS),
      asked: askedFor(config),
      fetchSession: config.fetchSession,
    };
    this.#prefetched = entry;
    // A prefetch that fails before the click is forgotten at once: the click asks afresh, with
    // its own full timeout, and no one ever sees the failure.
    entry.session.catch(() => this.#drop(entry));
  }
}
