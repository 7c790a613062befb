// Stripe.js as the tests see it: one fake per page (fc-relink/testing's), found as window.Stripe
// by the real @stripe/stripe-js loader, and a controllable Stripe.js that js.stripe.com serves
// in the 'fake' network mode.
import type { FetchSession } from '../../../src/index.js';
import {
  createFakeStripe,
  type FakeCustomerAction,
  type FakeLaunch,
  type FakeStripe,
} from '../../../src/testing/index.js';

export const TEST_KEY = 'pk_test_51FcRelinkDemo0000000000000000';
export const CHECKING = 'fca_test_checking';
export const SAVINGS = 'fca_test_savings';

// @stripe/stripe-js keeps the first window.Stripe it finds for the page's lifetime, exactly as it
// would keep the real one: hence one fake per page.
export const fake: FakeStripe = createFakeStripe();
fake.install(window);

type Collect = FakeStripe['Stripe'] extends (...args: never[]) => infer I
  ? I extends { collectFinancialConnectionsAccounts: infer C }
    ? C
    : never
  : never;

/**
 * The Stripe.js that js.stripe.com serves in the 'fake' network mode: a constructor like the
 * fake's, whose `collectFinancialConnectionsAccounts` a test can replace with a fault (`fault`
 * gets the call's options and the fake's own implementation, and may throw, reject or return
 * anything). Reset to no fault before each test.
 */
export const stripeJs: {
  fault: ((options: unknown, real: Collect) => unknown) | null;
  Stripe: (
    key: string,
    options?: { stripeAccount?: string },
  ) => { collectFinancialConnectionsAccounts(options: unknown): unknown };
} = {
  fault: null,
  Stripe: Object.assign(
    (key: string, options?: { stripeAccount?: string }) => {
      const real = fake.Stripe(key, options);
      const collect = real.collectFinancialConnectionsAccounts.bind(real) as Collect;
      return {
        registerAppInfo() {},
        collectFinancialConnectionsAccounts(opts: unknown) {
          const { fault } = stripeJs;
          return fault ? fault(opts, collect) : (collect as (o: unknown) => unknown)(opts);
        },
      };
    },
    { version: fake.Stripe.version },
  ),
};
(window as { __fcRelinkStripeJs?: unknown }).__fcRelinkStripeJs = stripeJs.Stripe;

/** Puts the fake back as it is at the start of every test. */
export function resetStripe(): void {
  fake.customer = { action: 'relink' };
  stripeJs.fault = null;
}

/**
 * A fetchSession that creates the session straight from the fake, and tells when it has: from
 * then on only microtasks stand between the attempt and its next step (the wait behind another
 * element's flow, say), unlike an endpoint answer still on its way.
 */
export function sessionFromFake(): { fetchSession: FetchSession; obtained: () => boolean } {
  let obtained = false;
  return {
    fetchSession: async ({ account }) => {
      const session = fake.toSessionConfig(fake.createSession({ account }));
      obtained = true;
      return session;
    },
    obtained: () => obtained,
  };
}

/** Holds every Stripe flow open until the test lets the customer act; `log` gets open/close marks. */
export function holdFlows(log?: string[]): { launch: FakeLaunch; act: (action: FakeCustomerAction) => void }[] {
  const held: { launch: FakeLaunch; act: (action: FakeCustomerAction) => void }[] = [];
  fake.customer = (launch) =>
    new Promise((resolve) => {
      const name = launch.session.relink_options.account ?? launch.session.id;
      log?.push(`open ${name}`);
      held.push({
        launch,
        act: (action) => {
          log?.push(`close ${name}`);
          resolve(action);
        },
      });
    });
  return held;
}

/**
 * Puts a recorder in front of the fake on window.Stripe: the real loader calls it once per key,
 * so the keys pushed to `into` show whether (and how often) Stripe.js was loaded for a key.
 * `fake.install(window)` takes it away.
 */
export function recordStripeJsLoads(into: string[]): void {
  const inner = fake.Stripe;
  const recording = (key: string, options?: { stripeAccount?: string; locale?: string }) => {
    into.push(key);
    return inner(key, options);
  };
  (window as { Stripe?: unknown }).Stripe = Object.assign(recording, { version: inner.version });
}
