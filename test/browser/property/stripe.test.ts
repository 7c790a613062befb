// Property: given a good session, whatever Stripe.js does (the fake's results and mutations of
// them, malformed shapes, rejections, synchronous throws, thenables that settle twice, slow or
// failed loads, at any timing), one attempt ends with exactly one outcome the contract allows,
// leaks nothing, runs no markup, and the next attempt works. See ./runner.ts.
import { fc, planArb, stripeArb, validResponseArb } from './arbitraries.js';
import { fcParameters, reportTally, runPlan, testTimeout } from './runner.js';

describe('any Stripe.js behaviour (property)', () => {
  after(reportTally);

  describe('when Stripe.js does anything at all, after a good session', () => {
    it('ends every attempt with exactly one outcome the contract allows, and leaks nothing', async function () {
      this.timeout(testTimeout());
      await fc.assert(fc.asyncProperty(planArb(validResponseArb, stripeArb), runPlan), fcParameters());
    });
  });
});
