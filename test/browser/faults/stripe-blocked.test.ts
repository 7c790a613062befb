// The fault matrix: js.stripe.com is blocked (an ad blocker, a firewall, no network). In a page of
// its own, without window.Stripe: once Stripe.js has loaded, a page never loads it again, and the
// case ends by letting it load.
import {
  CHECKING,
  expect,
  expectSoundAttempt,
  fake,
  mount,
  stripeNetwork,
  withoutWindowStripe,
} from '../harness/index.js';

const stripeScripts = () => [...document.querySelectorAll<HTMLScriptElement>('script[src^="https://js.stripe.com"]')];

describe('the fault matrix: Stripe.js', () => {
  withoutWindowStripe('block');

  describe('when js.stripe.com is blocked', () => {
    it('injects Stripe.js only on the click, reports stripe_load_failed, retryable, never opens a flow, and loads it once it can', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      expect(stripeScripts(), 'Stripe.js before any attempt').to.deep.equal([]);
      const injected: string[] = [];
      const watcher = new MutationObserver((records) => {
        for (const node of records.flatMap((r) => [...r.addedNodes])) {
          if (node instanceof HTMLScriptElement) injected.push(node.src);
        }
      });
      watcher.observe(document.head, { childList: true });
      await expectSoundAttempt(m, {
        run: () => {
          m.button().click();
          return m.el.relink();
        },
        expect: { status: 'error', code: 'stripe_load_failed', retryable: true },
        heal: () => {
          watcher.disconnect();
          expect(injected).to.deep.equal(['https://js.stripe.com/endive/stripe.js']);
          // Removed, so that the next attempt injects a fresh script rather than waiting on the failed one.
          expect(stripeScripts()).to.deep.equal([]);
          expect(m.launches()).to.have.length(0);
          return stripeNetwork('fake');
        },
        retryAccounts: [CHECKING],
      });
      const error = m.events.find((e) => e.type === 'fc-relink-error');
      expect((error?.detail as { message: string }).message).to.match(/ad blocker/);
      expect(m.launches()).to.have.length(1);
      expect(m.events.filter((e) => e.type === 'fc-relink-start')).to.have.length(1);
      // The following attempt asked for a new session; the failed attempt's was never launched.
      expect(m.launches()[0]?.sessionId).to.equal(m.endpoint.sessions[1]?.id);
      expect(fake.sessions.get(m.endpoint.sessions[0]?.id ?? '')?.status).to.equal('pending');
    });
  });
});
