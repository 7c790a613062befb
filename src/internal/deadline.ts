/** A signal that aborts when `parent` aborts or `ms` pass, whichever comes first. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** True when the time ran out (as opposed to the parent aborting). */
  readonly timedOut: boolean;
}

export function deadline(ms: number, parent: AbortSignal): Deadline {
  // The platform's own timer signal: nothing to clear, and it lets go of the attempt once fired.
  const timer = AbortSignal.timeout(ms);
  return {
    signal: AbortSignal.any([parent, timer]),
    get timedOut() {
      return timer.aborted;
    },
  };
}

/**
 * Settles like `promise`, or rejects with the signal's reason as soon as it aborts, so that
 * work which ignores its signal (a hanging script, a third-party fetchSession) cannot hang us.
 */
export function raceAbort<T>(promise: PromiseLike<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(promise).then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Seconds, for messages: 15000 → "15 s", 250 → "0.25 s". */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}
