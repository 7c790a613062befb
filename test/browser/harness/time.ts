// Waiting in tests: for a deliberately slow thing, or for a condition.

/** Resolves after `ms`. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `condition` every 10 ms; fails (naming `what`) if it does not hold within `ms`. */
export async function until(condition: () => boolean, what = 'condition', ms = 3000): Promise<void> {
  const end = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`${what}: never became true within ${ms} ms`);
    await sleep(10);
  }
}
