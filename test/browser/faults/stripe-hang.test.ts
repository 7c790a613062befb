// The fault matrix: js.stripe.com never answers. In a page of its own, without window.Stripe:
// once Stripe.js has loaded, a page never loads it again, and the case ends by letting it arrive.
import {
  CHECKING,
  expect,
  expectSoundAttempt,
  mount,
  stripeNetwork,
  withoutWindowStripe,
  type SoundAttempt,
} from '../harness/index.js';

describe('the fault matrix: Stripe.js', () => {
  withoutWindowStripe('hang');

  describe('when js.stripe.com never answers', () => {
    it('ends each attempt with stripe_load_failed once stripe-timeout has passed, and succeeds once Stripe.js arrives', async () => {
      const m = await mount({ attrs: { account: CHECKING, 'stripe-timeout': '250' } });
      const timesOut: Omit<SoundAttempt, 'heal'> = {
        run: () => m.el.relink(),
        expect: { status: 'error', code: 'stripe_load_failed', retryable: true },
        notBefore: 240,
        within: 250 + 1500,
      };
      // A second attempt does not wait on the first one's load: it times out on its own.
      await expectSoundAttempt(m, { ...timesOut, heal: false });
      await expectSoundAttempt(m, {
        ...timesOut,
        // The held request is answered at last: the same load, slow rather than failed. (The small
        // timeout only kept this case fast; the following attempt gets the default.)
        heal: async () => {
          await stripeNetwork('fake');
          m.el.removeAttribute('stripe-timeout');
        },
        retryAccounts: [CHECKING],
      });
      const errors = m.events.filter((e) => e.type === 'fc-relink-error');
      for (const error of errors)
        expect((error.detail as { message: string }).message).to.include('did not load within 250 ms');
      expect(m.endpoint.requests, 'a new session for every attempt').to.have.length(3);
      expect(m.launches()).to.have.length(1);
      expect(m.events.filter((e) => e.type === 'fc-relink-start')).to.have.length(1);
    });
  });
});
