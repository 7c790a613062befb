// The fault matrix: the page has its own Stripe.js tag, still loading. In a page of its own,
// without window.Stripe: whichever URL the tag uses, fc-relink waits for it rather than injecting
// a second Stripe.js.
import { CHECKING, expect, mount, sleep, stripeNetwork, until, withoutWindowStripe } from '../harness/index.js';

const stripeScripts = () => [...document.querySelectorAll<HTMLScriptElement>('script[src^="https://js.stripe.com"]')].map((s) => s.src);

describe('the fault matrix: Stripe.js', () => {
  withoutWindowStripe('hang');

  describe('when the page\'s own Stripe.js tag is still loading', () => {
    const urls = ['https://js.stripe.com/v3/stripe.js', 'https://js.stripe.com/v3', 'https://js.stripe.com/endive/stripe.js'];
    for (const [i, url] of urls.entries()) {
      it(`waits for a ${url} tag instead of injecting another Stripe.js, and uses it once it has loaded`, async () => {
        const tag = Object.assign(document.createElement('script'), { src: url });
        document.head.append(tag);
        // A key of its own: no Stripe.js instance from an earlier case stands in.
        const m = await mount({ attrs: { account: CHECKING, 'stripe-timeout': '10000', 'publishable-key': `pk_test_tag${i}` } });
        const outcome = m.nextOutcome();
        m.button().click();
        await until(() => m.el.state === 'loading', 'loading');
        // Long enough for the attempt to have decided whether to inject Stripe.js.
        await sleep(300);
        expect(stripeScripts(), 'Stripe.js tags while the page\'s own loads').to.deep.equal([url]);
        await stripeNetwork('fake');
        expect((await outcome).type).to.equal('fc-relink-success');
        expect(stripeScripts()).to.deep.equal([url]);
        tag.remove();
        delete (window as { Stripe?: unknown }).Stripe;
        await stripeNetwork('hang');
      });
    }
  });
});
