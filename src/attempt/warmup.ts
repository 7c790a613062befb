import { validateConfig, type AttemptConfig, type AttemptHost } from './config.js';
import { requestSession, type ValidSession } from './session.js';
import { preloadStripe } from './stripe.js';

/** How long a prefetched session may wait for the click before it is thrown away unused. */
export const PREFETCH_FRESH_MS = 30_000;

/**
 * How long the pointer must rest on the button before a session is prefetched: a pointer that
 * merely crosses it on its way elsewhere creates no session. Focus and touch count at once.
 */
export const PREFETCH_DWELL_MS = 100;

interface Prefetched {
  readonly session: Promise<ValidSession>;
  readonly controller: AbortController;
  readonly timer: ReturnType<typeof setTimeout>;
  /** What the session was asked for with; an attempt with another configuration cannot use it. */
  readonly askedFor: string;
  readonly fetchSession: unknown;
}

/** Everything that goes into the session request, by value (a new but equal object is equal). */
function askedFor({ session, account, credentials, headers }: AttemptConfig): string {
  return JSON.stringify(['url' in session ? session.url : null, account, credentials, headers]);
}

const fetchSessionOf = ({ session }: AttemptConfig): unknown => ('call' in session ? session.call : null);

/** The configuration as it stands, or null while it is invalid (the attempt will say why). */
function configOf(host: AttemptHost): AttemptConfig | null {
  try {
    return validateConfig(host);
  } catch {
    return null;
  }
}

const BUSY: readonly string[] = ['loading', 'open', 'verifying'];

/**
 * The slow parts of an attempt done before the click, for one element: Stripe.js loaded when
 * the element is about to be used (`preload`), the session requested when the customer shows
 * intent (`prefetch`). Nothing it does is visible: no state, no event, no error; an attempt
 * that finds nothing ready simply does the work itself.
 */
class Warmup {
  readonly #host: AttemptHost;
  #prefetched: Prefetched | null = null;
  #dwell: ReturnType<typeof setTimeout> | undefined;

  constructor(host: AttemptHost) {
    this.#host = host;
  }

  /** Loads Stripe.js for the element's configuration; an invalid one is left to the attempt. */
  preload(): void {
    const config = configOf(this.#host);
    if (config) preloadStripe(config);
  }

  /**
   * Intent shown on the button (`focusin`, `pointerenter`, `pointerleave` or `touchstart`), for
   * `prefetch`: at once on focus or touch, after the dwell for the pointer.
   */
  intent(type: string): void {
    clearTimeout(this.#dwell);
    if (type === 'pointerleave' || !this.#host.prefetch) return;
    if (type === 'pointerenter') this.#dwell = setTimeout(() => this.#prefetch(), PREFETCH_DWELL_MS);
    else this.#prefetch();
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
    if (taken?.askedFor !== askedFor(config) || taken.fetchSession !== fetchSessionOf(config)) {
      this.drop();
      return null;
    }
    this.#prefetched = null;
    clearTimeout(taken.timer);
    signal.addEventListener('abort', () => taken.controller.abort());
    return taken.session;
  }

  /** The element left the page: nothing more is prefetched for it. */
  disconnected(): void {
    clearTimeout(this.#dwell);
  }

  /** Throws away the prefetched session (element removed, stale, or failed). */
  drop(entry = this.#prefetched): void {
    if (entry && entry === this.#prefetched) {
      this.#prefetched = null;
      clearTimeout(entry.timer);
      entry.controller.abort();
    }
  }

  #prefetch(): void {
    const host = this.#host;
    if (this.#prefetched || host.disabled || BUSY.includes(host.state)) return;
    const config = configOf(host);
    if (!config) return;
    const controller = new AbortController();
    const entry: Prefetched = {
      session: requestSession(config, controller.signal),
      controller,
      timer: setTimeout(() => this.drop(entry), PREFETCH_FRESH_MS),
      askedFor: askedFor(config),
      fetchSession: fetchSessionOf(config),
    };
    this.#prefetched = entry;
    // A prefetch that fails before the click is forgotten at once: the click asks afresh, with
    // its own full timeout, and no one ever sees the failure.
    entry.session.catch(() => this.drop(entry));
  }
}

const warmups = new WeakMap<AttemptHost, Warmup>();

/** The element's warm-up, made on first use. */
export function warmupOf(host: AttemptHost): Warmup {
  let warmup = warmups.get(host);
  if (!warmup) warmups.set(host, (warmup = new Warmup(host)));
  return warmup;
}

/** The element's warm-up if it has one; an element nobody approached has nothing to hand over. */
export const existingWarmup = (host: AttemptHost): Warmup | undefined => warmups.get(host);
