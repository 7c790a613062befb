// Relinked elsewhere: a success reaches every other element for the same account on the origin,
// on this page and in other documents of it, so that none keeps asking the customer.
import {
  CHECKING,
  SAVINGS,
  clickAndWait,
  expect,
  holdFlows,
  mount,
  pageChannelName,
  sleep,
  until,
} from './harness/index.js';

const CHANNEL = pageChannelName('fc-relink:relinked');

/** Another document of this origin, as another tab is, with its own BroadcastChannel; removed with `close()`. */
async function otherDocument(): Promise<{ channel: BroadcastChannel; close(): void }> {
  const frame = document.createElement('iframe');
  frame.srcdoc = '<!doctype html><title>another tab</title>';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const channel = new (frame.contentWindow as Window & typeof globalThis).BroadcastChannel(CHANNEL);
  return {
    channel,
    close: () => {
      channel.close();
      frame.remove();
    },
  };
}

describe('relinked elsewhere', () => {
  describe('when two elements on one page are for the same account', () => {
    it("moves the other one to success, with elsewhere and the other attempt's ids", async () => {
      const banner = await mount({ attrs: { account: CHECKING } });
      const settings = await mount({ attrs: { account: CHECKING } });
      const outcome = await clickAndWait(banner);
      const { sessionId, attemptId } = outcome.detail as { sessionId: string; attemptId: string };
      await until(() => settings.el.state === 'success');
      expect(settings.events.filter((e) => e.type !== 'fc-relink-statechange')).to.deep.equal([
        {
          type: 'fc-relink-success',
          detail: { mode: 'same_account', sessionId, accounts: [], attemptId, elsewhere: true },
        },
      ]);
      expect(settings.endpoint.requests).to.have.length(1); // the banner's only
      expect((outcome.detail as { elsewhere: boolean }).elsewhere).to.equal(false);
    });

    it('leaves an element for another account alone', async () => {
      const checking = await mount({ attrs: { account: CHECKING } });
      const savings = await mount({ attrs: { account: SAVINGS } });
      await clickAndWait(checking);
      await sleep(50);
      expect(savings.el.state).to.equal('idle');
      expect(savings.events).to.have.length(0);
    });

    it('reaches an any-account element only through the accounts Stripe returned', async () => {
      const anyAccount = await mount();
      const checking = await mount({ attrs: { account: CHECKING } });
      await clickAndWait(anyAccount);
      await until(() => checking.el.state === 'success');
      expect(checking.events.find((e) => e.type === 'fc-relink-success')?.detail).to.deep.include({ elsewhere: true });
    });

    it('leaves an element in the middle of its own attempt to end it with its own one terminal event', async () => {
      const held = holdFlows();
      const first = await mount({ attrs: { account: CHECKING } });
      const second = await mount({ attrs: { account: CHECKING } });
      const firstOutcome = first.el.relink();
      await until(() => held.length === 1);
      const secondOutcome = second.el.relink(); // waits behind the first flow
      await until(() => second.el.state === 'loading');
      held[0]?.act({ action: 'relink' });
      expect((await firstOutcome).status).to.equal('success');
      await until(() => held.length === 2);
      held[1]?.act({ action: 'cancel' });
      expect((await secondOutcome).status).to.equal('cancel');
      expect(second.terminalEvents().map((e) => e.type)).to.deep.equal(['fc-relink-cancel']);
    });
  });

  describe('when the same account is relinked in another document of the origin', () => {
    it("moves this page's element to success too", async () => {
      const here = await mount({ attrs: { account: CHECKING } });
      const other = await otherDocument();
      try {
        const attemptId = '0f5b8f4e-1c2d-4e3f-8a9b-0c1d2e3f4a5b';
        other.channel.postMessage({
          accounts: [CHECKING],
          sessionId: 'fcsess_other_tab',
          mode: 'same_account',
          attemptId,
        });
        await until(() => here.el.state === 'success');
        expect(here.events.find((e) => e.type === 'fc-relink-success')?.detail).to.deep.equal({
          mode: 'same_account',
          sessionId: 'fcsess_other_tab',
          accounts: [],
          attemptId,
          elsewhere: true,
        });
      } finally {
        other.close();
      }
    });

    it('tells other documents of the origin when this page relinks', async () => {
      const other = await otherDocument();
      const heard: unknown[] = [];
      other.channel.onmessage = ({ data }) => heard.push(data);
      try {
        const m = await mount({ attrs: { account: CHECKING } });
        const outcome = await clickAndWait(m);
        await until(() => heard.length === 1, 'the other document hears it');
        const { sessionId, attemptId } = outcome.detail as { sessionId: string; attemptId: string };
        expect(heard[0]).to.deep.equal({ sessionId, mode: 'same_account', attemptId, accounts: [CHECKING] });
      } finally {
        other.close();
      }
    });

    it('ignores a message of another shape', async () => {
      const here = await mount({ attrs: { account: CHECKING } });
      const other = await otherDocument();
      for (const junk of [null, 'fca_test_checking', { accounts: CHECKING }, { accounts: [CHECKING] }])
        other.channel.postMessage(junk);
      await sleep(100);
      other.close();
      expect(here.el.state).to.equal('idle');
    });
  });
});
