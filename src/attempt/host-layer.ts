// Stripe.js draws its flow in an iframe (name __privateStripeFrame…) inside a div it appends to
// document.body: fixed, z-index 2147483647, but not in the top layer. Inside a modal <dialog> or
// an open popover (both top layer) that frame is painted underneath and, under a modal dialog,
// inert; a script focus trap (focus-trap, Radix, MUI, Headless UI) pulls focus back out of it, and
// `pointer-events: none`, `inert` or `aria-hidden` on the page's other body children can reach
// it. So while Stripe's flow is open the element steps its host out of the way, and puts it back
// exactly as it was when the flow ends.

const STRIPE_FRAME = 'iframe[name^="__privateStripeFrame"]';
// What demoting and restoring a dialog or popover fires; the page must not take it for the
// customer closing or opening its modal. (close() fires no cancel.)
const DEMOTION_EVENTS = ['close', 'beforetoggle', 'toggle'];
// An engine that never fires a toggle event for a dialog is given this long after the restore.
const TOGGLE_GRACE_MS = 1000;
// What a focus trap or an outside-click handler listens to: none of it is the page's business
// while it is about Stripe's frame.
const FRAME_EVENTS = ['focusin', 'focus', 'pointerdown', 'mousedown', 'touchstart', 'pointerup', 'mouseup', 'click'];
const LEAVING_EVENTS = ['focusout', 'blur'];
const HIDING_ATTRIBUTES = ['inert', 'aria-hidden'];

interface Demoted {
  readonly element: HTMLElement;
  readonly modal: boolean;
  readonly scroll: readonly [number, number];
}

const matches = (element: Element, selector: string): boolean => {
  try {
    return element.matches(selector);
  } catch {
    // An engine without :popover-open (or :modal) has no such ancestor.
    return false;
  }
};

// The flat tree: a slotted element's parent is its slot, a shadow root's is its host.
function parentOf(node: Node): Node | null {
  if (node instanceof Element && node.assignedSlot) return node.assignedSlot;
  return node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
}

/** The open modal dialogs and popovers around `element`, innermost first. */
function topLayerAround(element: Element): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (let node = parentOf(element); node instanceof HTMLElement; node = parentOf(node)) {
    if (matches(node, 'dialog:modal') || matches(node, ':popover-open')) found.push(node);
  }
  return found;
}

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Stripe's body-appended frame container around `node`, if `node` is or holds Stripe's frame. */
function containerOf(node: Node): HTMLElement | null {
  if (!(node instanceof Element)) return null;
  let box: Element | null = node.matches(STRIPE_FRAME) ? node : node.querySelector(STRIPE_FRAME);
  while (box && box.parentElement !== document.body) box = box.parentElement;
  return box instanceof HTMLElement ? box : null;
}

/**
 * Keeps the events the demotion causes from the page: beforetoggle while the element calls the
 * page's dialogs and popovers (it is fired synchronously), one close per close() (fired in a
 * task of its own), every toggle while the flow is open, and the one reopening each host after
 * it (toggles coalesce). Nothing else: a cancel is always the customer's, and so is a toggle
 * towards closed after the flow.
 */
function demotionGuard(hosts: readonly HTMLElement[]) {
  let calling = false;
  let restored = false;
  let closesDue = 0;
  const togglesDue = new Set<EventTarget>();
  // A non-composed event (close, toggle) in a shadow root never reaches the window.
  const roots = new Set<EventTarget>([window]);
  for (const host of hosts) roots.add(host.getRootNode() === document ? window : host.getRootNode());
  const stop = () => {
    for (const root of roots) for (const type of DEMOTION_EVENTS) root.removeEventListener(type, listener, true);
  };
  const listener = (event: Event) => {
    // The host may be in a shadow root, where the window sees its shadow host as the target.
    const target = event.composedPath()[0] ?? null;
    if (target === null || !hosts.includes(target as HTMLElement)) return;
    let ours = false;
    if (event.type === 'beforetoggle') {
      ours = calling;
    } else if (event.type === 'close' && closesDue > 0) {
      closesDue -= 1;
      ours = true;
    } else if (event.type === 'toggle') {
      const opening = (event as Event & { newState?: string }).newState === 'open';
      ours = !restored || (opening && togglesDue.delete(target));
    }
    if (ours) event.stopImmediatePropagation();
    if (restored && closesDue === 0 && togglesDue.size === 0) stop();
  };
  for (const root of roots) for (const type of DEMOTION_EVENTS) root.addEventListener(type, listener, true);
  return {
    /** Runs `action` on a host; `closes` is how many close events it causes. */
    call(action: () => void, closes = 0) {
      calling = true;
      try {
        action();
      } finally {
        calling = false;
      }
      closesDue += closes;
    },
    /** The hosts put back (`reopened` of them): from now on only their last events are stopped. */
    restored(reopened: Iterable<HTMLElement>) {
      restored = true;
      for (const host of reopened) togglesDue.add(host);
      if (closesDue === 0 && togglesDue.size === 0) stop();
      else setTimeout(stop, TOGGLE_GRACE_MS);
    },
  };
}

/**
 * Keeps the page's own "hide the rest" (an inert or aria-hidden sibling, pointer-events: none on
 * the body) off Stripe's frame container, even when applied after it appeared, and keeps focus
 * traps and outside-click handlers from hearing about it. Returns what undoes it.
 */
function revealStripe(): () => void {
  const containers = new Map<HTMLElement, { pointerEvents: string; attributes: [string, string][] }>();
  const reveal = (container: HTMLElement) => {
    if (!containers.has(container)) {
      const attributes = HIDING_ATTRIBUTES.flatMap((name): [string, string][] => {
        const value = container.getAttribute(name);
        return value === null ? [] : [[name, value]];
      });
      containers.set(container, { pointerEvents: container.style.getPropertyValue('pointer-events'), attributes });
      if (getComputedStyle(container).pointerEvents === 'none') container.style.setProperty('pointer-events', 'auto');
    }
    for (const name of HIDING_ATTRIBUTES) container.removeAttribute(name);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const found = record.type === 'attributes' ? record.target : null;
      if (found instanceof HTMLElement && containers.has(found)) reveal(found);
      for (const node of record.addedNodes) {
        const container = containerOf(node);
        if (container) reveal(container);
      }
    }
  });
  const watch = { childList: true, subtree: true, attributes: true, attributeFilter: HIDING_ATTRIBUTES };
  observer.observe(document.body, watch);
  for (const child of document.body.children) {
    const container = child.matches('[tabindex="-1"]') ? containerOf(child) : null;
    if (container) reveal(container);
  }

  const inContainer = (target: EventTarget | null) =>
    target instanceof Node && [...containers.keys()].some((container) => container.contains(target));
  const guard = (event: Event) => {
    const leaving = LEAVING_EVENTS.includes(event.type);
    if (inContainer(leaving ? ((event as FocusEvent).relatedTarget ?? null) : event.target)) {
      event.stopImmediatePropagation();
    }
  };
  for (const type of [...FRAME_EVENTS, ...LEAVING_EVENTS]) addEventListener(type, guard, true);

  return () => {
    observer.disconnect();
    for (const type of [...FRAME_EVENTS, ...LEAVING_EVENTS]) removeEventListener(type, guard, true);
    for (const [container, saved] of containers) {
      container.style.setProperty('pointer-events', saved.pointerEvents);
      for (const [name, value] of saved.attributes) container.setAttribute(name, value);
    }
  };
}

/**
 * Makes Stripe's flow, about to open for `element`, visible and usable whatever modal the page has
 * it in; the returned function puts the page back as it was (its dialogs and popovers open and
 * modal again, their scroll, the window's scroll, focus on what had it), whatever the outcome.
 */
export function clearHostLayer(element: Element): () => void {
  const focused = deepActiveElement();
  const windowScroll = [window.scrollX, window.scrollY] as const;
  const unreveal = revealStripe();
  const hosts = topLayerAround(element);
  const guard = demotionGuard(hosts);
  const demoted: Demoted[] = hosts.map((host) => ({
    element: host,
    modal: host instanceof HTMLDialogElement && matches(host, ':modal'),
    scroll: [host.scrollLeft, host.scrollTop],
  }));
  for (const { element: host, modal } of demoted) {
    if (host instanceof HTMLDialogElement && modal) {
      // Still shown, in the page's own layer, and no longer making the page inert.
      guard.call(() => {
        host.close();
        host.show();
      }, 1);
    } else {
      guard.call(() => host.hidePopover());
    }
  }

  return () => {
    unreveal();
    const reopened: HTMLElement[] = [];
    for (const { element: host, modal, scroll } of [...demoted].reverse()) {
      // A host the page has since closed or removed stays as the page left it.
      try {
        if (host instanceof HTMLDialogElement && modal && host.open) {
          guard.call(() => {
            host.close();
            host.showModal();
          }, 1);
        } else if (!modal && host.isConnected && !matches(host, ':popover-open')) {
          guard.call(() => host.showPopover());
        } else {
          continue;
        }
      } catch {
        continue;
      }
      reopened.push(host);
      host.scrollTo(scroll[0], scroll[1]);
    }
    guard.restored(reopened);
    window.scrollTo(windowScroll[0], windowScroll[1]);
    if (reopened.length > 0 && focused instanceof HTMLElement && focused.isConnected) {
      focused.focus({ preventScroll: true });
      // Focus was at the body (the element's button, disabled while busy, dropped it), or on a
      // control that cannot take it back yet: leave it at the body, as it was, rather than where
      // showModal() put it; from there the element gives it back to its button.
      if (deepActiveElement() !== focused) (deepActiveElement() as HTMLElement | null)?.blur();
    }
  };
}
