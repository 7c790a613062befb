// In a browser without Trusted Types (Firefox and Safari before they had them), the element
// injects Stripe.js with its plain URL, as such a browser expects. Its own page: the element
// looks for Trusted Types once per page.
import './harness/without-trusted-types.js';
import { CHECKING, clickAndWait, expect, mount, stripeNetwork } from './harness/index.js';

describe('<fc-relink> in a browser without Trusted Types', () => {
  before(async () => {
    delete (window as { Stripe?: unknown }).Stripe;
    await stripeNetwork('fake');
  });
  after(() => stripeNetwork('block'));

  it('injects Stripe.js with its plain URL, and relinks', async () => {
    expect('trustedTypes' in window && window.trustedTypes !== undefined).to.equal(false);
    const m = await mount({ attrs: { account: CHECKING } });
    const outcome = await clickAndWait(m);
    expect(outcome.type).to.equal('fc-relink-success');
    expect(
      [...document.querySelectorAll('script[src^="https://js.stripe.com"]')].map((s) => (s as HTMLScriptElement).src),
    ).to.deep.equal(['https://js.stripe.com/endive/stripe.js']);
  });
});
