// The fault matrix, Stripe.js loading (1/3): js.stripe.com is blocked (an ad blocker, a firewall,
// no network). Its own page: once Stripe.js has loaded, a page never loads it again.
import { CHECKING, expect, expectSoundAttempt, fake, mount, setStripeNetwork } from './support.js';

describe('fault matrix: Stripe.js is blocked', () => {
  before(async () => {
    delete (window as { Stripe?: unknown }).Stripe;
    await setStripeNetwork('block');
  });
  after(() => setStripeNetwork('block'));

  it('reports stripe_load_failed, retryable, never opens a flow, and succeeds once Stripe.js can load', async () => {
    const m = await mount({ attrs: { account: CHECKING } });
    await expectSoundAttempt(m, {
      run: () => {
        m.button().click();
        return m.el.relink();
      },
      expect: { status: 'error', code: 'stripe_load_failed', retryable: true },
      heal: () => setStripeNetwork('fake'),
      retryAccounts: [CHECKING],
    });
    expect(m.launches()).to.have.length(1);
    expect(m.events.filter((e) => e.type === 'fc-relink-start')).to.have.length(1);
    // The session the failed attempt obtained was never launched.
    expect(m.launches()[0]?.sessionId).to.equal(m.endpoint.sessions[1]?.id);
    expect(fake.sessions.get(m.endpoint.sessions[0]?.id ?? '')?.status).to.equal('pending');
  });
});
