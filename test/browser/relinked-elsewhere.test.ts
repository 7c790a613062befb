// Relinked elsewhere: a success reaches every other element for the same account on the origin,
// on this page and in other documents of it, so that none keeps asking the customer.
import { CHECKING, SAVINGS, clickAndWait, expect, holdFlows, mount, pageChannelName, sleep, until } from './harness/index.js';

const CHANNEL = pageChannelName('fc-relink:relinked');

describe('relinked elsewhere', () => {
  describe('when two elements on one page are for the same account', () => {
    it('moves the other one to success, with elsewhere and the other attempt\'s ids', async () => {
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
    it('moves this page\'s element to success too', async () => {
      const here = await mount({ attrs: { account: CHECKING } });
      const frame = document.createElement('iframe');
      // Another document of this origin, as another tab is: it hears through the BroadcastChannel.
      frame.srcdoc = '<!doctype html><title>another tab</title>';
      document.body.append(frame);
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      try {
        const other = frame.contentWindow as Window & typeof globalThis;
        const channel = new other.BroadcastChannel(CHANNEL);
        channel.postMessage({ accounts: [CHECKING], sessionId: 'fcsess_other_tab', mode: 'same_account', attemptId: '0f5b8f4e-1c2d-4e3f-8a9b-0c1d2e3f4a5b' });
        await until(() => here.el.state === 'success');
        expect(here.events.find((e) => e.type === 'fc-relink-success')?.detail).to.deep.equal({
          mode: 'same_account',
          sessionId: 'fcsess_other_tab',
          accounts: [],
          attemptId: '0f5b8f4e-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
          elsewhere: true,
        });
        channel.close();
      } finally {
        frame.remove();
      }
    });

    it('tells other documents of the origin when this page relinks', async () => {
      const frame = document.createElement('iframe');
      frame.srcdoc = '<!doctype html><title>another tab</title>';
      document.body.append(frame);
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const other = frame.contentWindow as Window & typeof globalThis;
      const heard: unknown[] = [];
      const channel = new other.BroadcastChannel(CHANNEL);
      channel.onmessage = ({ data }) => heard.push(data);
      try {
        const m = await mount({ attrs: { account: CHECKING } });
        const outcome = await clickAndWait(m);
        await until(() => heard.length === 1, 'the other document hears it');
        const { sessionId, attemptId } = outcome.detail as { sessionId: string; attemptId: string };
        expect(heard[0]).to.deep.equal({ sessionId, mode: 'same_account', attemptId, accounts: [CHECKING] });
      } finally {
        channel.close();
        frame.remove();
      }
    });

    it('ignores a message of another shape', async () => {
      const here = await mount({ attrs: { account: CHECKING } });
      const frame = document.createElement('iframe');
      frame.srcdoc = '<!doctype html>';
      document.body.append(frame);
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const other = frame.contentWindow as Window & typeof globalThis;
      const channel = new other.BroadcastChannel(CHANNEL);
      for (const junk of [null, 'fca_test_checking', { accounts: CHECKING }, { accounts: [CHECKING] }]) channel.postMessage(junk);
      await sleep(100);
      channel.close();
      frame.remove();
      expect(here.el.state).to.equal('idle');
    });
  });
});
