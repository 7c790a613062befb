// Getting an element ready for its first attempt before the click: the attempt half and
// Stripe.js are fetched as `preload` says, and with `prefetch` the session is asked for too.
import type { PropertyValues, ReactiveController, ReactiveControllerHost } from 'lit';
import { attemptHalf, hostedHalf, type AttemptHalf } from './lazy-part.js';
import { languageOf } from './localize.js';
import type { AttemptHost } from '../attempt/index.js';
import type { RelinkPreload } from './types.js';

const PRELOADS: readonly RelinkPreload[] = ['none', 'intent', 'visible', 'eager'];

// What decides whether and which Stripe.js `preload` loads.
const INPUTS = ['preload', 'publishableKey', 'stripeAccount', 'stripe'] as const;

/** The element, as the warm-up reads it. */
type WarmUpHost = ReactiveControllerHost & AttemptHost & { readonly ui: string };

/** `preload`, with an unknown value meaning the default, as an invalid enumerated HTML attribute does. */
export const preloadOf = (value: RelinkPreload): RelinkPreload => (PRELOADS.includes(value) ? value : 'intent');

export class WarmUpController implements ReactiveController {
  readonly #host: WarmUpHost;
  #observer: IntersectionObserver | undefined;
  /** Set while the element moves focus itself: that is not the customer showing intent. */
  #unprompted = false;
  /**
   * Set when an attempt ends: Stripe's window covered the page, and when it goes the pointer is
   * over the button again without having moved. That first entry is not the customer asking again.
   */
  #pointerReturns = false;
  /** Between the pointer entering the button and leaving it. */
  #pointerOver = false;

  constructor(host: WarmUpHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#apply();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }

  /** The element's properties changed: `preload` applies anew if what it loads may have. */
  changed(properties: PropertyValues): void {
    if (INPUTS.some((name) => properties.has(name))) this.#apply();
  }

  /** Applies `preload`: `eager` loads now, `visible` once the element is in view. */
  #apply(): void {
    this.#observer?.disconnect();
    const host = this.#host;
    if (!host.isConnected) return;
    const preload = preloadOf(host.preload);
    if (preload === 'eager') this.#warm();
    if (preload !== 'visible' || typeof IntersectionObserver !== 'function') return;
    this.#observer = new IntersectionObserver((entries, observer) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      this.#warm();
    });
    this.#observer.observe(host);
  }

  /** An attempt ended; see `#pointerReturns`. */
  attemptEnded(): void {
    this.#pointerReturns = true;
  }

  /** Runs `move` (the element moving focus itself) without it counting as intent. */
  unprompted(move: () => void): void {
    this.#unprompted = true;
    move();
    this.#unprompted = false;
  }

  /**
   * For the button's focusin, pointerenter, pointerleave and touchstart: intent is shown on the
   * button, not on the blank room the status line keeps.
   */
  readonly intent = (type: string): void => {
    const returning = this.#pointerReturns && type === 'pointerenter';
    if (type.startsWith('pointer')) this.#pointerReturns = false;
    // A mouse press focuses the button the pointer is over: that intent was shown on entering.
    const pressed = type === 'focusin' && this.#pointerOver;
    if (type.startsWith('pointer')) this.#pointerOver = type === 'pointerenter';
    const host = this.#host;
    if (returning || pressed || this.#unprompted || (preloadOf(host.preload) !== 'intent' && !host.prefetch)) return;
    this.#warm(type);
  };

  /**
   * Fetches the element's half and has it load Stripe.js; with `intent`, also hands it the
   * intent (for `prefetch`). A hosted element only needs its half.
   */
  #warm(intent?: string): void {
    if (this.#host.ui === 'hosted') {
      // A failure is left for the attempt that needs the half to report.
      hostedHalf.get().catch(() => {});
      return;
    }
    if (attemptHalf.loaded) this.#warmAttempt(attemptHalf.loaded, intent);
    else
      attemptHalf.get().then(
        (attempt) => this.#warmAttempt(attempt, intent),
        () => {},
      );
  }

  #warmAttempt(attempt: AttemptHalf, intent: string | undefined): void {
    const host = this.#host;
    if (!host.isConnected) return;
    if (intent === undefined || preloadOf(host.preload) === 'intent') attempt.preload(host, languageOf(host));
    if (intent !== undefined && host.prefetch) attempt.intent(host, intent);
  }
}
