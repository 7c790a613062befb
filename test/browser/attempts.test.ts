// An attempt's life: its states, the promise relink() returns, and the attempt after it. What
// happens when the customer or the page interferes (double clicks, removal, two elements) is
// the fault matrix's (faults/page.test.ts).
import type { RelinkOutcome } from '../../src/index.js';
import {
  CHECKING,
  clickAndWait,
  expect,
  fake,
  holdFlows,
  mount,
  outcomeOf,
  takeUncaught,
  until,
} from './harness/index.js';

describe('an attempt', () => {
  describe('when relink() is called while an attempt is in flight', () => {
    it('returns the in-flight attempt to every caller, resolving like the event', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      const first = m.el.relink();
      const second = m.el.relink();
      m.button().click();
      expect(second).to.equal(first);
      const [a, b] = await Promise.all([first, second]);
      expect(a).to.equal(b);
      expect(m.endpoint.requests).to.have.length(1);
      expect(m.launches()).to.have.length(1);
      const [event] = m.terminalEvents();
      expect(event && a).to.deep.equal(event && outcomeOf(event));
    });
  });

  describe('when an attempt runs', () => {
    it('goes idle → loading → open → success', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      await clickAndWait(m);
      const states = m.events.filter((e) => e.type === 'fc-relink-statechange').map((e) => e.detail);
      const [attemptId] = m.attemptIds();
      expect(states).to.deep.equal([
        { state: 'loading', previous: 'idle', attemptId },
        { state: 'open', previous: 'loading', attemptId },
        { state: 'success', previous: 'open', attemptId },
      ]);
    });

    it('reflects each state as the state attribute by the time statechange is heard', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      const seen: string[] = [];
      m.el.addEventListener('fc-relink-statechange', (e) =>
        seen.push(`${e.detail.state}=${m.el.getAttribute('state')}`),
      );
      expect(m.el.getAttribute('state')).to.equal('idle');
      await clickAndWait(m);
      expect(seen).to.deep.equal(['loading=loading', 'open=open', 'success=success']);
    });

    it('keeps the button focusable but aria-disabled and aria-busy while loading and while the flow is open', async () => {
      const held = holdFlows();
      const m = await mount({ scenario: 'slow', attrs: { account: CHECKING } });
      m.endpoint.delayMs = 150;
      const busy = () => [
        m.button().disabled,
        m.button().getAttribute('aria-disabled'),
        m.button().getAttribute('aria-busy'),
      ];
      // Not busy is said by no aria-busy at all.
      expect(busy()).to.deep.equal([false, 'false', null]);
      m.button().focus();
      const outcome = m.el.relink();
      await until(() => m.el.state === 'loading');
      await m.el.updateComplete;
      expect(busy()).to.deep.equal([false, 'true', 'true']);
      // Focus stays where the customer left it, not dropped to the page.
      expect(m.el.shadowRoot?.activeElement).to.equal(m.button());

      await until(() => held.length === 1);
      await m.el.updateComplete;
      expect(m.el.state).to.equal('open');
      expect(busy()).to.deep.equal([false, 'true', 'true']);
      expect(m.status()).to.match(/Continue in the Stripe window/);

      held[0]?.act({ action: 'relink' });
      await outcome;
      await m.el.updateComplete;
      // No longer busy; after a success the button is done, and says so.
      expect(busy()).to.deep.equal([false, 'true', null]);
    });

    it('is no longer aria-disabled once an attempt ends in an error or a cancel', async () => {
      fake.customer = { action: 'cancel' };
      const m = await mount({ attrs: { account: CHECKING } });
      await clickAndWait(m);
      expect(m.button().getAttribute('aria-disabled')).to.equal('false');
      m.endpoint.scenario = 'server-error';
      await clickAndWait(m);
      expect(m.el.state).to.equal('error');
      expect(m.button().getAttribute('aria-disabled')).to.equal('false');
    });

    it('starts nothing new when the busy button is clicked', async () => {
      const held = holdFlows();
      const m = await mount({ attrs: { account: CHECKING } });
      const outcome = m.el.relink();
      await until(() => held.length === 1);
      m.button().click();
      m.button().click();
      await m.el.updateComplete;
      expect(m.endpoint.requests).to.have.length(1);
      expect(m.events.filter((e) => e.type === 'fc-relink-start')).to.have.length(1);
      held[0]?.act({ action: 'relink' });
      expect((await outcome).status).to.equal('success');
    });

    // Every engine the suite runs in has custom states.
    it('shows its state as a CSS custom state, beside the state attribute', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      expect(m.el.matches(':state(idle)')).to.equal(true);
      await clickAndWait(m);
      expect(m.el.matches(':state(success)')).to.equal(true);
      expect(m.el.matches(':state(idle)')).to.equal(false);
      expect(m.el.matches(':state(loading)')).to.equal(false);
    });

    it('survives a listener that throws', async () => {
      const m = await mount();
      // Mocha fails a test on any uncaught error; this one is expected.
      const mochaOnError = window.onerror;
      window.onerror = () => true;
      m.el.addEventListener('fc-relink-start', () => {
        throw new Error('listener bug');
      });
      try {
        const outcome = await m.el.relink();
        expect(outcome.status).to.equal('success');
        expect(takeUncaught().map((e) => (e as Error).message)).to.deep.equal(['listener bug']);
      } finally {
        window.onerror = mochaOnError;
      }
    });
  });

  describe('when another attempt follows', () => {
    it('requests a new session on retry after an error, never reusing a client secret', async () => {
      const m = await mount({ scenario: 'expired', attrs: { account: CHECKING } });
      const first = await clickAndWait(m);
      expect(first.detail).to.deep.include({ code: 'stripe_error', retryable: true });
      m.endpoint.scenario = 'ok';
      const second = await clickAndWait(m);
      expect(second.type).to.equal('fc-relink-success');
      expect(m.endpoint.requests).to.have.length(2);
      const [s1, s2] = m.endpoint.sessions;
      expect(s1?.client_secret).not.to.equal(s2?.client_secret);
      expect(m.launches().map((l) => l.sessionId)).to.deep.equal([s1?.id, s2?.id]);
    });

    it('requests a new session for an attempt after a success', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      await clickAndWait(m);
      // After a success the button is done; another attempt comes from code.
      const again = await m.el.relink();
      expect(again.status).to.equal('success');
      expect(new Set(m.endpoint.sessions.map((s) => s.client_secret)).size).to.equal(2);
    });

    it("starts from a listener of the previous attempt's error", async () => {
      const m = await mount({ scenario: 'server-error' });
      let retried: Promise<RelinkOutcome> | null = null;
      m.el.addEventListener(
        'fc-relink-error',
        () => {
          m.endpoint.scenario = 'ok';
          retried ??= m.el.relink();
        },
        { once: true },
      );
      await m.el.relink();
      expect(retried).not.to.equal(null);
      expect((await (retried as Promise<RelinkOutcome> | null))?.status).to.equal('success');
      expect(m.endpoint.requests).to.have.length(2);
    });
  });
});
