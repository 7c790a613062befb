// The halves of fc-relink that a page fetches after load, through import(), once each.
import { errorDetail } from './errors.js';
import type { RelinkErrorDetail } from './types.js';

/**
 * A half of fc-relink fetched through import() once per page, on first need. A failed fetch is
 * forgotten, so the next need fetches again. `loaded` is the module once it is here, so that
 * intent reaches it without waiting a microtask.
 */
export class LazyPart<T> {
  loaded: T | undefined;
  #loading: Promise<T> | undefined;
  readonly #load: () => Promise<T>;

  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  get(): Promise<T> {
    this.#loading ??= this.#load().then(
      (module) => (this.loaded = module),
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }
}

export type AttemptHalf = typeof import('../attempt/index.js');

/** The attempt half: configuration checks, session request, Stripe.js, result checks, verify, prefetch. */
export const attemptHalf = new LazyPart<AttemptHalf>(() => import('../attempt/index.js'));

/** The hosted half (ui="hosted"): Stripe's hosted page, and the report on the page it returns to. */
export const hostedHalf = new LazyPart(() => import('../hosted/index.js'));

/**
 * What an attempt reports when its half could not be fetched (offline, or a deploy removed or
 * renamed the file): no session was requested, and a new attempt fetches the half again.
 */
export const notLoaded = (error: unknown): RelinkErrorDetail =>
  errorDetail(
    'session_request_failed',
    `fc-relink could not load its attempt code (no session was requested): ${String(error)}`,
  );
