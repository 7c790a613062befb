// Stripe's flow as a customer meets it: the frame Stripe.js (here the fake) appends to
// document.body, what is painted at the middle of the screen, where focus is, and real clicks
// and keys sent into it.
import { sendMouse } from '@web/test-runner-commands';
import { keyDown, keyUp } from './keys.js';
import { until } from './time.js';

const FRAME = 'iframe[name^="__privateStripeFrame"]';

/** Stripe's frame, while a flow is open. */
export const stripeFrame = (): HTMLIFrameElement | null => document.querySelector<HTMLIFrameElement>(FRAME);

/** The focused element, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The simulated flow's current heading, or null. */
export const flowHeading = (): string | null =>
  stripeFrame()?.contentDocument?.querySelector('[role="dialog"] h2')?.textContent ?? null;

/** Waits for the simulated flow to show `heading`; resolves with Stripe's frame. */
export async function flowAt(heading: string): Promise<HTMLIFrameElement> {
  await until(() => flowHeading() === heading, `the flow at "${heading}"`);
  return stripeFrame() as HTMLIFrameElement;
}

/** What the customer can do with the open flow: what the middle of the screen shows, where focus is. */
export function flowReach(frame: HTMLIFrameElement) {
  const hit = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
  const hidden = frame.closest('[inert], [aria-hidden="true"]') !== null;
  return {
    frameAtCentre: hit === frame,
    frameFocused: document.activeElement === frame && (frame.contentDocument?.hasFocus() ?? false),
    inert: hidden,
  };
}

/** A flow the customer can see, click and type in. */
export const USABLE = { frameAtCentre: true, frameFocused: true, inert: false } as const;

/** A real click (the test runner's mouse) at the middle of `element`, which may be inside Stripe's frame. */
export async function realClick(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  const view = element.ownerDocument.defaultView;
  const frame = view && view !== window ? (view.frameElement?.getBoundingClientRect() ?? null) : null;
  const x = (frame?.x ?? 0) + box.x + box.width / 2;
  const y = (frame?.y ?? 0) + box.y + box.height / 2;
  await sendMouse({ type: 'click', position: [Math.round(x), Math.round(y)] });
  await sendMouse({ type: 'move', position: [0, 0] });
}

/** Clicks the flow's button named `name`. */
export async function clickInFlow(frame: HTMLIFrameElement, name: string): Promise<void> {
  const buttons = [...(frame.contentDocument?.querySelectorAll('button') ?? [])];
  const button = buttons.find((b) => b.textContent === name || b.getAttribute('aria-label') === name);
  if (!button) throw new Error(`no button "${name}" in the flow`);
  await realClick(button);
}

/** A real key press, wherever focus is. */
export async function press(key: string): Promise<void> {
  await keyDown(key);
  await keyUp(key);
}
