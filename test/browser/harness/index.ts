// The harness of every browser test: a real <fc-relink>, the real @stripe/stripe-js loader
// reusing a fake window.Stripe (or js.stripe.com answered as a test says), the merchant's
// endpoints mocked by msw, and after each test the checks that hold after any scenario (./page.ts).
// First: every channel the element opens on this page is this page's own.
export { pageChannelName } from './broadcast.js';
export { expect } from '@esm-bundle/chai';
export {
  clickAndWait,
  isTerminal,
  mount,
  observe,
  outcomeOf,
  recordEvents,
  recordRelinkCalls,
  watch,
  type EventRecord,
  type Mounted,
  type MountOptions,
  type RecordedEvent,
} from './element.js';
export { assertNoLeak, secretShapeIn } from './leaks.js';
export {
  ENDPOINT,
  endpointAnswered,
  VERIFY_ENDPOINT,
  restoreEndpoint,
  startWorker,
  stripeNetwork,
  useEndpoint,
  useHandlers,
  useVerifyEndpoint,
  withoutWindowStripe,
  type StripeNetworkMode,
} from './network.js';
export { assertNoSecretLeak, consoleMark, consoleSince, plantSecret, takeUncaught, uncaughtSoFar } from './page.js';
export { expectSoundAttempt, type ExpectedOutcome, type SoundAttempt } from './sound-attempt.js';
export {
  CHECKING,
  SAVINGS,
  TEST_KEY,
  fake,
  holdFlows,
  recordStripeJsLoads,
  sessionFromFake,
  stripeJs,
} from './stripe-js.js';
export { customerTextOf, describeValue, safeStringify } from './text.js';
export { keyDown, keyUp } from './keys.js';
export {
  USABLE,
  clickInFlow,
  deepActiveElement,
  flowAt,
  flowHeading,
  flowReach,
  press,
  realClick,
  stripeFrame,
} from './stripe-frame.js';
export { sleep, until } from './time.js';
