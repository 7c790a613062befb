// On a touch screen: a finger, not a pointer that hovers. Intent is heard when the finger lands
// (touchstart), before it lifts and the tap becomes a click; there is no hover to wait for.
// Real touch input (scripts/test/wtr-touch.mjs): Chromium's touch emulation and Firefox's touch
// actions. Not run in WebKit, whose WebDriver here turns touches into mouse input.
import { executeServerCommand } from '@web/test-runner-commands';
import { CHECKING, expect, fake, mount, recordStripeJsLoads, sleep, until, type Mounted } from './harness/index.js';

async function fingerDown(m: Mounted): Promise<void> {
  const box = m.button().getBoundingClientRect();
  await executeServerCommand('touch', {
    type: 'start',
    position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
  });
}
const fingerUp = () => executeServerCommand('touch', { type: 'end' });

// Stripe.js is the fake on window.Stripe, reached through the real loader: the keys it was
// called with show whether Stripe.js was loaded for a key.
const constructed: string[] = [];
before(() => recordStripeJsLoads(constructed));
after(async () => {
  fake.install(window);
  await executeServerCommand('touch', { type: 'reset' });
});

describe('<fc-relink> on a touch screen', () => {
  it('hears a tap on its label: touch events, then the click (a touch screen with no hover)', async () => {
    const m = await mount();
    const seen: string[] = [];
    m.button().addEventListener('touchstart', () => seen.push('touchstart'));
    m.button().addEventListener('pointerdown', (e) => seen.push(`pointerdown:${e.pointerType}`));
    const outcome = m.nextOutcome();
    await fingerDown(m);
    await fingerUp();
    expect((await outcome).type, 'the tap clicked').to.equal('fc-relink-success');
    expect(seen).to.have.members(['touchstart', 'pointerdown:touch']);
    expect(matchMedia('(hover: none)').matches, '(hover: none)').to.equal(true);
  });

  it('loads Stripe.js as the finger lands, before the tap ends', async () => {
    const key = `pk_test_touch${Date.now()}`;
    const m = await mount({ attrs: { 'publishable-key': key, account: CHECKING } });
    await fingerDown(m);
    await until(() => constructed.includes(key), 'Stripe.js loaded');
    expect(m.events, 'no attempt yet').to.deep.equal([]);
    const outcome = m.nextOutcome();
    await fingerUp();
    expect((await outcome).type).to.equal('fc-relink-success');
    expect(
      constructed.filter((k) => k === key),
      'loaded once',
    ).to.have.length(1);
  });

  it('with prefetch, requests the session in the touchstart itself, and the tap uses it', async () => {
    // The halves that prefetch are fetched on the first intent on the page; here another element
    // has already shown one, so what the touch starts is the request itself.
    const earlier = await mount({ attrs: { prefetch: '', account: CHECKING } });
    earlier.button().dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await until(() => earlier.endpoint.requests.length === 1, 'the halves loaded');
    earlier.el.remove();
    const m = await mount({ attrs: { prefetch: '', account: CHECKING } });
    // fetch is called synchronously when a prefetch starts; a task queued from the touchstart
    // runs after its dispatch. So "touchstart, fetch, next task" means the prefetch came from the
    // touchstart, not from a timer (the 100 ms a resting mouse pointer must wait).
    const order: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (...args) => {
      order.push('fetch');
      return realFetch(...args);
    };
    document.addEventListener(
      'touchstart',
      () => {
        order.push('touchstart');
        setTimeout(() => order.push('next task'), 0);
      },
      { capture: true, once: true },
    );
    try {
      await fingerDown(m);
      await until(() => order.includes('next task'), 'the touchstart');
      expect(order).to.deep.equal(['touchstart', 'fetch', 'next task']);
      await until(() => m.endpoint.requests.length === 1, 'the prefetch');
      const outcome = m.nextOutcome();
      await fingerUp();
      expect((await outcome).type).to.equal('fc-relink-success');
    } finally {
      window.fetch = realFetch;
    }
    await sleep(250);
    expect(m.endpoint.requests, 'one request: the tap used the prefetched session').to.have.length(1);
    expect(m.launches()).to.have.length(1);
  });
});
