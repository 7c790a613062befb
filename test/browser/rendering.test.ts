import en from '../../src/translations/en.js';
import { CHECKING, clickAndWait, expect, fake, mount } from './harness/index.js';

describe('rendering and accessibility', () => {
  describe('when the element is idle', () => {
    it('renders a native button labelled "Reconnect bank account" and an empty polite status', async () => {
      const m = await mount();
      const button = m.button();
      expect(button.tagName).to.equal('BUTTON');
      expect(button.getAttribute('part')).to.equal('button');
      expect(button.type).to.equal('button');
      const slot = button.querySelector('slot') as HTMLSlotElement;
      expect(slot.textContent?.trim()).to.equal('Reconnect bank account');
      const status = m.el.shadowRoot?.querySelector('[part="status"]');
      expect(status?.getAttribute('role')).to.equal('status');
      expect(status?.getAttribute('aria-live')).to.equal('polite');
      expect(m.status()).to.equal('');
    });

    it('takes its label from the default slot', async () => {
      const m = await mount();
      m.el.textContent = 'Fix my bank connection';
      const slot = m.button().querySelector('slot') as HTMLSlotElement;
      expect(
        slot
          .assignedNodes()
          .map((n) => n.textContent)
          .join(''),
      ).to.equal('Fix my bank connection');
    });

    it('exposes state as a read-only property', async () => {
      const m = await mount();
      expect(() => {
        (m.el as unknown as { state: string }).state = 'success';
      }).to.throw(TypeError);
      expect(m.el.state).to.equal('idle');
    });
  });

  describe('when an attempt runs', () => {
    it('moves nothing on the page as its state changes', async () => {
      const row = document.body.appendChild(document.createElement('div'));
      const m = await mount({ attrs: { account: CHECKING }, parent: row });
      const after = row.appendChild(document.createElement('span'));
      after.textContent = 'next to it';
      const below = document.body.appendChild(document.createElement('p'));
      below.textContent = 'below it';
      const places = () => [m.el, after, below].map((node) => JSON.stringify(node.getBoundingClientRect()));
      const idle = places();
      const seen: string[][] = [];
      // Measured once each state has rendered.
      m.el.addEventListener('fc-relink-statechange', () => void m.el.updateComplete.then(() => seen.push(places())));
      await clickAndWait(m);
      await m.el.updateComplete;
      seen.push(places());
      expect(seen.length).to.be.at.least(3);
      for (const snapshot of seen) expect(snapshot).to.deep.equal(idle);
      row.remove();
      below.remove();
    });

    it("shows each state's customer text in the status region", async () => {
      fake.customer = { action: 'cancel' };
      const m = await mount({ attrs: { account: CHECKING } });
      const seen: string[] = [];
      m.el.addEventListener('fc-relink-statechange', () => void m.el.updateComplete.then(() => seen.push(m.status())));
      await clickAndWait(m);
      await m.el.updateComplete;
      expect(seen).to.deep.equal([en.loading, en.open, en.cancel]);
      expect(m.el.getAttribute('state')).to.equal('cancel');
    });

    it('dispatches bubbling, composed events that reach a listener outside a shadow root', async () => {
      const host = document.body.appendChild(document.createElement('div'));
      const root = host.attachShadow({ mode: 'open' });
      const heard: string[] = [];
      const listener = (e: Event) => heard.push(e.type);
      const types = ['fc-relink-start', 'fc-relink-success', 'fc-relink-statechange'];
      for (const type of types) document.addEventListener(type, listener);
      const m = await mount({ parent: root, attrs: { account: CHECKING } });
      await clickAndWait(m);
      for (const type of types) document.removeEventListener(type, listener);
      host.remove();
      expect(heard).to.include.members(types);
    });

    it('freezes event details so one listener cannot change what the next sees', async () => {
      const m = await mount({ scenario: 'server-error' });
      const outcome = await clickAndWait(m);
      expect(Object.isFrozen(outcome.detail)).to.equal(true);
    });
  });

  describe('when an attempt ends', () => {
    it('returns focus to its button after an attempt started from the keyboard', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      m.button().focus();
      const outcome = m.nextOutcome();
      m.button().click();
      await outcome;
      await m.el.updateComplete;
      await new Promise((r) => setTimeout(r, 0));
      expect(m.el.shadowRoot?.activeElement).to.equal(m.button());
    });

    it('leaves focus where a listener moved it', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      const input = document.body.appendChild(document.createElement('input'));
      m.el.addEventListener('fc-relink-success', () => input.focus());
      m.button().focus();
      await clickAndWait(m);
      await m.el.updateComplete;
      expect(document.activeElement).to.equal(input);
      input.remove();
    });
  });
});
