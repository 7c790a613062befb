// <fc-relink> inside the modals of the libraries merchants build with: Radix UI, MUI, Headless
// UI (React) and focus-trap. They make the rest of the page inert, aria-hidden or
// pointer-events: none, and pull focus back into the modal; still the customer can see and use
// Stripe's flow (drawn in a body-appended iframe, as Stripe.js draws it), and afterwards the modal
// is open as before, with focus on the button.
import * as RadixDialog from '@radix-ui/react-dialog';
import { Dialog as HeadlessDialog, DialogPanel, DialogTitle } from '@headlessui/react';
import MuiDialog from '@mui/material/Dialog';
import { createFocusTrap } from 'focus-trap';
import { act, type ReactNode } from 'react';
import type { FcRelinkElement } from 'fc-relink';
import { createSimulatedCustomer } from '../../src/testing/index.js';
import {
  CHECKING,
  USABLE,
  TEST_KEY,
  clickInFlow,
  deepActiveElement,
  expect,
  fake,
  flowAt,
  flowReach,
  observe,
  press,
  realClick,
  sleep,
  stripeFrame,
  until,
  useEndpoint,
} from '../browser/harness/index.js';
import { render } from './react-suite.js';

const relink = () => <fc-relink publishable-key={TEST_KEY} session-url="/api/relink-session" account={CHECKING} />;

/** What the modal told the page: each call of its onClose / onOpenChange(false). */
const closes: string[] = [];

const MODALS: Record<string, () => ReactNode> = {
  'Radix UI Dialog': () => (
    <RadixDialog.Root open onOpenChange={(open) => open || closes.push('onOpenChange(false)')}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay style={{ position: 'fixed', inset: 0, background: 'rgba(0,0,0,.4)' }} />
        <RadixDialog.Content aria-describedby={undefined} style={{ position: 'fixed', top: '20%', left: '20%' }}>
          <RadixDialog.Title>Your bank connection needs attention</RadixDialog.Title>
          <button type="button">Not now</button>
          {relink()}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  ),
  'MUI Dialog': () => (
    <MuiDialog open onClose={(_, reason) => closes.push(`onClose(${reason})`)}>
      <h2>Your bank connection needs attention</h2>
      <button type="button">Not now</button>
      {relink()}
    </MuiDialog>
  ),
  'Headless UI Dialog': () => (
    <HeadlessDialog open onClose={() => closes.push('onClose')} style={{ position: 'relative', zIndex: 50 }}>
      <div style={{ position: 'fixed', inset: 0, background: 'rgba(0,0,0,.4)' }} />
      <DialogPanel style={{ position: 'fixed', top: '20%', left: '20%', background: '#fff' }}>
        <DialogTitle>Your bank connection needs attention</DialogTitle>
        <button type="button">Not now</button>
        {relink()}
      </DialogPanel>
    </HeadlessDialog>
  ),
};

/** The customer relinks from inside the modal: the flow must be on top, reachable and focused. */
async function relinkInside(el: FcRelinkElement): Promise<void> {
  await el.updateComplete;
  const button = el.shadowRoot?.querySelector('button') as HTMLButtonElement;
  button.focus();
  fake.customer = createSimulatedCustomer();
  const outcome = new Promise((resolve) => el.addEventListener('fc-relink-cancel', resolve, { once: true }));
  await realClick(button);
  const frame = await flowAt('Reconnect your bank account');
  // Past the modal's own reactions to focus leaving it (a trap pulls it back at once, or soon).
  await sleep(100);
  expect(flowReach(frame), 'the flow on top, focused, not inert').to.deep.equal(USABLE);
  await clickInFlow(frame, 'Agree and continue');
  await flowAt('Sign in to StripeBank');
  await press('Escape');
  await outcome;
  expect(stripeFrame(), 'the flow closed').to.equal(null);
  await until(() => deepActiveElement() === button, 'focus back on the button');
  await sleep(100);
  expect(deepActiveElement(), 'focus stays on the button').to.equal(button);
}

describe("<fc-relink> inside a modal library's dialog", () => {
  afterEach(() => {
    closes.length = 0;
  });

  for (const [name, modal] of Object.entries(MODALS)) {
    it(`${name}: the customer uses Stripe's flow, and the dialog stays open with focus on the button`, async () => {
      const endpoint = await useEndpoint();
      const { container, root } = await render(modal());
      try {
        const el = document.querySelector('fc-relink') as FcRelinkElement;
        observe(el, endpoint);
        await relinkInside(el);
        expect(closes, 'what the dialog told the page').to.deep.equal([]);
        expect(document.querySelector('fc-relink')).to.equal(el);
      } finally {
        await act(async () => root.unmount());
        container.remove();
      }
    });
  }

  it("focus-trap: the customer uses Stripe's flow, and the trap stays active with focus on the button", async () => {
    const endpoint = await useEndpoint();
    const box = document.body.appendChild(document.createElement('div'));
    const other = Object.assign(document.createElement('button'), { textContent: 'Outside' });
    document.body.append(other);
    box.append(Object.assign(document.createElement('button'), { textContent: 'Not now' }));
    const el = box.appendChild(document.createElement('fc-relink'));
    el.setAttribute('publishable-key', TEST_KEY);
    el.setAttribute('session-url', '/api/relink-session');
    el.setAttribute('account', CHECKING);
    observe(el, endpoint);
    const deactivated: string[] = [];
    const trap = createFocusTrap(box, { onDeactivate: () => deactivated.push('deactivated'), escapeDeactivates: true });
    try {
      await el.updateComplete;
      trap.activate();
      await relinkInside(el);
      expect(deactivated).to.deep.equal([]);
      // The trap still holds: focus sent outside comes back.
      other.focus();
      await until(() => box.contains(document.activeElement), 'the trap still active');
    } finally {
      trap.deactivate();
      box.remove();
      other.remove();
    }
  });
});
