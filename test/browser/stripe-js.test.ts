// Getting Stripe.js: the page's window.Stripe through the real loader, or the page's own instance
// given as the `stripe` property. When js.stripe.com fails, see faults/stripe-*.test.ts.
import { CHECKING, TEST_KEY, clickAndWait, expect, fake, mount, sleep } from './harness/index.js';

describe('getting Stripe.js', () => {
  describe('when window.Stripe is already on the page', () => {
    it('reuses it instead of injecting a script', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      const outcome = await clickAndWait(m);
      expect(outcome.type).to.equal('fc-relink-success');
      expect(document.querySelector('script[src^="https://js.stripe.com"]')).to.equal(null);
    });

    it('makes one Stripe instance per key and connected account, shared by every element', async () => {
      const a = await mount({ attrs: { 'publishable-key': 'pk_test_shared1' } });
      const b = await mount({ attrs: { 'publishable-key': 'pk_test_shared1' } });
      const before = fake.instances.length;
      await clickAndWait(a);
      await clickAndWait(b);
      await a.el.relink(); // a's button is done after its success
      expect(fake.instances.length - before).to.be.at.most(1);
      const made = fake.instances.filter((i) => !i.livemode && i.stripeAccount === null).length;
      expect(made).to.be.greaterThan(0);

      const connectedBefore = fake.instances.length;
      const c = await mount({ attrs: { 'publishable-key': 'pk_test_shared1', 'stripe-account': 'acct_1Connected' } });
      await clickAndWait(c);
      expect(fake.instances.length).to.equal(connectedBefore + 1);
      expect(fake.instances.at(-1)?.stripeAccount).to.equal('acct_1Connected');
    });

    it('uses the key it was given', async () => {
      const before = fake.instances.length;
      const m = await mount({ attrs: { 'publishable-key': `${TEST_KEY}x` } });
      await clickAndWait(m);
      expect(fake.instances.length).to.equal(before + 1);
    });

    it('opens the flow on the connected account given by stripe-account', async () => {
      // The session was created on the platform, not on acct_1Connected: Stripe cannot find it.
      const m = await mount({ attrs: { 'stripe-account': 'acct_1Connected' } });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'stripe_error' });
      expect((outcome.detail as { stripeError?: { code?: string } }).stripeError?.code).to.equal('resource_missing');
    });
  });

  describe('when the page gives its own Stripe.js as the stripe property', () => {
    it('counts an empty stripe, fetchSession or verifySession (as Preact leaves a property it unsets) as not set', async () => {
      const m = await mount({
        attrs: { account: CHECKING },
        props: { stripe: '' as never, fetchSession: '' as never, verifySession: '' as never },
      });
      const outcome = await clickAndWait(m);
      expect(outcome.type).to.equal('fc-relink-success');
      expect(m.endpoint.requests).to.have.length(1);
    });

    it('needs no key for an instance', async () => {
      const m = await mount({ attrs: { 'publishable-key': '' }, props: { stripe: fake.Stripe('pk_test_given') } });
      const outcome = await clickAndWait(m);
      expect(outcome.type).to.equal('fc-relink-success');
    });

    it('accepts a Promise of an instance', async () => {
      const m = await mount({
        attrs: { 'publishable-key': '' },
        props: { stripe: Promise.resolve(fake.Stripe('pk_test_given')) },
      });
      const outcome = await clickAndWait(m);
      expect(outcome.type).to.equal('fc-relink-success');
    });

    it('refuses a value that is not a Stripe.js instance with invalid_config, before any request', async () => {
      const m = await mount({ props: { stripe: { hello: 'world' } as never } });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'invalid_config' });
      expect((outcome.detail as { message: string }).message).to.include('stripe must be a Stripe.js instance');
      expect(m.endpoint.requests).to.have.length(0);
    });

    it('reports stripe_load_failed, retryable, when the promise resolves to something else', async () => {
      const m = await mount({ props: { stripe: Promise.resolve(null) as never } });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'stripe_load_failed', retryable: true });
    });

    it('takes a promise that rejects before the first attempt without an unhandled rejection, and reports it then', async () => {
      const m = await mount({
        props: { stripe: sleep(5).then(() => Promise.reject(new Error('Failed to load Stripe.js'))) },
      });
      await sleep(50); // the after-each check fails the test on any unhandled rejection by now
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'stripe_load_failed', retryable: true });
    });
  });
});
