// What every browser test gets around it: console and uncaught errors captured, the fake reset,
// and after the test the checks that must hold after any scenario: one terminal event per
// attempt, no secret anywhere observable, no uncaught error.
import { expect } from '@esm-bundle/chai';
import { isTerminal, watched, type RecordedEvent } from './element.js';
import { assertNoLeak } from './leaks.js';
import { fake, resetStripe } from './stripe-js.js';
import { describeValue, safeStringify } from './text.js';

const consoleLines: string[] = [];
const consoleErrors: string[] = [];
const uncaught: unknown[] = [];
const planted = new Set<string>();
const originalConsole = new Map<string, (...args: unknown[]) => void>();

window.addEventListener('error', (event) => uncaught.push(event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => uncaught.push(event.reason));

beforeEach(() => {
  resetStripe();
  consoleLines.length = 0;
  consoleErrors.length = 0;
  uncaught.length = 0;
  planted.clear();
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method];
    originalConsole.set(method, original);
    console[method] = (...args: unknown[]) => {
      const line = args.map((a) => (typeof a === 'string' ? a : safeStringify(a))).join(' ');
      consoleLines.push(line);
      if (method === 'error') consoleErrors.push(line);
      original.apply(console, args);
    };
  }
});

afterEach(async function () {
  const title = this.currentTest?.fullTitle() ?? '';
  // Let any stray late event surface before checking.
  await new Promise((r) => setTimeout(r, 0));
  for (const [method, original] of originalConsole) (console as unknown as Record<string, unknown>)[method] = original;
  try {
    for (const { events } of watched) assertOneTerminalEventPerAttempt(events, title);
    if (watched.length > 0)
      assertNoLeak(issuedSecrets(), { events: watched.map((w) => w.events), console: consoleLines }, title);
    expect(uncaught.map(describeValue), `${title}: uncaught errors`).to.deep.equal([]);
  } finally {
    for (const { el } of watched) el.remove();
    watched.length = 0;
  }
});

/** Every secret issued in this page (by a mocked endpoint, by the fake) or planted by this test. */
function* issuedSecrets(): Iterable<string> {
  yield* planted;
  for (const w of watched) yield* w.secrets();
  for (const s of fake.sessions.values()) yield s.client_secret;
}

/** Each attempt starts with `loading` (or ends straight from config) and has one ending. */
function assertOneTerminalEventPerAttempt(events: readonly RecordedEvent[], title: string): void {
  let open = false;
  for (const event of events) {
    if (event.type === 'fc-relink-statechange' && event.detail.state === 'loading') {
      expect(open, `${title}: an attempt started while another was in flight`).to.equal(false);
      open = true;
    }
    if (isTerminal(event.type)) open = false;
  }
  expect(open, `${title}: an attempt never ended`).to.equal(false);
  // Every terminal event comes in the state it names: right after the state change to it, or
  // (an error straight after an error, from a configuration error) with no change at all.
  let state = 'idle';
  events.forEach((event, i) => {
    if (event.type === 'fc-relink-statechange') state = event.detail.state;
    if (!isTerminal(event.type)) return;
    expect(state, `${title}: ${event.type} in state ${state}`).to.equal(event.type.replace('fc-relink-', ''));
    if (events[i - 1]?.type !== 'fc-relink-statechange')
      expect(events.slice(0, i).some((e) => isTerminal(e.type))).to.equal(true);
  });
}

/** The leak audit now, over this test's elements so far (the same one runs after the test). */
export function assertNoSecretLeak(label: string): void {
  assertNoLeak(issuedSecrets(), { events: watched.map((w) => w.events), console: consoleLines }, label);
}

/** A secret (a key or client secret the test made up) the leak audit must not find anywhere. */
export function plantSecret(secret: string): string {
  planted.add(secret);
  return secret;
}

/** Takes the uncaught errors seen so far in this test (for tests that expect one). */
export function takeUncaught(): unknown[] {
  return uncaught.splice(0);
}

/** Uncaught exceptions and unhandled rejections in this test so far. */
export const uncaughtSoFar = (): readonly unknown[] => [...uncaught];

/** A mark in this test's console, for `consoleSince`. */
export const consoleMark = (): { lines: number; errors: number } => ({
  lines: consoleLines.length,
  errors: consoleErrors.length,
});

/** Console lines and console.error lines since a mark (default: the test's start). */
export function consoleSince(mark = { lines: 0, errors: 0 }): { lines: readonly string[]; errors: readonly string[] } {
  return { lines: consoleLines.slice(mark.lines), errors: consoleErrors.slice(mark.errors) };
}
