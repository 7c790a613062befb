// The fault matrix's one check of an attempt's soundness: every fault case injects its fault,
// then goes through expectSoundAttempt.
import { expect } from '@esm-bundle/chai';
import { RELINK_ERRORS, type RelinkErrorCode, type RelinkOutcome, type RelinkStage } from '../../../src/index.js';
import { isTerminal, outcomeOf, type Mounted, type RecordedEvent } from './element.js';
import { assertNoSecretLeak, consoleSince, uncaughtSoFar } from './page.js';
import { fake } from './stripe-js.js';
import { describeValue } from './text.js';
import { sleep } from './time.js';

export type ExpectedOutcome =
  | { status: 'success'; accounts?: readonly string[] }
  | { status: 'cancel' }
  | {
      status: 'error';
      code: RelinkErrorCode;
      retryable: boolean;
      /** Default: the code's stage in RELINK_ERRORS. */
      stage?: RelinkStage;
      /** The endpoint's HTTP status the detail must carry (and none when omitted). */
      httpStatus?: number;
    };

export interface SoundAttempt {
  /**
   * Starts the attempt (a click, keys, relink()), does whatever the case does while it runs,
   * and returns the promise relink() returned for it.
   */
  run: () => Promise<RelinkOutcome>;
  expect: ExpectedOutcome;
  /** The attempt must end within this many ms of `run` being called (a timeout case). */
  within?: number;
  /** The attempt must not end sooner than this many ms after `run` is called (a timeout waits its time). */
  notBefore?: number;
  /**
   * Removes the fault. Then a following attempt (`retry`, default relink()) must succeed, under
   * the same checks. `false` only where the case itself runs the following attempt.
   */
  heal: (() => unknown) | false;
  retry?: () => Promise<RelinkOutcome>;
  /** The following attempt's expected accounts, when it matters. */
  retryAccounts?: readonly string[];
}

// A hanging attempt fails the case before mocha's 5 s timeout, with a message that says so.
const ATTEMPT_GUARD_MS = 3500;

async function expectOneSoundAttempt(
  m: Mounted,
  attempt: Pick<SoundAttempt, 'run' | 'expect' | 'within' | 'notBefore'>,
  what: string,
): Promise<RelinkOutcome> {
  const since = m.events.length;
  const started = performance.now();
  // relink() never rejects; if it does, say so (with the reason as text: it may be hostile).
  const pending = Promise.resolve()
    .then(attempt.run)
    .then(
      (outcome) => ({ outcome }),
      (reason: unknown) => ({ rejected: describeValue(reason) }),
    );
  const settled = await Promise.race([pending, sleep(ATTEMPT_GUARD_MS).then(() => 'hung' as const)]);
  if (settled === 'hung') expect.fail(`${what}: the attempt never ended`);
  if ('rejected' in settled) expect.fail(`${what}: relink() (or the case's steps) rejected: ${settled.rejected}`);
  const { outcome } = settled;
  const elapsed = performance.now() - started;
  if (attempt.within !== undefined)
    expect(elapsed, `${what}: ended after ${Math.round(elapsed)} ms`).to.be.below(attempt.within);
  if (attempt.notBefore !== undefined)
    expect(elapsed, `${what}: ended after ${Math.round(elapsed)} ms`).to.be.at.least(attempt.notBefore);
  // Room for a second, stray terminal event to show itself.
  await sleep(30);

  const expected = attempt.expect;
  const terminal = m.events.slice(since).filter((e) => isTerminal(e.type));
  expect(
    terminal.map((e) => e.type),
    `${what}: terminal events`,
  ).to.deep.equal([`fc-relink-${expected.status}`]);
  const event = terminal[0] as RecordedEvent;
  expect(outcome, `${what}: relink() resolved with another outcome than the event's`).to.deep.equal(outcomeOf(event));
  if (expected.status === 'error' && event.type === 'fc-relink-error') {
    const { code, retryable, stage = RELINK_ERRORS[expected.code].stage, httpStatus } = expected;
    expect(
      {
        code: event.detail.code,
        retryable: event.detail.retryable,
        stage: event.detail.stage,
        status: event.detail.status,
      },
      `${what}: error detail`,
    ).to.deep.equal({ code, retryable, stage, status: httpStatus });
  }
  if (expected.status === 'success' && expected.accounts && event.type === 'fc-relink-success') {
    expect(
      event.detail.accounts.map((a) => a.id),
      `${what}: accounts`,
    ).to.deep.equal([...expected.accounts]);
  }
  expect(m.el.state, `${what}: state`).to.equal(expected.status);
  expect(m.el.getAttribute('state'), `${what}: state attribute`).to.equal(expected.status);
  expect(uncaughtSoFar().map(describeValue), `${what}: uncaught errors or unhandled rejections`).to.deep.equal([]);
  expect(consoleSince().errors, `${what}: console.error`).to.deep.equal([]);
  expect(fake.maxConcurrentFlows, `${what}: Stripe flows open at once`).to.be.at.most(1);
  assertNoSecretLeak(what);
  return outcome;
}

/**
 * The invariants of a fault case: the attempt ends (within `within`, and not before
 * `notBefore`, when given) with exactly one terminal event carrying the expected outcome (code,
 * retryable, stage, HTTP status); relink() resolves with that same outcome; the state (and its
 * attribute) ends there; no uncaught exception, unhandled rejection or console.error; never two
 * Stripe flows open at once; no secret anywhere (the leak audit). Then, with the fault removed
 * (`heal`), a following attempt succeeds under the same checks.
 */
export async function expectSoundAttempt(m: Mounted, attempt: SoundAttempt): Promise<RelinkOutcome> {
  const outcome = await expectOneSoundAttempt(m, attempt, 'the faulty attempt');
  if (attempt.heal !== false) {
    await attempt.heal();
    await expectOneSoundAttempt(
      m,
      {
        run: attempt.retry ?? (() => m.el.relink()),
        expect: { status: 'success', ...(attempt.retryAccounts ? { accounts: attempt.retryAccounts } : {}) },
      },
      'the following attempt, with the fault removed',
    );
  }
  return outcome;
}
