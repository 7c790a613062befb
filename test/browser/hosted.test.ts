// ui="hosted", round trip: in a frame, a shop page's <fc-relink ui="hosted"> sends the tab to
// Stripe's hosted page (played by the fake), which sends it back; the element on the page it comes
// back to reports the outcome, once.
import { expect, until } from './harness/index.js';

const SHOP = '/test/browser/fixtures/hosted-shop.html';
const ACTION_KEY = 'fc-relink-test:hosted-action';
const ANSWER_KEY = 'fc-relink-test:hosted-answer';
const NO_OPT_IN_KEY = 'fc-relink-test:no-opt-in';
const RECORD_KEY = 'fc-relink:hosted';
const FAKE_KEY = 'fc-relink-test:fake';
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

/** Waits until the shop page has fetched the hosted and attempt halves: its element has looked for a record then. */
async function halvesFetched(frame: HTMLIFrameElement): Promise<void> {
  const fetched = (part: string) =>
    frame.contentWindow?.performance.getEntriesByType('resource').some((e) => e.name.includes(`/src/${part}/index`)) ??
    false;
  await until(() => fetched('hosted') && fetched('attempt'), 'the hosted and attempt halves', 10_000);
}

/** Clicks the shop's button, and waits for the tab to come back from Stripe's page and report. */
async function roundTrip(frame: HTMLIFrameElement): Promise<void> {
  const before = frame.contentDocument;
  const button = frame.contentDocument?.querySelector('fc-relink')?.shadowRoot?.querySelector('button');
  button?.click();
  await until(
    () => frame.contentDocument !== before && ready(frame) && terminal(frame).length > 0,
    'back from the hosted page',
    10_000,
  );
}

// Every test starts with a fresh fake and no record. A frame removed at the end of a test saves
// the fake's state as it leaves (pagehide): the next test starts once that is done.
const KEYS = [FAKE_KEY, ACTION_KEY, ANSWER_KEY, NO_OPT_IN_KEY, RECORD_KEY, SESSIONS_KEY, PAGE_KEY];
beforeEach(() => {
  for (const key of KEYS) sessionStorage.removeItem(key);
});
afterEach(async () => {
  for (const frame of document.querySelectorAll('iframe')) frame.remove();
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (const key of KEYS) sessionStorage.removeItem(key);
});

// A round trip loads up to four documents in the frame, each waiting for its msw worker: more
// than mocha's 5 s on a loaded machine, and within the 10 s each step is given to happen.
const PAGE_STEPS_MS = 30_000;

describe('hosted relink, there and back (ui="hosted")', function () {
  this.timeout(PAGE_STEPS_MS);

  describe("when the customer relinks on Stripe's page", () => {
    it('reports one success on the page Stripe returns to, after verifying, and nothing on a reload', async () => {
      sessionStorage.setItem(ACTION_KEY, 'relink');
      const frame = await openShop();
      await roundTrip(frame);
      const events = eventsOf(frame);
      expect(events.map((e) => e.type)).to.deep.equal([
        'fc-relink-statechange',
        'fc-relink-statechange',
        'fc-relink-success',
      ]);
      expect(events.map((e) => e.detail.state).slice(0, 2)).to.deep.equal(['verifying', 'success']);
      const success = events[2]?.detail;
      expect(success).to.deep.include({ mode: 'same_account', accounts: [] });
      expect(String(success?.sessionId)).to.match(/^fcsess_/);
      // Reported only once the server confirmed it: verify was asked once, for the session the
      // shop's endpoint created and the element's account.
      const created = createdSessions();
      expect(created).to.have.length(1);
      expect(success?.sessionId).to.equal(created[0]);
      const asked = { session: created[0], account: 'fca_test_checking', attempt: success?.attemptId };
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

  describe("when the customer cancels on Stripe's page", () => {
    it('reports one cancel on the page Stripe returns to', async () => {
      sessionStorage.setItem(ACTION_KEY, 'cancel');
      const frame = await openShop();
      await roundTrip(frame);
      expect(
        terminal(frame).map((e) => e.type),
        JSON.stringify(terminal(frame)),
      ).to.deep.equal(['fc-relink-cancel']);
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
        const navigated = () =>
          frame.contentDocument !== shop || (frame.contentWindow as FrameWindow | null)?.__navigated;
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
      sessionStorage.setItem(
        RECORD_KEY,
        JSON.stringify({ id: 'fcsess_old', account: 'fca_test_checking', mode: 'same_account', at: old }),
      );
      const frame = await openShop();
      // Read once the element's hosted half is there (it is fetched on the first render).
      await until(() => sessionStorage.getItem(RECORD_KEY) === null, 'the record dropped', 10_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(eventsOf(frame)).to.deep.equal([]);
    });

    it('leaves a record for another account to the element it belongs to', async () => {
      const record = JSON.stringify({
        id: 'fcsess_other',
        account: 'fca_someone_else',
        mode: 'same_account',
        at: Date.now(),
      });
      sessionStorage.setItem(RECORD_KEY, record);
      const frame = await openShop();
      await halvesFetched(frame);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(eventsOf(frame)).to.deep.equal([]);
      expect(sessionStorage.getItem(RECORD_KEY)).to.equal(record);
    });
  });
});

/** Clicks the shop's button, and waits for an outcome on the same page: the tab must not have left. */
type FrameEvent = { type: string; detail: Record<string, unknown> };

async function clickAndStay(frame: HTMLIFrameElement): Promise<FrameEvent> {
  const before = frame.contentDocument;
  frame.contentDocument?.querySelector('fc-relink')?.shadowRoot?.querySelector('button')?.click();
  const settled = () => frame.contentDocument !== before || terminal(frame).length > 0;
  await until(settled, 'an outcome on the shop page', 10_000);
  expect(frame.contentDocument, 'the tab left the shop page').to.equal(before);
  const outcome = terminal(frame);
  expect(outcome, 'one outcome').to.have.length(1);
  return outcome[0]!;
}

describe('hosted relink, when the endpoint answers where the tab goes (ui="hosted")', function () {
  this.timeout(PAGE_STEPS_MS);
  for (const url of [
    'https://bank-login.example/r',
    'http://connect.stripe.com/r',
    'https://connect.stripe.com:444/r',
  ]) {
    it(`follows no page off Stripe's hosted-page hosts over https: not ${url}`, async () => {
      sessionStorage.setItem(ANSWER_KEY, JSON.stringify({ id: 'fcsess_test_phish', url }));
      const frame = await openShop();
      const outcome = await clickAndStay(frame);
      expect(outcome.type).to.equal('fc-relink-error');
      expect(outcome.detail).to.include({ code: 'invalid_session_response', retryable: false });
      expect(
        eventsOf(frame).map((e) => e.type),
        'no start',
      ).not.to.include('fc-relink-start');
      expect(sessionStorage.getItem(RECORD_KEY)).to.equal(null);
    });
  }

  it("follows the fake's page on this test server only where the page allows its origin", async () => {
    sessionStorage.setItem(NO_OPT_IN_KEY, '1');
    const frame = await openShop();
    const outcome = await clickAndStay(frame);
    expect(outcome.detail).to.include({ code: 'invalid_session_response' });
    expect(sessionStorage.getItem(RECORD_KEY)).to.equal(null);
  });

  it('refuses a session id shaped like a client secret: no start event, nothing stored', async () => {
    const page = new URL('/test/browser/fixtures/hosted-stripe.html', location.href).href;
    sessionStorage.setItem(ANSWER_KEY, JSON.stringify({ id: 'fcsess_test_1_secret_leaked', url: page }));
    const frame = await openShop();
    const outcome = await clickAndStay(frame);
    expect(outcome.detail).to.include({ code: 'invalid_session_response' });
    expect(JSON.stringify(eventsOf(frame))).not.to.include('_secret_');
    expect(sessionStorage.getItem(RECORD_KEY)).to.equal(null);
  });

  it('ends an attempt whose tab never leaves, within a bound: a retryable error, the button back', async function () {
    this.timeout(PAGE_STEPS_MS + 10_000);
    // A url that differs from the page's only by its #fragment: assign() does not leave.
    const stay = `${new URL(SHOP, location.href).href}#stay`;
    sessionStorage.setItem(ANSWER_KEY, JSON.stringify({ id: 'fcsess_test_stay', url: stay }));
    const frame = await openShop();
    type Relinkable = HTMLElement & { relink(): Promise<{ status: string }> };
    const element = frame.contentDocument?.querySelector('fc-relink') as Relinkable | null;
    const started = performance.now();
    const outcome = await element!.relink();
    expect(performance.now() - started, 'within the bound').to.be.below(15_000);
    expect(outcome.status).to.equal('error');
    const events = eventsOf(frame);
    expect(events.at(-1)?.detail).to.include({ code: 'session_request_failed', retryable: true });
    expect(sessionStorage.getItem(RECORD_KEY)).to.equal(null);
    await until(() => element!.shadowRoot?.querySelector('button')?.disabled === false, 'the button enabled again');
  });
});

describe('hosted relink, when the customer comes back with the back button (ui="hosted")', function () {
  this.timeout(PAGE_STEPS_MS);
  it('reports one cancel on the start page for a visit left unfinished (session still pending)', async () => {
    sessionStorage.setItem(ACTION_KEY, 'back');
    const frame = await openShop();
    await roundTrip(frame);
    expect(
      terminal(frame).map((e) => e.type),
      JSON.stringify(terminal(frame)),
    ).to.deep.equal(['fc-relink-cancel']);
    expect(String(terminal(frame)[0]?.detail.sessionId)).to.match(/^fcsess_/);
    expect(sessionStorage.getItem(RECORD_KEY)).to.equal(null);
  });
});
