// The fault matrix: js.stripe.com answers 200 with a script that does not define window.Stripe
// (a captive portal, a broken proxy). In a page of its own, without window.Stripe: once Stripe.js
// has loaded, a page never loads it again, and the case ends by letting the real script load.
import { CHECKING, expect, expectSoundAttempt, mount, stripeNetwork, withoutWindowStripe } from '../harness/index.js';

describe('the fault matrix: Stripe.js', () => {
  withoutWindowStripe('empty');

  describe('when js.stripe.com answers a script that defines no window.Stripe', () => {
    it('reports stripe_load_failed, retryable, and succeeds once the real script loads', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      await expectSoundAttempt(m, {
        run: () => m.el.relink(),
        expect: { status: 'error', code: 'stripe_load_failed', retryable: true },
        heal: () => stripeNetwork('fake'),
        retryAccounts: [CHECKING],
      });
      expect('Stripe' in window).to.equal(true);
      expect(m.launches()).to.have.length(1);
    });
  });
});
