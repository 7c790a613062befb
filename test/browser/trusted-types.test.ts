// Stripe.js is injected through the element's own Trusted Types policy, in a browser that has
// them (Chromium; Firefox and Safari in their recent versions). Its own page: a page creates the
// policy once, and loads Stripe.js once.
import { CHECKING, clickAndWait, expect, mount, setStripeNetwork } from './support.js';

type Factory = { createPolicy(name: string, rules: object): unknown };

describe('<fc-relink> in a browser with Trusted Types', () => {
  const policies: string[] = [];
  before(async () => {
    delete (window as { Stripe?: unknown }).Stripe;
    await setStripeNetwork('fake');
    const factory = (window as { trustedTypes?: Factory }).trustedTypes as Factory;
    const createPolicy = factory.createPolicy.bind(factory);
    factory.createPolicy = (name, rules) => {
      policies.push(name);
      return createPolicy(name, rules);
    };
  });
  after(() => setStripeNetwork('block'));

  it('injects Stripe.js through its one-URL policy, and relinks', async () => {
    const m = await mount({ attrs: { account: CHECKING } });
    const outcome = await clickAndWait(m);
    expect(outcome.type).to.equal('fc-relink-success');
    expect(policies).to.deep.equal(['fc-relink']);
    expect([...document.querySelectorAll('script[src^="https://js.stripe.com"]')].map((s) => (s as HTMLScriptElement).src)).to.deep.equal([
      'https://js.stripe.com/endive/stripe.js',
    ]);
  });
});
