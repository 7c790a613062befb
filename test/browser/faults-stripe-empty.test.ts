// The fault matrix, Stripe.js loading (3/3): js.stripe.com answers 200 with a script that does
// not define window.Stripe (a captive portal, a broken proxy). Its own page: once Stripe.js has
// loaded, a page never loads it again.
import { CHECKING, expect, expectSoundAttempt, mount, setStripeNetwork } from './support.js';

describe('fault matrix: Stripe.js loads without window.Stripe', () => {
  before(async () => {
    delete (window as { Stripe?: unknown }).Stripe;
    await setStripeNetwork('empty');
  });
  after(() => setStripeNetwork('block'));

  it('reports stripe_load_failed, retryable, and succeeds once the real script loads', async () => {
    const m = await mount({ attrs: { account: CHECKING } });
    await expectSoundAttempt(m, {
      run: () => m.el.relink(),
      expect: { status: 'error', code: 'stripe_load_failed', retryable: true },
      heal: () => setStripeNetwork('fake'),
      retryAccounts: [CHECKING],
    });
    expect('Stripe' in window).to.equal(true);
    expect(m.launches()).to.have.length(1);
  });
});
