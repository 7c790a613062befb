// fc-relink/testing: a faithful fake of Stripe.js and the Financial Connections API, and msw
// handlers for the merchant endpoint, for integrators' own tests and demos.
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
export {
  createSessionEndpoint,
  createVerifyEndpoint,
  ENDPOINT_SCENARIOS,
  VERIFY_SCENARIOS,
  type EndpointScenario,
  type RecordedSessionRequest,
  type SessionEndpoint,
  type SessionEndpointOptions,
  type VerifyEndpoint,
  type VerifyEndpointOptions,
  type VerifyScenario,
} from './endpoint.js';
export { createSimulatedCustomer, type SimulatorOptions } from './simulator.js';
