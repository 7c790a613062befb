// `prefetch`: the session requested when the customer shows intent, for the click to use.
import { newAttemptId } from '../shell/attempt-id.js';
import { isBusy } from '../shell/states.js';
import { validateConfig, type AttemptConfig, type AttemptHost } from './config.js';
import { ABORTED } from './deadline.js';
import { detailOf } from './failure.js';
import { requestSession, type ValidSession } from './session.js';

/** How long a prefetched session may wait for the click before it is thrown away unused. */
const PREFETCH_FRESH_MS = 30_000;

/**
 * How long the pointer must rest on the button before a session is prefetched: a pointer that
 * merely crosses it on its way elsewhere creates no session. Focus and touch count at once.
 */
const PREFETCH_DWELL_MS = 100;

interface Prefetched {
  readonly session: Promise<ValidSession>;
  /** The id of the attempt that will use it: the next click's. */
  readonly attemptId: string;
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

/**
 * After a failed prefetch, intent prefetches nothing for a while: 1 s, doubling with each
 * failure in a row up to 30 s; 30 s at once after a 429. Otherwise a failing endpoint is asked on
 * every focus and touch (hundreds of requests a second from one element). `Retry-After` is not
 * read: a cross-origin endpoint's is hidden from the page unless it exposes it.
 */
const BACKOFF_FIRST_MS = 1_000;
const BACKOFF_MAX_MS = 30_000;

/**
 * The session requested ahead of the click, for one element. Nothing it does is visible: no
 * state, no event, no error; an attempt that finds nothing ready simply asks itself.
 */
class Prefetcher {
  readonly #host: AttemptHost;
  #prefetched: Prefetched | null = null;
  #dwell: ReturnType<typeof setTimeout> | undefined;
  /** Failed prefetches in a row, and until when intent prefetches nothing because of them. */
  #failures = 0;
  #quietUntil = 0;

  constructor(host: AttemptHost) {
    this.#host = host;
  }

  /**
   * Intent shown on the button (`focusin`, `pointerenter`, `pointerleave` or `touchstart`):
   * prefetch at once on focus or touch, after the dwell for the pointer.
   */
  intent(type: string): void {
    clearTimeout(this.#dwell);
    if (type === 'pointerleave') return;
    if (type === 'pointerenter') this.#dwell = setTimeout(() => this.#prefetch(), PREFETCH_DWELL_MS);
    else this.#prefetch();
  }

  /**
   * The session asked for with exactly this configuration, if one is waiting (or still on its
   * way); handed out once. The attempt aborts it through `signal`. A prefetch still in flight is
   * handed over as it is: its own `session-timeout` started before the click, so the attempt
   * still ends within `session-timeout` of the click.
   */
  take(config: AttemptConfig, signal: AbortSignal): Promise<ValidSession> | null {
    // A click before the dwell is over: this attempt asks itself, and nothing is prefetched after it.
    clearTimeout(this.#dwell);
    const taken = this.#prefetched;
    if (taken?.askedFor !== askedFor(config) || taken.fetchSession !== fetchSessionOf(config)) {
      this.#drop();
      return null;
    }
    this.#prefetched = null;
    clearTimeout(taken.timer);
    signal.addEventListener('abort', () => taken.controller.abort());
    return taken.session;
  }

  /** The id the next attempt takes, so that the session asked for ahead of it is sent under its id. */
  get attemptId(): string | null {
    return this.#prefetched?.attemptId ?? null;
  }

  /** The element was disconnected: nothing more is prefetched for it, and its session is dropped unless it comes back. */
  disconnected(): void {
    clearTimeout(this.#dwell);
    // A move disconnects and reconnects in one task; only a real removal throws the session away.
    setTimeout(() => this.#host.isConnected || this.#drop(), 0);
  }

  /** Throws away the prefetched session (element removed, stale, or failed). */
  #drop(entry = this.#prefetched): void {
    if (entry && entry === this.#prefetched) {
      this.#prefetched = null;
      clearTimeout(entry.timer);
      entry.controller.abort();
    }
  }

  #prefetch(): void {
    const host = this.#host;
    if (this.#prefetched || !host.prefetch || host.disabled || isBusy(host.state)) return;
    if (Date.now() < this.#quietUntil) return;
    // While the configuration is invalid nothing is prefetched: the attempt will say why.
    let config: AttemptConfig;
    try {
      config = validateConfig(host);
    } catch {
      return;
    }
    const controller = new AbortController();
    const attemptId = newAttemptId();
    const entry: Prefetched = {
      session: requestSession(config, attemptId, controller.signal),
      attemptId,
      controller,
      timer: setTimeout(() => this.#drop(entry), PREFETCH_FRESH_MS),
      askedFor: askedFor(config),
      fetchSession: fetchSessionOf(config),
    };
    this.#prefetched = entry;
    // A prefetch that fails before the click is forgotten at once: the click asks afresh, with
    // its own full timeout, and no one ever sees the failure.
    entry.session.then(
      () => (this.#failures = 0),
      (error: unknown) => {
        this.#drop(entry);
        // Aborted (removed, stale, or handed to a click): not the endpoint failing.
        if (error === ABORTED) return;
        this.#failures += 1;
        const rateLimited = detailOf(error, 'session_request_failed').status === 429;
        const doubled = Math.min(BACKOFF_FIRST_MS * 2 ** (this.#failures - 1), BACKOFF_MAX_MS);
        const wait = rateLimited ? BACKOFF_MAX_MS : doubled;
        this.#quietUntil = Date.now() + wait;
      },
    );
  }
}

/** Each element's prefetcher, once it has one. */
const prefetchers = new WeakMap<AttemptHost, Prefetcher>();

/** The customer showed intent on the element's button (`focusin`, `pointerenter`, `pointerleave`, `touchstart`). */
export function prefetchIntent(host: AttemptHost, type: string): void {
  let prefetcher = prefetchers.get(host);
  if (!prefetcher) prefetchers.set(host, (prefetcher = new Prefetcher(host)));
  prefetcher.intent(type);
}

/** The session prefetched for this attempt's configuration, if there is one; else `null`. */
export function takePrefetched(
  host: AttemptHost,
  config: AttemptConfig,
  signal: AbortSignal,
): Promise<ValidSession> | null {
  return prefetchers.get(host)?.take(config, signal) ?? null;
}

/** The id of the attempt a prefetched session waits for, if one does. */
export function prefetchedAttemptId(host: AttemptHost): string | null {
  return prefetchers.get(host)?.attemptId ?? null;
}

/** The element was disconnected: its prefetch, if it has one, is told. */
export function prefetchDisconnected(host: AttemptHost): void {
  prefetchers.get(host)?.disconnected();
}
