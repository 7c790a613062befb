// Stripe.js is injected through the element's own Trusted Types policy, in a browser that has
// them (Chromium; Firefox and Safari in their recent versions). Its own page: a page creates the
// policy once, when fc-relink's first module is evaluated, and loads Stripe.js once.
import { policiesCreated } from './harness/record-policies.js';
import { CHECKING, clickAndWait, expect, mount, stripeNetwork } from './harness/index.js';

describe('<fc-relink> in a browser with Trusted Types', () => {
  before(async () => {
    delete (window as { Stripe?: unknown }).Stripe;
    await stripeNetwork('fake');
  });
  after(() => stripeNetwork('block'));

  it('creates its policy when it is first evaluated, before any attempt', () => {
    expect(policiesCreated.filter((name) => name === 'fc-relink')).to.have.length(1);
  });

  it('injects Stripe.js through its one-URL policy, and relinks', async () => {
    const m = await mount({ attrs: { account: CHECKING } });
    const outcome = await clickAndWait(m);
    expect(outcome.type).to.equal('fc-relink-success');
    expect(policiesCreated.filter((name) => name === 'fc-relink')).to.have.length(1);
    expect(
      [...document.querySelectorAll('script[src^="https://js.stripe.com"]')].map((s) => (s as HTMLScriptElement).src),
    ).to.deep.equal(['https://js.stripe.com/endive/stripe.js']);
  });
});
