// The fake's stand-in for the frame Stripe.js draws its modal flows in: an
// <iframe name="__privateStripeFrame…"> inside a <div tabindex="-1"> appended to document.body,
// fixed over the whole viewport at the highest z-index, and NOT in the top layer. A modal
// <dialog>, an open popover or a focus trap on the page treats it exactly as it treats Stripe's.

/** Stripe's frame while a flow is open. */
export interface FakeStripeFrame {
  /** The `div[tabindex="-1"]` appended to `document.body`. */
  readonly container: HTMLDivElement;
  /** The `iframe[name^="__privateStripeFrame"]` inside it; its document is same-origin and blank. */
  readonly frame: HTMLIFrameElement;
  /** Removes the frame, as Stripe.js does when its flow ends. */
  remove(): void;
}

let frames = 0;

const COVER: Record<string, string> = {
  position: 'fixed',
  inset: '0',
  width: '100%',
  height: '100%',
  margin: '0',
  padding: '0',
  border: '0',
  'z-index': '2147483647',
};

// Styles go through the CSSOM, which a Content-Security-Policy without 'unsafe-inline' allows
// (a style attribute it would refuse).
function cover(element: HTMLElement, extra: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries({ ...COVER, ...extra })) element.style.setProperty(name, value);
}

/**
 * Appends Stripe's frame to `parent` (default `document.body`) and focuses it, as Stripe.js does
 * when a flow opens; `null` where there is no DOM (Node).
 */
export function mountFakeStripeFrame(parent?: ParentNode): FakeStripeFrame | null {
  if (typeof document === 'undefined' || !document.body) return null;
  const container = document.createElement('div');
  container.tabIndex = -1;
  cover(container);
  const frame = document.createElement('iframe');
  frames += 1;
  frame.name = `__privateStripeFrame${5000 + frames}`;
  frame.title = 'Secure bank connection frame';
  frame.setAttribute('allowtransparency', 'true');
  cover(frame, { 'background-color': 'transparent', 'color-scheme': 'normal' });
  container.append(frame);
  (parent ?? document.body).append(container);
  frame.contentWindow?.focus();
  return {
    container,
    frame,
    remove: () => container.remove(),
  };
}
