// The session request and Stripe.js's script are started once the click's frame has painted the
// loading state: the work they do on the main thread then delays no feedback, and they wait at
// most a frame for it.

/** How long to wait for a frame that does not come (a page the browser has stopped painting). */
const NO_FRAME_MS = 50;

/** Resolves just after the next paint, or at once on a page that is not being painted. */
export function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState !== 'visible') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, NO_FRAME_MS);
    // A task queued from a frame callback runs after that frame's paint.
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
