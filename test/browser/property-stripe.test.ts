// Property: given a good session, whatever Stripe.js does (the fake's results and mutations of
// them, malformed shapes, rejections, synchronous throws, thenables that settle twice, slow or
// failed loads, at any timing), one attempt ends with exactly one correct outcome, leaks nothing,
// runs no markup, and the next attempt works. See property-support.ts.
import { fc, fcParameters, planArb, reportTally, runPlan, stripeArb, testTimeout, validResponseArb } from './property-support.js';

describe('<fc-relink> under arbitrary Stripe.js behaviour (property)', () => {
  after(reportTally);

  it('ends every attempt with exactly one correct outcome, and leaks nothing', async function () {
    this.timeout(testTimeout());
    await fc.assert(fc.asyncProperty(planArb(validResponseArb, stripeArb), runPlan), fcParameters());
  });
});
