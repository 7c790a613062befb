// Injected into every bench page before any of the page's own scripts (addInitScript), so the
// hand-written page and the fc-relink pages are timed by exactly the same code.
(() => {
  const bench = (window.__bench = {
    /** performance.now() of the first click anywhere: the start of every latency figure. */
    clickAt: /** @type {number | null} */ (null),
    /** performance.now() of the pointer first arriving over a button: the hover gap's start. */
    hoverAt: /** @type {number | null} */ (null),
    /** Every layout shift, hadRecentInput or not (a shift the user caused still moves content). */
    shifts: /** @type {{ startTime: number, value: number }[]} */ ([]),
  });

  // Capturing listeners on window run before any listener of the page or the element.
  addEventListener(
    'click',
    () => {
      if (bench.clickAt === null) bench.clickAt = performance.now();
    },
    true,
  );
  addEventListener(
    'pointerover',
    (event) => {
      const target = /** @type {Element} */ (event.target);
      if (bench.hoverAt === null && target.closest?.('button, fc-relink')) bench.hoverAt = performance.now();
    },
    true,
  );

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const shift = /** @type {PerformanceEntry & { value: number }} */ (entry);
      bench.shifts.push({ startTime: shift.startTime, value: shift.value });
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();
