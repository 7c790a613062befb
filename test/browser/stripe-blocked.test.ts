import { CHECKING, clickAndWait, expect, fake, mount } from './support.js';

// No window.Stripe here: the real loader injects js.stripe.com's script, which fails to load
// as it does behind an ad blocker or offline.
describe('<fc-relink> when Stripe.js is blocked', () => {
  before(() => {
    delete (window as { Stripe?: unknown }).Stripe;
  });

  it('does not load Stripe.js before the first attempt', async () => {
    await mount();
    expect(document.querySelector('script[src^="https://js.stripe.com"]')).to.equal(null);
  });

  it('reports stripe_load_failed, retryable, and never opens a flow', async () => {
    const m = await mount({ attrs: { account: CHECKING } });
    const injected: string[] = [];
    const watcher = new MutationObserver((records) => {
      for (const node of records.flatMap((r) => [...r.addedNodes])) {
        if (node instanceof HTMLScriptElement) injected.push(node.src);
      }
    });
    watcher.observe(document.head, { childList: true });
    const outcome = await clickAndWait(m);
    watcher.disconnect();
    expect(outcome.type).to.equal('fc-relink-error');
    expect(outcome.detail).to.deep.include({ code: 'stripe_load_failed', stage: 'stripe', retryable: true });
    expect((outcome.detail as { message: string }).message).to.match(/ad blocker/);
    expect(injected).to.deep.equal(['https://js.stripe.com/endive/stripe.js']);
    // Removed, so that a retry injects a fresh script rather than waiting on the failed one.
    expect(document.querySelector('script[src^="https://js.stripe.com"]')).to.equal(null);
    expect(m.launches()).to.have.length(0);
  });

  it('loads Stripe.js on a retry once it becomes available', async () => {
    const m = await mount({ attrs: { account: CHECKING } });
    expect((await clickAndWait(m)).detail).to.deep.include({ code: 'stripe_load_failed' });
    fake.install(window);
    const retry = await clickAndWait(m);
    expect(retry.type).to.equal('fc-relink-success');
    expect(m.endpoint.requests).to.have.length(2);
  });
});
