// The fault matrix: Stripe.js loads (from "js.stripe.com", through the real loader) but its
// collectFinancialConnectionsAccounts misbehaves: it rejects, throws, resolves with shapes Stripe
// never returns, resolves twice, or resolves after the element has left the page. Each case goes
// through expectSoundAttempt.
import type { RelinkOutcome } from '../../../src/index.js';
import {
  CHECKING,
  SAVINGS,
  expect,
  expectSoundAttempt,
  fake,
  holdFlows,
  isTerminal,
  mount,
  plantSecret,
  sleep,
  stripeJs,
  TEST_KEY,
  until,
  withoutWindowStripe,
  type ExpectedOutcome,
  type Mounted,
} from '../harness/index.js';
import { elementCount, expectInert } from '../harness/inert.js';

type Collect = (options: unknown) => Promise<unknown>;
const secretOf = (options: unknown) => (options as { clientSecret: string }).clientSecret;
/** The session the flow was opened for, read from its client secret. */
const sessionIdOf = (options: unknown) => secretOf(options).split('_secret_')[0] as string;

// Stripe.js comes from the network, as a page without it gets it: js.stripe.com serves a script
// defining window.Stripe as the harness's controllable Stripe.js.
withoutWindowStripe('fake');

/** An element for CHECKING whose Stripe.js collect does `fault` until healed. */
async function faulty(fault: (options: unknown, real: Collect) => unknown): Promise<Mounted> {
  const m = await mount({ attrs: { account: CHECKING } });
  stripeJs.fault = fault as NonNullable<typeof stripeJs.fault>;
  return m;
}

async function soundFault(m: Mounted, expected: ExpectedOutcome): Promise<RelinkOutcome> {
  return expectSoundAttempt(m, {
    run: () => {
      m.button().click();
      return m.el.relink();
    },
    expect: expected,
    heal: () => {
      stripeJs.fault = null;
    },
    retryAccounts: [CHECKING],
  });
}

const malformed: ExpectedOutcome = { status: 'error', code: 'stripe_error', retryable: true };

describe("the fault matrix: Stripe.js's collectFinancialConnectionsAccounts", () => {
  describe('when it rejects or throws', () => {
    it('reports stripe_error, retryable, when it rejects (with the client secret in its message)', async () => {
      const m = await faulty((options) =>
        Promise.reject(new Error(`Network error while loading ${secretOf(options)}`)),
      );
      await soundFault(m, malformed);
    });

    it('reports stripe_error, retryable, when it rejects with something that is not an Error', async () => {
      const m = await faulty((options) => Promise.reject({ toString: () => `rejected ${secretOf(options)}` }));
      await soundFault(m, malformed);
    });

    it('reports stripe_error, retryable, when it rejects with an error whose message cannot be read', async () => {
      // Its message getter throws an error whose own message getter throws (twice over, then a
      // plain error: an endless chain would only hang whoever reports it).
      const poisoned = (depth: number): Error =>
        Object.defineProperty(new Error(), 'message', {
          get() {
            throw depth > 0 ? poisoned(depth - 1) : new Error('unreadable');
          },
        });
      const m = await faulty(() => Promise.reject(poisoned(2)));
      await soundFault(m, malformed);
    });

    it('reports stripe_error, retryable, when it rejects with a value that cannot be made a string', async () => {
      const m = await faulty(() => Promise.reject(Object.create(null)));
      await soundFault(m, malformed);
    });

    it('reports stripe_error, retryable, when it throws synchronously', async () => {
      const m = await faulty(() => {
        throw new TypeError('IntegrationError: collectFinancialConnectionsAccounts is not available');
      });
      await soundFault(m, malformed);
    });
  });

  describe('when it resolves with something that is not a result', () => {
    const shapes: [string, (options: unknown) => unknown][] = [
      ['undefined', () => undefined],
      ['null', () => null],
      ['a string', () => 'ok'],
      ['an empty object', () => ({})],
      ['a session without accounts', (o) => ({ financialConnectionsSession: { id: sessionIdOf(o) } })],
      [
        'accounts that are not an array',
        (o) => ({ financialConnectionsSession: { id: sessionIdOf(o), accounts: 'fca_test_checking' } }),
      ],
      ['an account that is null', (o) => ({ financialConnectionsSession: { id: sessionIdOf(o), accounts: [null] } })],
      [
        'an account without an id',
        (o) => ({ financialConnectionsSession: { id: sessionIdOf(o), accounts: [{ livemode: false }] } }),
      ],
      ['an error that is a bare string', () => ({ error: 'something went wrong' })],
      // Functions carrying Stripe's field names are not Stripe's shapes either.
      [
        'a result that is a function',
        (o) => Object.assign(() => {}, { financialConnectionsSession: { id: sessionIdOf(o), accounts: [] } }),
      ],
      [
        'a session that is a function',
        (o) => ({ financialConnectionsSession: Object.assign(() => {}, { id: sessionIdOf(o), accounts: [] }) }),
      ],
      [
        'an account that is a function',
        (o) => ({
          financialConnectionsSession: {
            id: sessionIdOf(o),
            accounts: [Object.assign(() => {}, { id: CHECKING, livemode: false })],
          },
        }),
      ],
      [
        'an error that is a function',
        () => ({ error: Object.assign(() => {}, { type: 'authentication_error', message: 'no' }) }),
      ],
      ['an error with no type', () => ({ error: { message: 'no type here' } })],
    ];
    for (const [what, result] of shapes) {
      it(`reports stripe_error, retryable, when it resolves with a malformed result: ${what}`, async () => {
        const m = await faulty((options) => Promise.resolve(result(options)));
        const outcome = await soundFault(m, malformed);
        expect(outcome.status).to.equal('error');
        expect(m.events.filter((e) => e.type === 'fc-relink-success')).to.have.length(1);
      });
    }

    it('reports stripe_error, retryable, when the result object throws on being read', async () => {
      const hostile = () =>
        new Proxy(
          {},
          {
            get(_, property) {
              // Not a thenable (so the await delivers it), but any field read throws.
              if (property === 'then') return undefined;
              throw new Error('hostile getter');
            },
          },
        );
      const m = await faulty(() => Promise.resolve(hostile()));
      await soundFault(m, malformed);
    });

    it('does not take an error detail the page holds, thrown back at it from the result, for its own', async () => {
      const disabled = await mount({ attrs: { disabled: '' } });
      const held = ((await disabled.el.relink()) as { error: object }).error; // invalid_config, stage config
      const m = await faulty(() =>
        Promise.resolve({
          get error(): never {
            throw held;
          },
        }),
      );
      await soundFault(m, malformed);
    });

    // Only a Stripe.js instance (no publishable key) and a session without livemode: nothing to
    // compare a mode with, so only the result's own shape can fail it. Markup in an id is no
    // account id either, and is rendered nowhere.
    const notAccounts: [string, unknown[]][] = [
      ['null and an empty object', [null, {}]],
      ['an id that is not fca_… (acct_…)', [{ id: 'acct_1NotAnFcAccount', livemode: false }]],
      ['an id that is markup', [{ id: '<img src=x onerror="window.__xss=1">' }]],
    ];
    for (const [what, accounts] of notAccounts) {
      it(`reports no success for an any-account result whose accounts are not accounts: ${what}`, async () => {
        const m = await mount({
          attrs: { 'publishable-key': '', 'session-url': '' },
          props: {
            stripe: stripeJs.Stripe(TEST_KEY) as never,
            fetchSession: async () => {
              const { livemode: _, ...session } = fake.toSessionConfig(fake.createSession({}));
              return session;
            },
          },
        });
        globalThis.__xss = undefined;
        const before = elementCount();
        stripeJs.fault = (options) =>
          Promise.resolve({ financialConnectionsSession: { id: sessionIdOf(options), accounts } });
        await expectSoundAttempt(m, {
          run: () => m.el.relink(),
          expect: malformed,
          heal: async () => {
            await expectInert(m, m.events.filter((e) => isTerminal(e.type)).at(-1)!, null, before);
            stripeJs.fault = null;
          },
          retryAccounts: [CHECKING],
        });
      });
    }
  });

  describe('when it reports an error', () => {
    it('reports a non-retryable stripe_error for an authentication error, repeating no key', async () => {
      const key = plantSecret(`sk_live_51Leak${'Q'.repeat(24)}`);
      // Through the fake's flow, as Stripe.js reports a wrong key: the message names the keys.
      fake.customer = {
        action: 'error',
        error: { type: 'authentication_error', message: `Invalid API Key provided: ${TEST_KEY}; ${key}` },
      };
      const m = await mount({ attrs: { account: CHECKING } });
      const outcome = await expectSoundAttempt(m, {
        run: () => m.el.relink(),
        expect: { status: 'error', code: 'stripe_error', retryable: false },
        heal: () => {
          fake.customer = { action: 'relink' };
        },
        retryAccounts: [CHECKING],
      });
      const { error } = outcome as Extract<RelinkOutcome, { status: 'error' }>;
      expect(error.stripeError).to.deep.equal({
        type: 'authentication_error',
        message: 'Invalid API Key provided: [publishable key]; [secret key]',
      });
      expect(error.message).not.to.match(/pk_test_|sk_live_/);
    });

    it('fails closed when it resolves with both an error and a session', async () => {
      const m = await faulty(async (options, real) => ({
        ...((await real(options)) as object),
        error: { type: 'api_error', message: 'Partial failure' },
      }));
      await soundFault(m, malformed);
    });
  });

  describe('when it resolves twice, or late', () => {
    it('takes the first of two resolutions of a thenable that resolves twice', async () => {
      let secondDelivered = false;
      const m = await faulty((options, real) => ({
        then(resolve: (value: unknown) => void) {
          void real(options).then((result) => {
            resolve(result);
            setTimeout(() => {
              resolve({ error: { type: 'api_error', message: 'second resolution' } });
              secondDelivered = true;
            }, 20);
          });
        },
      }));
      await expectSoundAttempt(m, {
        run: () => m.el.relink(),
        expect: { status: 'success', accounts: [CHECKING] },
        heal: async () => {
          await until(() => secondDelivered, 'the second resolution');
          stripeJs.fault = null;
        },
      });
      expect(m.events.filter((e) => e.type === 'fc-relink-error')).to.have.length(0);
    });

    it('reports the result once, on the element, when it resolves after the element has left the page', async () => {
      const held = holdFlows();
      const m = await mount({ attrs: { account: CHECKING } });
      await expectSoundAttempt(m, {
        run: async () => {
          const attempt = m.el.relink();
          await until(() => held.length === 1 && m.el.state === 'open', 'the flow opened');
          m.el.remove();
          // Long enough for the removal to count (not a move), and then some.
          await sleep(100);
          expect(m.el.state).to.equal('open');
          held[0]?.act({ action: 'relink' });
          return attempt;
        },
        expect: { status: 'success', accounts: [CHECKING] },
        heal: () => {
          fake.customer = { action: 'relink' };
          document.body.append(m.el);
        },
      });
      expect(m.launches()).to.have.length(2);
    });

    it('makes a second element wait for a flow whose element has left, until its late result arrives', async () => {
      const log: string[] = [];
      const held = holdFlows(log);
      const a = await mount({ attrs: { account: CHECKING } });
      const b = await mount({ attrs: { account: SAVINGS } });
      const flowA = (async () => {
        const attempt = a.el.relink();
        await until(() => held.length === 1, 'the first flow opened');
        a.el.remove();
        return attempt;
      })();
      await until(() => held.length === 1 && !a.el.isConnected, 'the first element removed');
      const [outcomeA, outcomeB] = await Promise.all([
        expectSoundAttempt(a, { run: () => flowA, expect: { status: 'success', accounts: [CHECKING] }, heal: false }),
        expectSoundAttempt(b, {
          run: async () => {
            const attempt = b.el.relink();
            await sleep(150);
            // b has its session, and waits: a's flow is still open, though a is gone.
            expect(held).to.have.length(1);
            expect(b.el.state).to.equal('loading');
            expect(b.events.some((e) => e.type === 'fc-relink-start')).to.equal(false);
            held[0]?.act({ action: 'relink' });
            await until(() => held.length === 2, 'the second flow opened');
            held[1]?.act({ action: 'relink' });
            return attempt;
          },
          expect: { status: 'success', accounts: [SAVINGS] },
          heal: false,
        }),
      ]);
      expect(outcomeA.status).to.equal('success');
      expect(outcomeB.status).to.equal('success');
      expect(log).to.deep.equal([`open ${CHECKING}`, `close ${CHECKING}`, `open ${SAVINGS}`, `close ${SAVINGS}`]);
      // The following attempts, with nothing held.
      fake.customer = { action: 'relink' };
      document.body.append(a.el);
      await expectSoundAttempt(a, {
        run: () => a.el.relink(),
        expect: { status: 'success', accounts: [CHECKING] },
        heal: false,
      });
      await expectSoundAttempt(b, {
        run: () => b.el.relink(),
        expect: { status: 'success', accounts: [SAVINGS] },
        heal: false,
      });
    });
  });
});
