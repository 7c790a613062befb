import { clickAndWait, expect, mount, setStripeNetwork } from './support.js';

describe('<fc-relink> when Stripe.js never finishes loading', () => {
  before(async () => {
    delete (window as { Stripe?: unknown }).Stripe;
    await setStripeNetwork('hang');
  });
  after(() => setStripeNetwork('block'));

  it('reports stripe_load_failed after stripe-timeout', async () => {
    const m = await mount({ attrs: { 'stripe-timeout': '200' } });
    const started = performance.now();
    const outcome = await clickAndWait(m);
    expect(performance.now() - started).to.be.greaterThan(190);
    expect(outcome.detail).to.deep.include({ code: 'stripe_load_failed', retryable: true });
    expect((outcome.detail as { message: string }).message).to.include('did not load within 0.2 s');
    expect(m.launches()).to.have.length(0);
  });

  it('times out again on the next attempt rather than hanging', async () => {
    const m = await mount({ attrs: { 'stripe-timeout': '100' } });
    expect((await clickAndWait(m)).detail).to.deep.include({ code: 'stripe_load_failed' });
    expect((await clickAndWait(m)).detail).to.deep.include({ code: 'stripe_load_failed' });
    expect(m.endpoint.requests).to.have.length(2);
  });
});
