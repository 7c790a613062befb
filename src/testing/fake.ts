// fc-relink/testing/fake: the fake Stripe and the simulated flow alone, for tests and demos that
// mock the endpoint some other way (Playwright routes, fetchSession). It does not import msw.
export {
  createFakeStripe,
  DEFAULT_AUTHORIZATIONS,
  type CreateSessionParams,
  type FakeAccountInit,
  type FakeAuthorizationInit,
  type FakeCustomer,
  type FakeCustomerAction,
  type FakeLaunch,
  type FakeSession,
  type FakeStripe,
  type FakeStripeConstructor,
  type FakeStripeError,
  type FakeStripeInstance,
  type FakeStripeOptions,
} from './fake-stripe.js';
export { createSimulatedCustomer, type SimulatorOptions } from './simulator.js';
