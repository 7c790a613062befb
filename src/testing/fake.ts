// fc-relink/testing/fake: the fake Stripe and the simulated flow alone, for tests and demos that
// mock the endpoint some other way (Playwright routes, fetchSession). It does not import msw.
export {
  createFakeStripe,
  DEFAULT_AUTHORIZATIONS,
  type CreateSessionParams,
  type FakeAccountHolder,
  type FakeAccountInit,
  type FakeAuthorization,
  type FakeAuthorizationInit,
  type FakeCustomer,
  type FakeCustomerAction,
  type FakeHostedEmail,
  type FakeHostedPage,
  type FakeLaunch,
  type FakeSession,
  type FakeStripe,
  type FakeStripeApiError,
  type FakeStripeConstructor,
  type FakeStripeError,
  type FakeStripeInstance,
  type FakeStripeOptions,
  type FakeStripeSnapshot,
} from './fake-stripe.js';
export { createSimulatedCustomer, type SimulatorOptions } from './simulator.js';
export { ENGLISH_SIMULATOR_TEXTS, type SimulatorTexts } from './simulator-texts.js';
