// Property: whatever the session endpoint answers (any status a server can send, any headers,
// any body bytes: valid, near-valid, garbage, huge, empty, unicode; after any delay, or never),
// and whatever Stripe.js then does, one attempt ends with exactly one correct outcome, leaks
// nothing, runs no markup, and the next attempt works. See property-support.ts.
import { fc, fcParameters, planArb, relinkingStripeArb, reportTally, responseArb, runPlan, testTimeout } from './property-support.js';

describe('<fc-relink> under arbitrary endpoint responses (property)', () => {
  after(reportTally);

  it('ends every attempt with exactly one correct outcome, and leaks nothing', async function () {
    this.timeout(testTimeout());
    await fc.assert(fc.asyncProperty(planArb(responseArb, relinkingStripeArb()), runPlan), fcParameters());
  });
});
