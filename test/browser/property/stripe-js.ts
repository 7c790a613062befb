// The Stripe.js side of a property run: what the plan's Stripe.js does. The fake Stripe.js found
// as window.Stripe by the real loader, with the customer acting as planned; or a stand-in given
// as the `stripe` property, which runs the fake's flow and changes its result, resolves with
// anything, rejects, throws, settles twice, or fails to load.
import type { StripeLike } from '../../../src/index.js';
import type { FakeCustomerAction, FakeStripeError } from '../../../src/testing/index.js';
import { CHECKING, TEST_KEY, fake, sleep } from '../harness/index.js';
import type { CustomerPlan, Plan, RejectPlan, ResultMutation, StripePlan } from './arbitraries.js';
import { plant, plantDeep, type RunContext } from './server.js';

/** An Error that throws (another such Error) when its message is read. */
class PoisonedError extends Error {
  override get message(): string {
    throw new PoisonedError();
  }
}

/** A context with a session to plant: the run's, or a fresh one (audited like the run's). */
function withSession(ctx: RunContext): RunContext {
  if (ctx.session) return ctx;
  const session = fake.createSession();
  ctx.sessions.push(session);
  return { ...ctx, session };
}

function rejectionOf(reason: RejectPlan, ctx: RunContext): unknown {
  switch (reason.kind) {
    case 'error':
      return new Error(plant(reason.message, withSession(ctx)));
    case 'value':
      return typeof reason.value === 'string' ? plant(reason.value, withSession(ctx)) : reason.value;
    case 'no-prototype':
      return Object.assign(Object.create(null), { message: 'no prototype' });
    case 'throwing-tostring':
      return {
        toString() {
          throw new Error('toString refused');
        },
      };
    case 'poisoned-error':
      return new PoisonedError();
  }
}

function customerAction(customer: CustomerPlan, ctx: RunContext): FakeCustomerAction {
  switch (customer.action) {
    case 'relink':
      // Stripe lets the customer choose only in an any-account session.
      return ctx.session?.relink_options.account === null
        ? { action: 'relink', select: customer.select }
        : { action: 'relink' };
    case 'cancel':
      return { action: 'cancel' };
    case 'error': {
      const error: FakeStripeError = { type: customer.error.type as FakeStripeError['type'] };
      if (customer.error.code !== undefined) error.code = customer.error.code;
      if (customer.error.message !== undefined) error.message = plant(customer.error.message, ctx);
      return { action: 'error', error };
    }
    case 'misbehave':
      return { action: 'misbehave', accounts: customer.accounts };
    case 'throw':
      throw new Error(plant(customer.message, ctx));
  }
}

/** The fake's customer acts as planned, after the flow's delay. */
function setCustomer(customer: CustomerPlan, flowDelayMs: number, ctx: RunContext): void {
  fake.customer = async () => {
    if (flowDelayMs) await sleep(flowDelayMs);
    return customerAction(customer, ctx);
  };
}

/** A faulty Stripe.js's change to what the fake returned. */
function mutate(result: unknown, mutation: ResultMutation, ctx: RunContext): unknown {
  const r = { ...(result as Record<string, unknown>) };
  const session = r.financialConnectionsSession as Record<string, unknown> | undefined;
  const s = session ? { ...session } : undefined;
  if (s) r.financialConnectionsSession = s;
  switch (mutation.kind) {
    case 'none':
      return r;
    case 'drop-session':
      delete r.financialConnectionsSession;
      delete r.error;
      return r;
    case 'session-not-object':
      r.financialConnectionsSession = mutation.value;
      delete r.error;
      return r;
    case 'id-other':
      if (s) s.id = ctx.otherSessionId = fake.createSession().id;
      return r;
    case 'id-not-string':
      if (s) s.id = mutation.value;
      return r;
    case 'accounts-not-array':
      if (s) s.accounts = mutation.value;
      return r;
    case 'accounts':
      // Not planted with secrets: accounts are Stripe's data, passed on as Stripe.js returned
      // them; a Stripe.js that echoes the client secret into an account is outside the model.
      if (s) s.accounts = mutation.accounts;
      return r;
    case 'add-error':
      r.error =
        typeof mutation.error === 'object' && mutation.error !== null ? plantDeep(mutation.error, ctx) : mutation.error;
      return r;
    case 'falsy-error':
      r.error = mutation.value;
      return r;
    case 'extra-fields':
      for (const [k, v] of mutation.extras) if (k !== 'error' && k !== 'financialConnectionsSession') r[k] = v;
      return r;
    case 'throwing-getter':
      return Object.defineProperty(r, 'error', {
        enumerable: true,
        get() {
          throw new Error('getter refused');
        },
      });
  }
}

/** One Stripe.js instance made by the fake constructor, for stand-ins that wrap the real fake. */
let baseInstance: StripeLike | null = null;
const base = () => (baseInstance ??= fake.Stripe(TEST_KEY));

/** A Stripe.js instance (not the fake itself) whose collectFinancialConnectionsAccounts does as planned. */
function standIn(plan: Extract<StripePlan, { kind: 'instance' }>, ctx: RunContext): StripeLike {
  const { collect } = plan;
  const real = (clientSecret: string, customer: CustomerPlan) => {
    setCustomer(customer, plan.flowDelayMs, ctx);
    return base().collectFinancialConnectionsAccounts({ clientSecret });
  };
  const fn = ({ clientSecret }: { clientSecret: string }): unknown => {
    ctx.collectCalls += 1;
    switch (collect.kind) {
      case 'real':
        return real(clientSecret, collect.customer).then((result) => mutate(result, collect.mutation, ctx));
      case 'sync': {
        const session = ctx.session!;
        const id = session.relink_options.account ?? CHECKING;
        const account = fake.authorizations
          .get(session.relink_options.authorization)!
          .accounts.find((a) => a.id === id);
        return mutate(
          { financialConnectionsSession: { id: session.id, accounts: [{ ...account }] } },
          collect.mutation,
          ctx,
        );
      }
      case 'resolve-anything':
        return sleep(plan.flowDelayMs).then(() => collect.value);
      case 'reject':
        return sleep(plan.flowDelayMs).then(() => {
          throw rejectionOf(collect.reason, ctx);
        });
      case 'throw-sync':
        throw rejectionOf(collect.reason, ctx);
      case 'settle-twice':
        // A thenable that settles twice: the first settlement must be the only one that counts.
        return {
          then(onFulfilled: (v: unknown) => void, onRejected: (e: unknown) => void) {
            real(clientSecret, collect.customer).then(
              (result) => {
                onFulfilled(result);
                if (collect.then === 'reject') onRejected(new Error('second settlement'));
                else onFulfilled({ financialConnectionsSession: { id: 'fcsess_other', accounts: [] } });
              },
              (error: unknown) => {
                onRejected(error);
                onFulfilled({ financialConnectionsSession: { id: 'fcsess_other', accounts: [] } });
              },
            );
          },
        };
    }
  };
  return { collectFinancialConnectionsAccounts: fn as StripeLike['collectFinancialConnectionsAccounts'] };
}

/** The `stripe` property for the plan (null: the loader finds the fake window.Stripe). */
export function stripeProperty(plan: Plan, ctx: RunContext): StripeLike | Promise<StripeLike> | null {
  const { stripe } = plan;
  switch (stripe.kind) {
    case 'loader':
      fake.customer = async () => {
        ctx.collectCalls += 1;
        if (stripe.flowDelayMs) await sleep(stripe.flowDelayMs);
        return customerAction(stripe.customer, ctx);
      };
      return null;
    case 'instance': {
      const instance = standIn(stripe, ctx);
      if (!stripe.asPromise) return instance;
      return sleep(stripe.loadDelayMs).then(() => instance);
    }
    case 'load-reject':
      return sleep(5).then(() => Promise.reject(rejectionOf(stripe.reason, ctx)));
    case 'load-non-stripe':
      return Promise.resolve(stripe.value as StripeLike);
    case 'load-hang':
      return new Promise<never>(() => {});
    case 'invalid-instance':
      return stripe.value as StripeLike;
  }
}
