// One attempt at a time per element: runs it in the half that was fetched for it, gives it the
// element's hooks, and hands its outcome back once, with the attempt's id.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AttemptHooks, AttemptOutcome } from '../attempt/index.js';
import { withAttemptId } from './events.js';
import { notLoaded } from './lazy-part.js';
import { languageOf } from './localize.js';
import type { FcRelinkStartDetail } from './events.js';
import type { RelinkOutcome, RelinkState } from './types.js';

/** What the element does as an attempt goes. */
export interface AttemptReports {
  enter(state: RelinkState, attemptId: string): void;
  started(detail: FcRelinkStartDetail): void;
  /** The attempt ended; `returnFocus` when focus was in the element as it started. */
  ended(outcome: RelinkOutcome, attemptId: string, returnFocus: boolean): void;
}

export class AttemptController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #reports: AttemptReports;
  #inflight: Promise<RelinkOutcome> | null = null;
  #controller: AbortController | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, reports: AttemptReports) {
    this.#host = host;
    this.#reports = reports;
    host.addController(this);
  }

  /** The attempt in flight, if one is. */
  get inflight(): Promise<RelinkOutcome> | null {
    return this.#inflight;
  }

  hostDisconnected(): void {
    // Moving the element disconnects and reconnects it in one task; only a real removal
    // abandons an attempt that has not yet opened Stripe's flow.
    setTimeout(() => {
      if (!this.#host.isConnected) this.#controller?.abort();
    }, 0);
  }

  /** Runs one attempt (`attempt` fetches its half and runs it) and reports its outcome. */
  run(attemptId: string, attempt: (hooks: AttemptHooks) => Promise<AttemptOutcome>): Promise<RelinkOutcome> {
    const controller = new AbortController();
    this.#controller = controller;
    const host = this.#host;
    const reports = this.#reports;
    const returnFocus = host.matches(':focus-within');
    const hooks: AttemptHooks = {
      attemptId,
      signal: controller.signal,
      language: languageOf(host),
      enter: (state) => reports.enter(state, attemptId),
      started: (detail) => reports.started({ ...detail, attemptId }),
    };
    // Begun in a microtask: a relink() called from a listener of the previous attempt's last
    // event then starts after that event has reached every listener, so events never nest.
    const run = Promise.resolve()
      .then(() => attempt(hooks))
      // An attempt never rejects: this is its half failing to load.
      .catch((error: unknown): AttemptOutcome => ({ status: 'error', error: notLoaded(error) }))
      .then((ended) => {
        const outcome = withAttemptId(ended, attemptId);
        this.#inflight = null;
        this.#controller = null;
        reports.ended(outcome, attemptId, returnFocus);
        return outcome;
      });
    this.#inflight = run;
    return run;
  }
}
