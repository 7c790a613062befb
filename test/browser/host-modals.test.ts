// Stripe.js draws its flow in a body-appended iframe that is not in the top layer: under a modal
// <dialog> or an open popover it would be painted underneath (and, under the dialog, inert). The
// element makes it visible and usable there, and afterwards the host is as it was.
import { createSimulatedCustomer } from '../../src/testing/index.js';
import {
  CHECKING,
  USABLE,
  clickInFlow,
  deepActiveElement,
  expect,
  flowAt,
  flowReach,
  holdFlows,
  mount,
  press,
  realClick,
  sleep,
  stripeFrame,
  fake,
  until,
  type Mounted,
} from './harness/index.js';

const HOST_EVENTS = ['close', 'cancel', 'beforetoggle', 'toggle'];

interface Host {
  /** The dialog or popover. */
  box: HTMLElement;
  /** Whether it is open as the page opened it (modal, for the dialog). */
  asOpened(): boolean;
  /** The close, cancel and toggle events the page heard from it. */
  heard: string[];
  remove(): void;
}

/** Opens a dialog (showModal) or a popover holding a page button, a tall filler and then `<fc-relink>`. */
async function openHost(kind: 'dialog' | 'popover', wrapInShadow = false): Promise<Host & { parent: Element }> {
  const box = document.createElement(kind === 'dialog' ? 'dialog' : 'div');
  if (kind === 'popover') box.popover = 'auto';
  box.style.cssText = 'max-block-size: 60vh; overflow: auto; inline-size: 20rem;';
  const before = Object.assign(document.createElement('button'), { textContent: 'Not now' });
  const filler = Object.assign(document.createElement('div'), { textContent: 'Your bank connection needs attention.' });
  filler.style.blockSize = '120vh';
  const slot = document.createElement('div');
  box.append(before, filler, slot);
  let outer: HTMLElement = box;
  let parent: Element = slot;
  if (wrapInShadow) {
    // A modal component whose dialog lives in its shadow root, the element slotted into it.
    outer = document.createElement('div');
    const root = outer.attachShadow({ mode: 'open' });
    root.append(box);
    slot.append(document.createElement('slot'));
    parent = outer;
  }
  document.body.append(outer);
  if (box instanceof HTMLDialogElement) box.showModal();
  else box.showPopover();
  // Heard from here on: the page's own opening is not the element's doing.
  await sleep(50);
  const heard: string[] = [];
  for (const type of HOST_EVENTS) box.addEventListener(type, (e) => heard.push(e.type));
  return {
    box,
    parent,
    heard,
    asOpened: () =>
      box instanceof HTMLDialogElement ? box.open && box.matches(':modal') : box.matches(':popover-open'),
    remove: () => outer.remove(),
  };
}

/** Mounts the element in the host, scrolls the host to it and focuses its button, as a customer reaching it would. */
async function inHost(host: Host & { parent: Element }): Promise<Mounted> {
  const m = await mount({ attrs: { account: CHECKING }, parent: host.parent });
  m.el.scrollIntoView({ block: 'end' });
  m.button().focus();
  return m;
}

for (const kind of ['dialog', 'popover'] as const) {
  describe(`<fc-relink> inside an open ${kind === 'dialog' ? 'modal dialog' : 'popover'}`, () => {
    let host: (Host & { parent: Element }) | undefined;
    afterEach(() => host?.remove());

    it("shows Stripe's flow on top, takes clicks and keys, and leaves the host as it was", async () => {
      host = await openHost(kind);
      const m = await inHost(host);
      fake.customer = createSimulatedCustomer();
      const scrolled = host.box.scrollTop;
      expect(scrolled, 'the host is scrolled to the element').to.be.greaterThan(0);
      const outcome = m.nextOutcome();
      await realClick(m.button());
      const frame = await flowAt('Reconnect your bank account');
      expect(flowReach(frame)).to.deep.equal(USABLE);
      await clickInFlow(frame, 'Agree and continue');
      await flowAt('Sign in to StripeBank');
      await press('Escape');
      expect((await outcome).type).to.equal('fc-relink-cancel');
      expect(stripeFrame(), 'the flow closed').to.equal(null);
      await until(() => deepActiveElement() === m.button(), 'focus back on the button');
      expect(host.asOpened(), 'the host is open as the page opened it').to.equal(true);
      expect(host.box.scrollTop).to.equal(scrolled);
      await sleep(100);
      expect(host.heard, 'events the page heard from its host').to.deep.equal([]);
      // And the customer closing it themselves is heard as ever.
      await press('Escape');
      await until(() => !host?.asOpened(), 'the host closed by Escape');
      await sleep(50);
      expect(host.heard).to.include.members(kind === 'dialog' ? ['cancel', 'close'] : ['beforetoggle', 'toggle']);
    });

    for (const ending of ['success', 'error', 'element removed'] as const) {
      const how = ending === 'element removed' ? 'the element is removed mid-flow' : `a flow ending in ${ending}`;
      it(`puts the host back after ${how}`, async () => {
        host = await openHost(kind);
        const m = await inHost(host);
        const held = holdFlows();
        const outcome = m.nextOutcome();
        await realClick(m.button());
        await until(() => held.length === 1 && stripeFrame() !== null, 'the flow open');
        expect(flowReach(stripeFrame() as HTMLIFrameElement).frameAtCentre).to.equal(true);
        if (ending === 'element removed') m.el.remove();
        held[0]?.act(
          ending === 'error'
            ? { action: 'error', error: { type: 'api_connection_error', message: 'Network down.' } }
            : ending === 'success'
              ? { action: 'relink' }
              : { action: 'cancel' },
        );
        const terminal = await outcome;
        const expected = {
          success: 'fc-relink-success',
          error: 'fc-relink-error',
          'element removed': 'fc-relink-cancel',
        };
        expect(terminal.type).to.equal(expected[ending]);
        expect(host.asOpened()).to.equal(true);
        if (ending !== 'element removed') {
          await until(() => deepActiveElement() === m.button(), 'focus back on the button');
        }
        await sleep(100);
        expect(host.heard).to.deep.equal([]);
      });
    }
  });
}

describe('<fc-relink> started by script inside a modal dialog', () => {
  it('gives focus back to what had it in the dialog (a clicked button keeps no focus in Safari)', async () => {
    const host = await openHost('dialog');
    try {
      const m = await mount({ attrs: { account: CHECKING }, parent: host.parent });
      const other = host.box.querySelector('button') as HTMLButtonElement;
      other.focus();
      const held = holdFlows();
      const outcome = m.el.relink();
      await until(() => held.length === 1 && stripeFrame() !== null, 'the flow open');
      expect(flowReach(stripeFrame() as HTMLIFrameElement)).to.deep.equal(USABLE);
      held[0]?.act({ action: 'cancel' });
      await outcome;
      expect(host.asOpened()).to.equal(true);
      await m.el.updateComplete;
      expect(document.activeElement).to.equal(other);
    } finally {
      host.remove();
    }
  });
});

describe('<fc-relink> slotted into a modal dialog in a shadow root', () => {
  it("shows Stripe's flow on top and leaves the dialog modal afterwards", async () => {
    const host = await openHost('dialog', true);
    try {
      const m = await inHost(host);
      const held = holdFlows();
      const outcome = m.nextOutcome();
      await realClick(m.button());
      await until(() => held.length === 1 && stripeFrame() !== null, 'the flow open');
      expect(flowReach(stripeFrame() as HTMLIFrameElement)).to.deep.equal(USABLE);
      held[0]?.act({ action: 'cancel' });
      await outcome;
      expect(host.asOpened()).to.equal(true);
      await until(() => deepActiveElement() === m.button(), 'focus back on the button');
      await sleep(100);
      expect(host.heard).to.deep.equal([]);
    } finally {
      host.remove();
    }
  });
});

describe('<fc-relink> outside any modal', () => {
  it("leaves the page alone: Stripe's frame on top, focus back on the button", async () => {
    const m = await mount();
    m.button().focus();
    const held = holdFlows();
    const outcome = m.nextOutcome();
    await realClick(m.button());
    await until(() => held.length === 1 && stripeFrame() !== null, 'the flow open');
    expect(flowReach(stripeFrame() as HTMLIFrameElement)).to.deep.equal(USABLE);
    held[0]?.act({ action: 'cancel' });
    await outcome;
    await until(() => deepActiveElement() === m.button(), 'focus back on the button');
  });
});

describe('the fake Stripe.js draws its flow as Stripe.js does', () => {
  const where = 'in a focused iframe named __privateStripeFrame…, in a div[tabindex="-1"] on <body>, fixed, on top';
  it(`${where}, not in the top layer`, async () => {
    const m = await mount();
    const held = holdFlows();
    const outcome = m.nextOutcome();
    m.button().click();
    await until(() => held.length === 1, 'the flow open');
    const frame = held[0]?.launch.frame as HTMLIFrameElement;
    expect(frame).to.equal(stripeFrame());
    const container = frame.parentElement as HTMLElement;
    expect(container.parentElement).to.equal(document.body);
    expect(container.getAttribute('tabindex')).to.equal('-1');
    const style = getComputedStyle(container);
    expect([style.position, style.zIndex]).to.deep.equal(['fixed', '2147483647']);
    expect(frame.getBoundingClientRect()).to.include({ x: 0, y: 0, width: innerWidth, height: innerHeight });
    expect(container.matches(':modal, :popover-open') || frame.matches(':modal, :popover-open')).to.equal(false);
    expect(document.activeElement).to.equal(frame);
    held[0]?.act({ action: 'cancel' });
    await outcome;
    expect(container.isConnected, 'removed when the flow ends').to.equal(false);
  });

  it('cancels when the customer closes the simulated flow with ×', async () => {
    const m = await mount();
    fake.customer = createSimulatedCustomer();
    const outcome = m.nextOutcome();
    await realClick(m.button());
    const frame = await flowAt('Reconnect your bank account');
    await clickInFlow(frame, 'Close and cancel');
    expect((await outcome).type).to.equal('fc-relink-cancel');
    await until(() => deepActiveElement() === m.button(), 'focus back on the button');
  });
});
