import { sendKeys, sendMouse } from '@web/test-runner-commands';
// Work done before the click: Stripe.js loaded on a sign of intent (`preload`), and the session
// requested too (`prefetch`).
import {
  CHECKING,
  endpointAnswered,
  SAVINGS,
  clickAndWait,
  expect,
  fake,
  mount,
  sleep,
  until,
  type Mounted,
} from './harness/index.js';

// Stripe.js is the fake on window.Stripe, reached through the real loader, which calls it once
// per key: the calls for a fresh key show whether (and how often) Stripe.js was loaded for it.
let keys = 0;
const freshKey = () => `pk_test_warmup${++keys}x${Date.now()}`;
const constructed: string[] = [];
const loadsOf = (key: string) => constructed.filter((k) => k === key).length;

before(() => {
  const inner = fake.Stripe;
  const recording = (key: string, options?: { stripeAccount?: string }) => {
    constructed.push(key);
    return inner(key, options);
  };
  (window as { Stripe?: unknown }).Stripe = Object.assign(recording, { version: inner.version });
});
after(() => fake.install(window));

async function hover(m: Mounted): Promise<void> {
  const box = m.button().getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/** An element with `prefetch`, whose session has been prefetched by the pointer resting on it. */
async function prefetched(options: Parameters<typeof mount>[0] = {}): Promise<Mounted> {
  const m = await mount({ ...options, attrs: { prefetch: '', account: CHECKING, ...options.attrs } });
  await hover(m);
  await until(() => m.endpoint.requests.length === 1, 'the prefetch');
  return m;
}

afterEach(async () => {
  await sendMouse({ type: 'move', position: [0, 0] });
});

describe('warming up before the click', () => {
  describe('when preload decides when Stripe.js loads', () => {
    it('loads nothing when connected, by default', async () => {
      const key = freshKey();
      const m = await mount({ attrs: { 'publishable-key': key } });
      await sleep(50);
      expect(loadsOf(key)).to.equal(0);
      expect(m.endpoint.requests).to.have.length(0);
    });

    it('loads Stripe.js when the pointer moves over the element, by default', async () => {
      const key = freshKey();
      const m = await mount({ attrs: { 'publishable-key': key } });
      await hover(m);
      await until(() => loadsOf(key) === 1);
      expect(m.events).to.deep.equal([]);
      expect(m.endpoint.requests, 'no session without prefetch').to.have.length(0);
    });

    it('loads Stripe.js when focus arrives from the keyboard, by default', async () => {
      const key = freshKey();
      const m = await mount({ attrs: { 'publishable-key': key } });
      const before = document.body.appendChild(document.createElement('input'));
      before.focus();
      document.body.append(m.el); // right after the input in tab order
      await sendKeys({ press: 'Tab' });
      await until(() => loadsOf(key) === 1);
      before.remove();
    });

    it('loads Stripe.js once for many elements with the same key, and reuses it in attempts', async () => {
      const key = freshKey();
      const a = await mount({ attrs: { 'publishable-key': key, account: CHECKING } });
      const b = await mount({ attrs: { 'publishable-key': key, account: SAVINGS } });
      await hover(a);
      await hover(b);
      expect((await clickAndWait(a)).type).to.equal('fc-relink-success');
      expect((await clickAndWait(b)).type).to.equal('fc-relink-success');
      expect(loadsOf(key)).to.equal(1);
    });

    it('with preload="none", loads Stripe.js only on the first attempt', async () => {
      const key = freshKey();
      const m = await mount({ attrs: { 'publishable-key': key, preload: 'none', account: CHECKING } });
      await hover(m);
      m.button().focus();
      await sleep(50);
      expect(loadsOf(key)).to.equal(0);
      expect((await clickAndWait(m)).type).to.equal('fc-relink-success');
      expect(loadsOf(key)).to.equal(1);
    });

    it('with preload="eager", loads Stripe.js as soon as it is connected', async () => {
      const key = freshKey();
      await mount({ attrs: { 'publishable-key': key, preload: 'eager' } });
      await until(() => loadsOf(key) === 1);
    });

    it('with preload="visible", loads Stripe.js once the element scrolls into view', async () => {
      const key = freshKey();
      const spacer = document.body.appendChild(document.createElement('div'));
      spacer.style.height = '3000px';
      const m = await mount({ attrs: { 'publishable-key': key, preload: 'visible' } });
      await sleep(100);
      expect(loadsOf(key)).to.equal(0);
      m.el.scrollIntoView();
      await until(() => loadsOf(key) === 1);
      spacer.remove();
    });

    it('treats an unknown preload value as the default, intent', async () => {
      const key = freshKey();
      const m = await mount({ attrs: { 'publishable-key': key, preload: 'sometimes' } });
      await sleep(50);
      expect(loadsOf(key)).to.equal(0);
      await hover(m);
      await until(() => loadsOf(key) === 1);
    });

    it('switching preload to eager on a connected element loads Stripe.js then', async () => {
      const key = freshKey();
      const m = await mount({ attrs: { 'publishable-key': key, preload: 'none' } });
      await sleep(50);
      expect(loadsOf(key)).to.equal(0);
      m.el.preload = 'eager';
      await until(() => loadsOf(key) === 1);
    });

    it('does not preload with an invalid key, and reports it on the click instead', async () => {
      const m = await mount({ attrs: { 'publishable-key': 'pk_nope', preload: 'eager' } });
      await hover(m);
      await sleep(50);
      expect(m.events).to.deep.equal([]);
      expect((await clickAndWait(m)).detail).to.deep.include({ code: 'invalid_publishable_key' });
    });
  });

  describe('when prefetch asks for the session on intent', () => {
    it('requests the session on intent, silently, and the click uses it', async () => {
      const m = await prefetched();
      expect(m.events, 'a prefetch is invisible').to.deep.equal([]);
      expect(m.el.state).to.equal('idle');
      const outcome = await clickAndWait(m);
      expect(outcome.type).to.equal('fc-relink-success');
      expect(m.endpoint.requests).to.have.length(1);
      expect(m.launches()).to.have.length(1);
    });

    it('prefetches nothing for a pointer that only passes over the element', async () => {
      const m = await mount({ attrs: { prefetch: '', account: CHECKING } });
      m.button().dispatchEvent(new PointerEvent('pointerenter'));
      m.button().dispatchEvent(new PointerEvent('pointerleave'));
      await sleep(250);
      expect(m.endpoint.requests).to.have.length(0);
    });

    it('prefetches at once on focus or touch, but only after the pointer has rested 100 ms', async () => {
      const m = await mount({ attrs: { prefetch: '', account: CHECKING } });
      // fetch is called synchronously when a prefetch starts, so a spy tells exactly when.
      const realFetch = window.fetch;
      let calls = 0;
      window.fetch = (...args) => {
        calls += 1;
        return realFetch(...args);
      };
      try {
        m.button().dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
        expect(calls, 'focus').to.equal(1);
        m.el.remove(); // removed for good (a task passes), so its prefetch goes
        await sleep(10);
        document.body.append(m.el);
        m.button().dispatchEvent(new Event('touchstart'));
        expect(calls, 'touch').to.equal(2);
        m.el.remove(); // removed for good (a task passes), so its prefetch goes
        await sleep(10);
        document.body.append(m.el);
        m.button().dispatchEvent(new PointerEvent('pointerenter'));
        expect(calls, 'pointer, at once').to.equal(2);
        await until(() => calls === 3);
      } finally {
        window.fetch = realFetch;
      }
      expect((await clickAndWait(m)).type).to.equal('fc-relink-success');
    });

    it('a click before the pointer has rested makes one request, and none follows the attempt', async () => {
      const m = await mount({ attrs: { prefetch: '', account: CHECKING } });
      m.button().dispatchEvent(new PointerEvent('pointerenter'));
      expect((await clickAndWait(m)).type).to.equal('fc-relink-success');
      await sleep(250);
      expect(m.endpoint.requests).to.have.length(1);
    });

    it('does not take the focus it gives back after an attempt for a new intent', async () => {
      const m = await mount({ attrs: { prefetch: '', account: CHECKING } });
      m.button().focus();
      await until(() => m.endpoint.requests.length === 1);
      // Stripe's modal takes focus while it is open, as the real one does.
      const modal = document.body.appendChild(document.createElement('button'));
      fake.customer = () => {
        modal.focus();
        modal.remove();
        return { action: 'relink' };
      };
      expect((await clickAndWait(m)).type).to.equal('fc-relink-success');
      await until(() => m.el.shadowRoot?.activeElement === m.button());
      await sleep(250);
      expect(m.endpoint.requests).to.have.length(1);
    });

    it("does not take the pointer found over the button when Stripe's window goes for a new intent", async () => {
      const m = await mount({ attrs: { prefetch: '', account: CHECKING } });
      expect((await clickAndWait(m)).type).to.equal('fc-relink-success');
      // The window covered the page; when it goes, the pointer is over the button again, unmoved.
      m.button().dispatchEvent(new PointerEvent('pointerenter'));
      await sleep(250);
      expect(m.endpoint.requests).to.have.length(1);
      // Leaving and coming back is the customer approaching again.
      m.button().dispatchEvent(new PointerEvent('pointerleave'));
      m.button().dispatchEvent(new PointerEvent('pointerenter'));
      await until(() => m.endpoint.requests.length === 2, 'a prefetch for the new approach');
    });

    it('is off by default', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      await hover(m);
      await sleep(100);
      expect(m.endpoint.requests).to.have.length(0);
    });

    it('uses a prefetch that is still in flight when the click comes', async () => {
      const m = await mount({ attrs: { prefetch: '', account: CHECKING }, scenario: 'slow' });
      m.endpoint.delayMs = 300;
      await hover(m);
      await until(() => m.endpoint.requests.length === 1);
      const outcome = await clickAndWait(m);
      expect(outcome.type).to.equal('fc-relink-success');
      expect(m.endpoint.requests).to.have.length(1);
    });

    it('never uses a prefetched session twice', async () => {
      const m = await prefetched();
      expect((await clickAndWait(m)).type).to.equal('fc-relink-success');
      // The pointer is still over the element; no new intent, so the next attempt (from code:
      // the button is done after a success) asks itself.
      expect((await m.el.relink()).status).to.equal('success');
      expect(m.endpoint.requests).to.have.length(2);
      const sessions = m.launches().map((l) => l.sessionId);
      expect(new Set(sessions).size).to.equal(2);
    });

    it('shows nothing for a failed prefetch, and the click asks again', async () => {
      const m = await mount({ attrs: { prefetch: '', account: CHECKING }, scenario: 'server-error' });
      const since = performance.now();
      await hover(m);
      await until(() => m.endpoint.requests.length === 1);
      // The failed answer has reached the page (a prefetch still in flight would be handed to
      // the click as it is, failure and all).
      await endpointAnswered(since);
      await sleep(50);
      expect(m.events).to.deep.equal([]);
      expect(m.status()).to.equal('');
      m.endpoint.scenario = 'ok';
      expect((await clickAndWait(m)).type).to.equal('fc-relink-success');
      expect(m.endpoint.requests).to.have.length(2);
    });

    it('never prefetches while disabled', async () => {
      const m = await mount({ attrs: { prefetch: '', disabled: '', account: CHECKING } });
      await hover(m);
      m.el.focus();
      await sleep(100);
      expect(m.endpoint.requests).to.have.length(0);
    });

    it('drops the prefetched session when the configuration changes before the click', async () => {
      const m = await prefetched();
      m.el.account = SAVINGS;
      const outcome = await clickAndWait(m);
      expect(outcome.type).to.equal('fc-relink-success');
      // Both under the attempt's id: the prefetch was asked for on its behalf.
      const [attempt] = m.attemptIds();
      expect(m.endpoint.requests.map((r) => r.body)).to.deep.equal([
        { account: CHECKING, attempt },
        { account: SAVINGS, attempt },
      ]);
    });

    it('drops the prefetched session when the element is removed', async () => {
      const m = await prefetched();
      m.el.remove();
      await sleep(10);
      document.body.append(m.el);
      expect((await clickAndWait(m)).type).to.equal('fc-relink-success');
      expect(m.endpoint.requests).to.have.length(2);
    });

    it('keeps the prefetched session when the element is moved', async () => {
      const m = await prefetched();
      const box = document.body.appendChild(document.createElement('div'));
      box.append(m.el);
      expect((await clickAndWait(m)).type).to.equal('fc-relink-success');
      expect(m.endpoint.requests).to.have.length(1);
      box.remove();
    });

    it('keeps the prefetched session through a re-render that sets equal properties', async () => {
      const m = await prefetched({ props: { headers: { 'x-csrf': 't1' } } });
      m.el.headers = { 'x-csrf': 't1' }; // a framework re-render: a new object, the same headers
      await m.el.updateComplete;
      expect((await clickAndWait(m)).type).to.equal('fc-relink-success');
      expect(m.endpoint.requests).to.have.length(1);
    });

    it('honours a property set right after relink(), rather than the prefetched session', async () => {
      const m = await prefetched();
      const attempt = m.el.relink();
      m.el.account = SAVINGS;
      expect((await attempt).status).to.equal('success');
      const [id] = m.attemptIds();
      expect(m.endpoint.requests.map((r) => r.body)).to.deep.equal([
        { account: CHECKING, attempt: id },
        { account: SAVINGS, attempt: id },
      ]);
    });

    it('ends an attempt on a hanging prefetch within session-timeout of the click', async () => {
      const m = await mount({ attrs: { prefetch: '', account: CHECKING, 'session-timeout': '400' }, scenario: 'hang' });
      m.button().dispatchEvent(new FocusEvent('focusin'));
      await sleep(150);
      const clicked = performance.now();
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'session_request_failed', retryable: true });
      // 400 ms from the prefetch, so well under 400 ms from the click (plus generous slack).
      expect(performance.now() - clicked).to.be.below(400 + 300);
      expect(m.endpoint.requests).to.have.length(1);
      m.endpoint.scenario = 'ok';
    });

    it('is not prefetched by the pointer resting on the blank room of the status line', async () => {
      const m = await mount({ attrs: { prefetch: '', account: CHECKING } });
      const host = m.el.getBoundingClientRect();
      const button = m.button().getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(host.right - 5), Math.round(button.bottom + 10)] });
      await sleep(250);
      expect(m.endpoint.requests).to.have.length(0);
    });

    it('does not use a prefetched session older than 30 s', async () => {
      // The freshness timer is the only clock the prefetch has; firing it early is expiry.
      const expiries: (() => void)[] = [];
      const realSetTimeout = window.setTimeout;
      window.setTimeout = ((fn: () => void, ms?: number) => {
        if (ms === 30_000) expiries.push(fn);
        return realSetTimeout(fn, ms);
      }) as typeof window.setTimeout;
      try {
        const m = await mount({ attrs: { prefetch: '', account: CHECKING } });
        await hover(m);
        await until(() => m.endpoint.requests.length === 1);
        expect(expiries).to.have.length(1);
        expiries[0]!();
        expect((await clickAndWait(m)).type).to.equal('fc-relink-success');
        expect(m.endpoint.requests).to.have.length(2);
      } finally {
        window.setTimeout = realSetTimeout;
      }
    });
  });
});
