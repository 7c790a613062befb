// Running one plan: a real <fc-relink> in real Chromium, one attempt against the plan's endpoint
// (./server.ts) and Stripe.js (./stripe-js.ts), and the same invariants checked after every run:
//
//   - exactly one terminal event for the attempt, and nothing after it;
//   - relink() resolves with the outcome the event carries (the same for every caller);
//   - the outcome is one the documented contract allows (./model.ts): code, stage, retryable,
//     HTTP status, Stripe error type, accounts, mode, session id;
//   - the state walks from idle to the terminal state the event names, and its attribute follows;
//   - fc-relink-start and Stripe's flow happen exactly when the session checks out;
//   - no uncaught error, no unhandled rejection, no console.error;
//   - no client secret nor planted key anywhere observable, nothing secret-shaped in what the
//     element produced (the harness's leak audit, after each run);
//   - markup in any message stays text: no element appears in the shadow root, no handler runs;
//   - it never hangs (each run has a deadline well past the element's own timeouts);
//   - when the plan says so, a good attempt on the same element then succeeds.
//
// Runs per property: `__FUZZ_RUNS__` (set by web-test-runner.fuzz.config.mjs for `npm run fuzz`),
// else 300. The seed is random; fast-check prints it (and the shrunk counterexample) on failure,
// and `__FUZZ_SEED__` / `__FUZZ_PATH__` replay one.
import type fc from 'fast-check';
import { RELINK_ERROR_CODES, type RelinkOutcome } from '../../../src/index.js';
import {
  TEST_KEY,
  assertNoLeak,
  consoleMark,
  consoleSince,
  customerTextOf,
  describeValue,
  expect,
  fake,
  outcomeOf,
  recordEvents,
  sleep,
  startWorker,
  takeUncaught,
  watch,
} from '../harness/index.js';
import { RESTRICTED_KEY, SECRET_KEY, type Plan } from './arbitraries.js';
import { allowedOutcomes, flowOpens, type Expected } from './model.js';
import { serveEndpoint, type RunContext } from './server.js';
import { stripeProperty } from './stripe-js.js';

declare global {
  var __FUZZ_RUNS__: number | undefined;

  var __FUZZ_SEED__: number | undefined;

  var __FUZZ_PATH__: string | undefined;

  var __xssFired: number | undefined;
}

/** Runs per property: 300 in `npm test`, 10,000 in `npm run fuzz`. */
export const RUNS = typeof globalThis.__FUZZ_RUNS__ === 'number' ? globalThis.__FUZZ_RUNS__ : 300;

/** fast-check parameters: a random seed (printed on failure) unless one is given to replay. */
export function fcParameters(): fc.Parameters<[Plan]> {
  const params: fc.Parameters<[Plan]> = { numRuns: RUNS, includeErrorInReport: true };
  if (typeof globalThis.__FUZZ_SEED__ === 'number') params.seed = globalThis.__FUZZ_SEED__;
  if (typeof globalThis.__FUZZ_PATH__ === 'string') params.path = globalThis.__FUZZ_PATH__;
  return params;
}

/** How many runs ended in each outcome (success, cancel, or the error code). */
const tally: Record<string, number> = {};

/** Prints the tally (in `npm run fuzz`, where it is worth a look). */
export function reportTally(): void {
  if (RUNS > 300) console.log(`outcomes of ${RUNS} runs: ${JSON.stringify(tally)}`);
}

/** A generous per-test time: a run takes a few ms to a few hundred (a timeout plan). */
export const testTimeout = (): number => 60_000 + RUNS * 400;

const ALLOWED_SHADOW_TAGS = new Set(['BUTTON', 'SLOT', 'DIV', 'SPAN']);
let runNumber = 0;

/** How an outcome differs from one the model allows (nothing: it is that one). */
function differences(expected: Expected, outcome: RelinkOutcome): string[] {
  const found: string[] = [];
  const same = (what: string, actual: unknown, wanted: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(wanted))
      found.push(`${what} ${JSON.stringify(actual)}, not ${JSON.stringify(wanted)}`);
  };
  same('status', outcome.status, expected.status);
  if (expected.status === 'error' && outcome.status === 'error') {
    const { error } = outcome;
    same('code', error.code, expected.code);
    same('stage', error.stage, expected.stage);
    if (expected.retryable !== undefined) same('retryable', error.retryable, expected.retryable);
    if (expected.httpStatus !== undefined) same('status', error.status, expected.httpStatus);
    if (expected.stripeErrorType !== undefined)
      same('stripeError.type', error.stripeError?.type, expected.stripeErrorType);
    if (expected.accounts !== undefined) same('accounts', error.accounts, expected.accounts);
  } else if (expected.status !== 'error' && outcome.status === expected.status) {
    same('mode', outcome.mode, expected.mode);
    same('sessionId', outcome.sessionId, expected.sessionId);
    if (expected.status === 'success' && outcome.status === 'success')
      same(
        'accounts',
        outcome.accounts.map((a) => String(a?.id)),
        expected.accounts,
      );
  }
  return found;
}

function checkAgainstModel(allowed: Expected[], outcome: RelinkOutcome, label: string): void {
  if (outcome.status === 'error') {
    const { error } = outcome;
    expect(RELINK_ERROR_CODES, `${label}: a documented code`).to.include(error.code);
    expect(error.retryable, `${label}: retryable`).to.be.a('boolean');
    expect(error.message, `${label}: message`).to.be.a('string').and.not.equal('');
  }
  const misses = allowed.map((expected) => differences(expected, outcome));
  if (misses.some((m) => m.length === 0)) return;
  const said = outcome.status === 'error' ? ` (message: ${outcome.error.message})` : '';
  expect.fail(
    `${label}: the outcome is none the contract allows${said}: ${misses.map((m, i) => `${JSON.stringify(allowed[i])}: ${m.join('; ')}`).join(' | ')}`,
  );
}

async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer = 0;
  const hang = new Promise<never>((_, reject) => {
    timer = window.setTimeout(() => reject(new Error(`hung: ${what} not settled within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** A good session, at once: what a retry after the fuzzed attempt meets. */
const GOOD: Plan['response'] = {
  kind: 'http',
  status: 200,
  headers: [],
  delayMs: 0,
  body: {
    kind: 'session',
    account: 'expected',
    livemode: 'absent',
    withId: true,
    extras: [],
    bom: false,
    indent: 0,
    reverseKeys: false,
    padding: 0,
    mutation: null,
  },
};

/**
 * Drives one element through the plan's attempt (and the retry) and checks every invariant. A
 * failure's message leads its stack: fast-check reports the stack, and outside V8 a stack does
 * not name the message.
 */
export async function runPlan(plan: Plan): Promise<void> {
  try {
    await runPlanChecked(plan);
  } catch (error) {
    if (error instanceof Error && !error.stack?.includes(error.message))
      error.stack = `${error.message}\n${error.stack ?? ''}`;
    throw error;
  }
}

async function runPlanChecked(plan: Plan): Promise<void> {
  const w = await startWorker();
  runNumber += 1;
  const label = `run ${runNumber}`;
  let finish!: () => void;
  const ctx: RunContext = {
    url: new URL(`/api/property-session/${runNumber}`, location.href).href,
    requests: 0,
    sessions: [],
    session: null,
    otherSessionId: null,
    collectCalls: 0,
    finished: new Promise<void>((resolve) => (finish = resolve)),
  };
  globalThis.__xssFired = undefined;
  // Anything uncaught since the last run's checks is that run's (a late rejection, say).
  expect(takeUncaught().map(describeValue), `${label}: uncaught errors after the previous run`).to.deep.equal([]);
  const consoleAt = consoleMark();

  const el = document.createElement('fc-relink');
  try {
    serveEndpoint(plan, ctx, w);
    el.setAttribute('publishable-key', TEST_KEY);
    el.setAttribute('session-url', ctx.url);
    if (plan.account !== null) el.setAttribute('account', plan.account);
    // Hangs are never answered, so a short timeout has no race; everything else answers
    // within tens of ms and gets a timeout it can never reach on a loaded machine.
    el.setAttribute('session-timeout', plan.response.kind === 'hang' ? '150' : '20000');
    el.setAttribute('stripe-timeout', plan.stripe.kind === 'load-hang' ? '150' : '20000');
    el.textContent = 'Reconnect <fuzz>';
    el.stripe = stripeProperty(plan, ctx);
    el.prefetch = plan.trigger === 'prefetch-click';
    const m = recordEvents(el);
    // The harness's own checks (one terminal event per attempt, its leak audit) run after the
    // test over every element it watched: worth it for npm test's runs, too slow (they grow with
    // the square of the runs) for the fuzz's; the audit after each run here covers both.
    if (RUNS <= 1000) watch({ el, events: m.events, secrets: () => ctx.sessions.map((s) => s.client_secret) });
    document.body.append(el);
    await el.updateComplete;

    const event = m.nextOutcome();
    let first: Promise<RelinkOutcome>;
    let second: Promise<RelinkOutcome>;
    if (plan.trigger === 'prefetch-click') {
      m.button().dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
      await sleep(20);
      m.button().click();
      first = el.relink();
      second = el.relink();
    } else if (plan.trigger === 'click' || plan.trigger === 'double-click') {
      m.button().click();
      if (plan.trigger === 'double-click') m.button().click();
      first = el.relink();
      second = el.relink();
    } else {
      first = el.relink();
      if (plan.trigger === 'relink-twice') m.button().click();
      second = el.relink();
    }
    expect(second, `${label}: a second caller joins the attempt`).to.equal(first);
    const [outcome, terminal] = await withDeadline(Promise.all([first, event]), 10_000, 'the attempt');
    // Let anything late surface: a second event, a stray rejection, a late render.
    await sleep(plan.stripe.kind === 'instance' ? plan.stripe.flowDelayMs + 5 : 5);
    await el.updateComplete;

    expect(m.terminalEvents().length, `${label}: terminal events`).to.equal(1);
    expect(outcome, `${label}: relink() resolves with the event's outcome`).to.deep.equal(outcomeOf(terminal));
    expect(Object.isFrozen(terminal.detail), `${label}: a frozen detail`).to.equal(true);
    expect(el.state, `${label}: state`).to.equal(terminal.type.replace('fc-relink-', ''));
    expect(el.getAttribute('state'), `${label}: state attribute`).to.equal(el.state);
    const kind = outcome.status === 'error' ? outcome.error.code : outcome.status;
    tally[kind] = (tally[kind] ?? 0) + 1;
    const allowed = allowedOutcomes(plan, { sessionId: ctx.session?.id ?? '', otherSessionId: ctx.otherSessionId });
    checkAgainstModel(allowed, outcome, label);

    // The state walks from idle through loading (a configuration error skips it) to the
    // terminal state, each change naming the one before, and the terminal event comes last.
    expect(m.events.at(-1)?.type, `${label}: the terminal event is the last`).to.equal(terminal.type);
    const changes = m.events.flatMap((e) => (e.type === 'fc-relink-statechange' ? [e.detail] : []));
    changes.forEach((change, i) =>
      expect(change.previous, `${label}: statechange ${i}`).to.equal(i === 0 ? 'idle' : changes[i - 1]!.state),
    );
    const configError = plan.stripe.kind === 'invalid-instance';
    expect(changes[0]?.state, `${label}: first state`).to.equal(configError ? 'error' : 'loading');
    expect(changes.at(-1)?.state, `${label}: last state`).to.equal(el.state);

    const opened = flowOpens(plan);
    expect(
      m.events.some((e) => e.type === 'fc-relink-start'),
      `${label}: fc-relink-start`,
    ).to.equal(opened);
    expect(ctx.collectCalls, `${label}: Stripe flows opened`).to.equal(opened ? 1 : 0);
    if (configError) expect(ctx.requests, `${label}: endpoint requests`).to.equal(0);
    // A request the element gave up on after its 150 ms may not have reached the endpoint: the
    // service worker hands a request to msw when it gets to it, on a loaded machine (WebKit's
    // notably) after the element has aborted it. Answered plans prove there is one per attempt.
    else if (plan.response.kind === 'hang') {
      expect(ctx.requests, `${label}: endpoint requests`).to.be.at.most(plan.trigger === 'prefetch-click' ? 2 : 1);
    }
    // A prefetch that failed before the click is forgotten, and the click asks again.
    else if (plan.trigger === 'prefetch-click') expect(ctx.requests, `${label}: endpoint requests`).to.be.within(1, 2);
    else expect(ctx.requests, `${label}: endpoint requests`).to.equal(1);

    // Markup stays text: the shadow root holds only the element's own nodes.
    const tags = [...el.shadowRoot!.querySelectorAll('*')].map((n) => n.tagName);
    expect(
      tags.filter((t) => !ALLOWED_SHADOW_TAGS.has(t)),
      `${label}: elements in the shadow root`,
    ).to.deep.equal([]);
    // The customer reads a customer text, never the diagnosis (which may carry the endpoint's words).
    if (outcome.status === 'error') expect(m.status(), `${label}: status text`).to.equal(customerTextOf(outcome.error));

    if (plan.retry) {
      // The next attempt works, whatever the last one met.
      el.stripe = null;
      fake.customer = { action: 'relink' };
      serveEndpoint({ ...plan, response: GOOD }, ctx, w);
      el.setAttribute('session-timeout', '20000');
      el.setAttribute('stripe-timeout', '20000');
      const again = await withDeadline(el.relink(), 10_000, 'the retry');
      expect(again.status, `${label}: the next attempt (${JSON.stringify(again)})`).to.equal('success');
      expect(m.terminalEvents().length, `${label}: terminal events after the retry`).to.equal(2);
    }

    await sleep(0);
    const { lines, errors } = consoleSince(consoleAt);
    assertNoLeak(
      [SECRET_KEY, RESTRICTED_KEY, ...ctx.sessions.map((s) => s.client_secret)],
      { events: m.events, console: lines },
      label,
    );
    expect(globalThis.__xssFired, `${label}: markup ran`).to.equal(undefined);
    expect(errors, `${label}: console.error`).to.deep.equal([]);
    expect(takeUncaught().map(describeValue), `${label}: uncaught errors`).to.deep.equal([]);
  } finally {
    finish();
    el.remove();
    fake.customer = { action: 'relink' };
  }
}
