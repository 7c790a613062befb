// The button's events, listened to on the shadow root: one listener per event type per element,
// added once, instead of a listener per binding that every render of the template sets up.

/** What the element does with events on its button. */
export interface ButtonHandlers {
  click(): unknown;
  keydown(event: KeyboardEvent): void;
  /** `focusin`, `pointerenter`, `pointerleave` or `touchstart` on the button. */
  intent(type: string): void;
}

/** Whether `node` is `button` or inside it, slotted content included. */
function within(node: EventTarget | null, button: HTMLButtonElement): boolean {
  let at = node instanceof Node ? node : null;
  for (; at && at !== button; at = (at as Node & Partial<Slottable>).assignedSlot ?? at.parentNode);
  return at === button;
}

/** Calls `handlers` for events on the button `root` renders, and no other part of it; returns `root`. */
export function listenToButton<Root extends DocumentFragment | HTMLElement>(
  root: Root,
  handlers: ButtonHandlers,
): Root {
  const button = (event: Event): HTMLButtonElement | null => {
    const found = root.querySelector('button');
    return found && event.composedPath().includes(found) ? found : null;
  };
  root.addEventListener('click', (event) => void (button(event) && handlers.click()));
  root.addEventListener('keydown', (event) => void (button(event) && handlers.keydown(event as KeyboardEvent)));
  for (const type of ['focusin', 'touchstart']) {
    // Captured: a focusin or touchstart dispatched on the button alone (no bubbling) counts too.
    const listener = (event: Event): void => void (button(event) && handlers.intent(type));
    root.addEventListener(type, listener, { capture: true, passive: true });
  }
  // The pointer entering and leaving the button, not the status line's blank room. Browsers do
  // not all deliver pointerenter to a listener above its target, so pointerover and pointerout
  // (which bubble) say it, and a pointerenter or pointerleave dispatched on the button counts too.
  let over = false;
  const pointer = (event: Event, entered: boolean): void => {
    const found = button(event);
    if (!found || entered === over) return;
    if (event.type.startsWith('pointero') && within((event as PointerEvent).relatedTarget, found)) return;
    if (!event.type.startsWith('pointero') && event.composedPath()[0] !== found) return;
    over = entered;
    handlers.intent(entered ? 'pointerenter' : 'pointerleave');
  };
  const options = { capture: true, passive: true };
  for (const type of ['pointerover', 'pointerenter']) root.addEventListener(type, (e) => pointer(e, true), options);
  for (const type of ['pointerout', 'pointerleave']) root.addEventListener(type, (e) => pointer(e, false), options);
  return root;
}
