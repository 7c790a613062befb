// prefetch after a failure: a failing endpoint is not asked again on every focus or touch. The
// element waits longer after each failure in a row (longest after a 429), and a click still asks.
import {
  CHECKING,
  clickAndWait,
  endpointAnswered,
  expect,
  mount,
  sleep,
  until,
  type Mounted,
} from './harness/index.js';

/** The customer focusing and touching the button, `times` times, `every` ms apart. */
async function fidget(m: Mounted, times: number, every: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    m.button().dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    m.button().dispatchEvent(new Event('touchstart'));
    await sleep(every);
  }
}

describe('prefetch, when the endpoint fails', () => {
  it('backs off: 30 intents over 1.5 s after a failure ask at most twice', async () => {
    const m = await mount({ attrs: { prefetch: '', account: CHECKING }, scenario: 'server-error' });
    await fidget(m, 30, 50);
    expect(m.endpoint.requests.length).to.be.within(1, 2);
    expect(m.events, 'a prefetch is invisible').to.deep.equal([]);
  });

  it('after a 429, asks nothing more for a while', async () => {
    const m = await mount({ attrs: { prefetch: '', account: CHECKING }, scenario: 'rate-limited' });
    await fidget(m, 30, 50);
    expect(m.endpoint.requests).to.have.length(1);
  });

  it('a click during the back-off still asks at once', async () => {
    const m = await mount({ attrs: { prefetch: '', account: CHECKING }, scenario: 'server-error' });
    await fidget(m, 3, 50);
    const before = m.endpoint.requests.length;
    m.endpoint.scenario = 'ok';
    expect((await clickAndWait(m)).type).to.equal('fc-relink-success');
    expect(m.endpoint.requests).to.have.length(before + 1);
  });

  it('prefetches again on intent once the back-off is over', async () => {
    const m = await mount({ attrs: { prefetch: '', account: CHECKING }, scenario: 'server-error' });
    const since = performance.now();
    await fidget(m, 1, 100);
    expect(m.endpoint.requests).to.have.length(1);
    m.endpoint.scenario = 'ok';
    // The back-off runs from the failure, which reaches the page a moment after the request.
    await endpointAnswered(since);
    await sleep(1_100);
    await fidget(m, 1, 100);
    await until(() => m.endpoint.requests.length === 2, 'a prefetch after the back-off');
  });
});
