// fc-relink/testing: a faithful fake of Stripe.js and the Financial Connections API, msw handlers
// for the merchant's session and verify endpoints, and a simulated flow, for integrators' own
// tests and demos. (fc-relink/testing/fake has the same without msw.)
export * from './fake.js';
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
export {
  createHostedEndpoint,
  type HostedEndpoint,
  type HostedEndpointOptions,
  type HostedEndpointScenario,
} from './hosted-endpoint.js';
