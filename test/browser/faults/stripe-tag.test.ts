// The fault matrix: the page has its own Stripe.js tag, still loading. In a page of its own,
// without window.Stripe: whichever URL the tag uses, fc-relink waits for it rather than injecting
// a second Stripe.js.
import { CHECKING, expect, mount, sleep, stripeNetwork, withoutWindowStripe } from '../harness/index.js';

describe('the fault matrix: Stripe.js', () => {
  withoutWindowStripe('hang');

  describe("when the page's own Stripe.js tag is still loading", () => {
    const urls = [
      'https://js.stripe.com/v3/stripe.js',
      'https://js.stripe.com/v3',
      'https://js.stripe.com/endive/stripe.js',
    ];
    for (const [i, url] of urls.entries()) {
      it(`waits for a ${url} tag instead of injecting another Stripe.js, and relinks`, async () => {
        const tag = Object.assign(document.createElement('script'), { src: url });
        document.head.append(tag);
        const injected: string[] = [];
        const watcher = new MutationObserver((records) => {
          for (const node of records.flatMap((r) => [...r.addedNodes]))
            if (node instanceof HTMLScriptElement) injected.push(node.src);
        });
        watcher.observe(document.head, { childList: true });
        // A key of its own: no Stripe.js instance from an earlier case stands in.
        const m = await mount({
          attrs: { account: CHECKING, 'stripe-timeout': '10000', 'publishable-key': `pk_test_tag${i}` },
        });
        const outcome = m.nextOutcome();
        m.button().click();
        // The page's own Stripe.js arrives a little later.
        await sleep(300);
        await stripeNetwork('fake');
        expect((await outcome).type).to.equal('fc-relink-success');
        watcher.disconnect();
        expect(injected, 'scripts fc-relink injected').to.deep.equal([]);
        tag.remove();
        delete (window as { Stripe?: unknown }).Stripe;
        await stripeNetwork('hang');
      });
    }
  });
});
