import type { RelinkOutcome } from '../../src/index.js';
import {
  CHECKING,
  SAVINGS,
  clickAndWait,
  expect,
  fake,
  holdFlows,
  mount,
  sessionFromFake,
  sleep,
  takeUncaught,
  until,
} from './support.js';

describe('<fc-relink> attempts', () => {
  it('starts one attempt on a double click: one endpoint request, one Stripe launch', async () => {
    const m = await mount({ attrs: { account: CHECKING } });
    const outcome = m.nextOutcome();
    m.button().click();
    m.button().click();
    await outcome;
    expect(m.endpoint.requests).to.have.length(1);
    expect(m.launches()).to.have.length(1);
    expect(m.terminalEvents()).to.have.length(1);
  });

  it('returns the in-flight attempt to concurrent relink() calls, resolving like the event', async () => {
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
    expect(a).to.deep.equal({ status: 'success', ...(event?.detail as object) });
  });

  it('resolves relink() with the same error the event carries', async () => {
    const m = await mount({ scenario: 'server-error' });
    const outcome = await m.el.relink();
    const [event] = m.terminalEvents();
    expect(event?.type).to.equal('fc-relink-error');
    expect(outcome).to.deep.equal({ status: 'error', error: event?.detail });
  });

  it('resolves relink() with the cancel the event carries', async () => {
    fake.customer = { action: 'cancel' };
    const m = await mount();
    const outcome = await m.el.relink();
    const [event] = m.terminalEvents();
    expect(outcome).to.deep.equal({ status: 'cancel', ...(event?.detail as object) });
  });

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

  it('requests a new session for a new attempt after a success', async () => {
    const m = await mount({ attrs: { account: CHECKING } });
    await clickAndWait(m);
    const again = await clickAndWait(m);
    expect(again.type).to.equal('fc-relink-success');
    expect(new Set(m.endpoint.sessions.map((s) => s.client_secret)).size).to.equal(2);
  });

  it('goes idle → loading → open → success', async () => {
    const m = await mount({ attrs: { account: CHECKING } });
    await clickAndWait(m);
    const states = m.events.filter((e) => e.type === 'fc-relink-statechange').map((e) => e.detail);
    expect(states).to.deep.equal([
      { state: 'loading', previous: 'idle' },
      { state: 'open', previous: 'loading' },
      { state: 'success', previous: 'open' },
    ]);
  });

  it('reflects each state as the state attribute by the time statechange is heard', async () => {
    const m = await mount({ attrs: { account: CHECKING } });
    const seen: (string | null)[] = [];
    m.el.addEventListener('fc-relink-statechange', (e) => seen.push(`${e.detail.state}=${m.el.getAttribute('state')}`));
    expect(m.el.getAttribute('state')).to.equal('idle');
    await clickAndWait(m);
    expect(seen).to.deep.equal(['loading=loading', 'open=open', 'success=success']);
  });

  it('disables the button with aria-busy while loading and while the flow is open', async () => {
    const held = holdFlows();
    const m = await mount({ scenario: 'slow', attrs: { account: CHECKING } });
    m.endpoint.delayMs = 150;
    expect(m.button().disabled).to.equal(false);
    expect(m.button().getAttribute('aria-busy')).to.equal('false');
    const outcome = m.el.relink();
    await until(() => m.el.state === 'loading');
    await m.el.updateComplete;
    expect(m.button().disabled).to.equal(true);
    expect(m.button().getAttribute('aria-busy')).to.equal('true');

    await until(() => held.length === 1);
    await m.el.updateComplete;
    expect(m.el.state).to.equal('open');
    expect(m.button().disabled).to.equal(true);
    expect(m.button().getAttribute('aria-busy')).to.equal('true');
    expect(m.status()).to.match(/Continue in the Stripe window/);

    held[0]?.act({ action: 'relink' });
    await outcome;
    await m.el.updateComplete;
    expect(m.button().disabled).to.equal(false);
    expect(m.button().getAttribute('aria-busy')).to.equal('false');
  });

  it('opens one flow at a time when two elements start together', async () => {
    const held = holdFlows();
    const a = await mount({ attrs: { account: CHECKING } });
    const b = await mount({ attrs: { account: SAVINGS } });
    const outcomes = Promise.all([a.el.relink(), b.el.relink()]);
    await until(() => held.length === 1);
    await sleep(50);
    expect(held).to.have.length(1);
    const waiting = held[0]?.launch.session.relink_options.account === CHECKING ? b : a;
    expect(waiting.el.state).to.equal('loading');
    held[0]?.act({ action: 'relink' });
    await until(() => held.length === 2);
    held[1]?.act({ action: 'relink' });
    const [ra, rb] = await outcomes;
    expect(ra.status).to.equal('success');
    expect(rb.status).to.equal('success');
    expect(fake.maxConcurrentFlows).to.equal(1);
  });

  it('ends with a cancel, without opening Stripe, when removed from the page while loading', async () => {
    const m = await mount({ scenario: 'slow', attrs: { account: CHECKING } });
    m.endpoint.delayMs = 300;
    const outcome = m.el.relink();
    await sleep(20);
    m.el.remove();
    expect(await outcome).to.deep.equal({ status: 'cancel', mode: null, sessionId: null });
    expect(m.launches()).to.have.length(0);
  });

  it('ends with a cancel, promptly, when removed while waiting for another element\'s flow', async () => {
    const held = holdFlows();
    const a = await mount({ attrs: { account: CHECKING } });
    const b = await mount({ attrs: { account: SAVINGS } });
    const first = a.el.relink();
    await until(() => held.length === 1);
    const direct = sessionFromFake();
    b.el.fetchSession = direct.fetchSession;
    const second = b.el.relink();
    await until(direct.obtained);
    await sleep(30);
    expect(b.el.state).to.equal('loading');
    b.el.remove();
    const outcome = await Promise.race([second, sleep(500).then(() => 'still waiting')]);
    expect(outcome).to.deep.include({ status: 'cancel', mode: 'same_account' });
    held[0]?.act({ action: 'relink' });
    expect((await first).status).to.equal('success');
    expect(held).to.have.length(1);
  });

  it('keeps its attempt when moved within the page', async () => {
    const m = await mount({ scenario: 'slow', attrs: { account: CHECKING } });
    m.endpoint.delayMs = 100;
    const outcome = m.el.relink();
    await sleep(20);
    const box = document.body.appendChild(document.createElement('div'));
    box.appendChild(m.el);
    expect((await outcome).status).to.equal('success');
    box.remove();
  });

  it('starts a new attempt from a listener of the previous attempt\'s error', async () => {
    const m = await mount({ scenario: 'server-error' });
    let retried: Promise<RelinkOutcome> | null = null;
    m.el.addEventListener('fc-relink-error', () => {
      m.endpoint.scenario = 'ok';
      retried ??= m.el.relink();
    }, { once: true });
    await m.el.relink();
    expect(retried).not.to.equal(null);
    expect((await (retried as Promise<RelinkOutcome> | null))?.status).to.equal('success');
    expect(m.endpoint.requests).to.have.length(2);
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
