// Property: whatever the session endpoint answers (any status a server can send, any headers,
// any body bytes: valid, near-valid, garbage, huge, empty, unicode; after any delay, or never),
// and whatever Stripe.js then does, one attempt ends with exactly one outcome the contract
// allows, leaks nothing, runs no markup, and the next attempt works. See ./runner.ts.
import { fc, planArb, relinkingStripeArb, responseArb } from './arbitraries.js';
import { fcParameters, reportTally, runPlan, testTimeout } from './runner.js';

describe('any endpoint response (property)', () => {
  after(reportTally);

  describe('when the endpoint answers anything at all', () => {
    it('ends every attempt with exactly one outcome the contract allows, and leaks nothing', async function () {
      this.timeout(testTimeout());
      await fc.assert(fc.asyncProperty(planArb(responseArb, relinkingStripeArb()), runPlan), fcParameters());
    });
  });
});
