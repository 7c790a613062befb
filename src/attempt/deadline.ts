/** Thrown when the attempt was abandoned (the element left the page): the attempt ends in a cancel. */
export const ABORTED: unique symbol = Symbol('aborted');
/** Thrown by `within` when its time ran out. */
export const TIMEOUT: unique symbol = Symbol('timeout');

/**
 * Settles like `promise`, or rejects with ABORTED as soon as `signal` aborts, so that work which
 * ignores its signal (a hanging script, a third-party fetchSession) cannot hang us.
 */
export function raceAbort<T>(promise: PromiseLike<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(ABORTED);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort);
    Promise.resolve(promise)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Runs `work` with a signal that aborts when `parent` does or `ms` pass, and settles like it;
 * rejects with ABORTED or TIMEOUT the moment either happens. A synchronous throw is a rejection.
 */
// Our own timer rather than AbortSignal.any/timeout: any() is missing before Safari 17.4.
export async function within<T>(
  ms: number,
  parent: AbortSignal,
  work: (signal: AbortSignal) => T | PromiseLike<T>,
): Promise<T> {
  if (parent.aborted) throw ABORTED;
  const controller = new AbortController();
  const abort = () => controller.abort();
  // The reason a fetchSession or verifySession sees: a TimeoutError, as from AbortSignal.timeout().
  const timer = setTimeout(() => controller.abort(new DOMException(`Timed out after ${ms} ms`, 'TimeoutError')), ms);
  parent.addEventListener('abort', abort);
  try {
    // Started at once (a throw in the executor is a rejection): no microtask between intent and request.
    return await raceAbort(new Promise<T>((resolve) => resolve(work(controller.signal))), controller.signal);
  } catch (error) {
    // However the work reacted to the abort (an AbortError, or nothing), what counts is why.
    throw controller.signal.aborted ? (parent.aborted ? ABORTED : TIMEOUT) : error;
  } finally {
    clearTimeout(timer);
    parent.removeEventListener('abort', abort);
  }
}
