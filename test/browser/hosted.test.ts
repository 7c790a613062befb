// ui="hosted", round trip: in a frame, a shop page's <fc-relink ui="hosted"> sends the tab to
// Stripe's hosted page (played by the fake), which sends it back; the element on the page it comes
// back to reports the outcome, once.
import { expect, until } from './harness/index.js';

const SHOP = '/test/browser/fixtures/hosted-shop.html';
const ACTION_KEY = 'fc-relink-test:hosted-action';
const RECORD_KEY = 'fc-relink:hosted';
const SESSIONS_KEY = 'fc-relink-test:hosted-sessions';
const PAGE_KEY = 'fc-relink-test:hosted-page';

type FrameWindow = Window & {
  __events?: { type: string; detail: Record<string, unknown> }[];
  __verifyRequests?: readonly { method: string; body: unknown }[];
  __navigated?: boolean;
};

const ready = (frame: HTMLIFrameElement) => frame.contentDocument?.documentElement?.hasAttribute('data-ready') === true;
const eventsOf = (frame: HTMLIFrameElement) => (frame.contentWindow as FrameWindow | null)?.__events ?? [];
const terminal = (frame: HTMLIFrameElement) => eventsOf(frame).filter((e) => /success|cancel|error$/.test(e.type));
const verifyRequestsOf = (frame: HTMLIFrameElement) =>
  ((frame.contentWindow as FrameWindow | null)?.__verifyRequests ?? []).map(({ method, body }) => ({ method, body }));
const createdSessions = () => JSON.parse(sessionStorage.getItem(SESSIONS_KEY) ?? '[]') as string[];

async function openShop(): Promise<HTMLIFrameElement> {
  const frame = Object.assign(document.createElement('iframe'), { src: SHOP });
  document.body.append(frame);
  await until(() => ready(frame), 'the shop page', 10_000);
  return frame;
}

/** Clicks the shop's button, and waits for the tab to come back from Stripe's page and report. */
async function roundTrip(frame: HTMLIFrameElement): Promise<void> {
  const before = frame.contentDocument;
  const button = frame.contentDocument?.querySelector('fc-relink')?.shadowRoot?.querySelector('button');
  button?.click();
  await until(() => frame.contentDocument !== before && ready(frame) && terminal(frame).length > 0, 'back from the hosted page', 10_000);
}

describe('hosted relink, there and back (ui="hosted")', function () {
  // A round trip loads up to four documents in the frame, each waiting for its msw worker: more
  // than mocha's 5 s on a loaded machine, and within the 10 s each step is given to happen.
  this.timeout(30_000);
  beforeEach(() => {
    sessionStorage.removeItem('fc-relink-test:fake');
    sessionStorage.removeItem(RECORD_KEY);
    sessionStorage.removeItem(SESSIONS_KEY);
  });
  afterEach(() => {
    sessionStorage.removeItem(ACTION_KEY);
    sessionStorage.removeItem(PAGE_KEY);
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  describe('when the customer relinks on Stripe\'s page', () => {
    it('reports one success on the page Stripe returns to, after verifying, and nothing on a reload', async () => {
      sessionStorage.setItem(ACTION_KEY, 'relink');
      const frame = await openShop();
      await roundTrip(frame);
      const events = eventsOf(frame);
      expect(events.map((e) => e.type)).to.deep.equal(['fc-relink-statechange', 'fc-relink-statechange', 'fc-relink-success']);
      expect(events.map((e) => e.detail.state).slice(0, 2)).to.deep.equal(['verifying', 'success']);
      const success = events[2]?.detail;
      expect(success).to.deep.include({ mode: 'same_account', accounts: [] });
      expect(String(success?.sessionId)).to.match(/^fcsess_/);
      // Reported only once the server confirmed it: verify was asked once, for the session the
      // shop's endpoint created and the element's account.
      const created = createdSessions();
      expect(created).to.have.length(1);
      expect(success?.sessionId).to.equal(created[0]);
      const asked = { session: created[0], account: 'fca_test_checking' };
      expect(verifyRequestsOf(frame)).to.deep.equal([{ method: 'POST', body: asked }]);
      // Forgotten whatever the outcome: a reload reports nothing.
      expect(sessionStorage.getItem(RECORD_KEY)).to.equal(null);
      frame.contentWindow?.location.reload();
      await until(() => ready(frame) && eventsOf(frame).length === 0, 'the page after a reload', 10_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(eventsOf(frame)).to.deep.equal([]);
      expect(frame.contentDocument?.querySelector('fc-relink')?.getAttribute('state')).to.equal('idle');
    });
  });

  describe('when the customer cancels on Stripe\'s page', () => {
    it('reports one cancel on the page Stripe returns to', async () => {
      sessionStorage.setItem(ACTION_KEY, 'cancel');
      const frame = await openShop();
      await roundTrip(frame);
      expect(terminal(frame).map((e) => e.type)).to.deep.equal(['fc-relink-cancel']);
      expect(sessionStorage.getItem(RECORD_KEY)).to.equal(null);
    });
  });

  describe('when the endpoint answers a page that is not http(s)', () => {
    const pages: [string, string][] = [
      ['a javascript: URL', 'javascript:void (window.__navigated = true)'],
      ['a data: URL', 'data:text/html,<p>not Stripe</p>'],
    ];
    for (const [what, page] of pages) {
      it(`never sends the tab to ${what}, and ends in invalid_session_response`, async () => {
        sessionStorage.setItem(PAGE_KEY, page);
        const frame = await openShop();
        const [shop, href] = [frame.contentDocument, frame.contentWindow?.location.href];
        frame.contentDocument?.querySelector('fc-relink')?.shadowRoot?.querySelector('button')?.click();
        const navigated = () => frame.contentDocument !== shop || (frame.contentWindow as FrameWindow | null)?.__navigated;
        await until(() => navigated() || terminal(frame).length > 0, 'the end of the attempt', 10_000);
        // Room for a navigation to show itself.
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(frame.contentDocument === shop, 'the tab still shows the shop page').to.equal(true);
        expect((frame.contentWindow as FrameWindow | null)?.__navigated, 'the script URL ran').to.equal(undefined);
        expect(frame.contentWindow?.location.href).to.equal(href);
        const ends = terminal(frame).map((e) => [e.type, e.detail.code]);
        expect(ends).to.deep.equal([['fc-relink-error', 'invalid_session_response']]);
        expect(sessionStorage.getItem(RECORD_KEY)).to.equal(null);
      });
    }
  });

  describe('when the tab comes back with a record that is not for this page', () => {
    it('drops a record older than a hosted link lives, without a request', async () => {
      const old = Date.now() - 31 * 24 * 60 * 60 * 1000;
      sessionStorage.setItem(RECORD_KEY, JSON.stringify({ id: 'fcsess_old', account: 'fca_test_checking', mode: 'same_account', at: old }));
      const frame = await openShop();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(eventsOf(frame)).to.deep.equal([]);
      expect(sessionStorage.getItem(RECORD_KEY)).to.equal(null);
    });

    it('leaves a record for another account to the element it belongs to', async () => {
      const record = JSON.stringify({ id: 'fcsess_other', account: 'fca_someone_else', mode: 'same_account', at: Date.now() });
      sessionStorage.setItem(RECORD_KEY, record);
      const frame = await openShop();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(eventsOf(frame)).to.deep.equal([]);
      expect(sessionStorage.getItem(RECORD_KEY)).to.equal(record);
    });
  });
});
