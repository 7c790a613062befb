// The fault matrix, Stripe.js loading (2/3): js.stripe.com never answers. Its own page: once
// Stripe.js has loaded, a page never loads it again.
import { CHECKING, expect, expectSoundAttempt, mount, setStripeNetwork } from './support.js';

describe('fault matrix: Stripe.js hangs', () => {
  before(async () => {
    delete (window as { Stripe?: unknown }).Stripe;
    await setStripeNetwork('hang');
  });
  after(() => setStripeNetwork('block'));

  it('ends the attempt with stripe_load_failed within stripe-timeout, and succeeds once Stripe.js arrives', async () => {
    const m = await mount({ attrs: { account: CHECKING, 'stripe-timeout': '250' } });
    await expectSoundAttempt(m, {
      run: () => m.el.relink(),
      expect: { status: 'error', code: 'stripe_load_failed', retryable: true },
      within: 250 + 1500,
      // The held request is answered at last: the same load, slow rather than failed. (The small
      // timeout only kept this case fast; the following attempt gets the default.)
      heal: async () => {
        await setStripeNetwork('fake');
        m.el.removeAttribute('stripe-timeout');
      },
      retryAccounts: [CHECKING],
    });
    expect(m.launches()).to.have.length(1);
    expect(m.events.filter((e) => e.type === 'fc-relink-start')).to.have.length(1);
  });
});
