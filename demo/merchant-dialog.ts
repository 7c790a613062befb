// "Inside the merchant's dialog": the element in the modal a merchant opens when a bank
// connection needs attention, a `<dialog>` opened with showModal(). Stripe's flow must then be
// seen and used above that modal, and the modal be as it was afterwards.

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}) =>
  Object.assign(document.createElement(tag), props);

/**
 * Puts `element` in a merchant's modal dialog, and in `slot` the button that opens it. The
 * dialog sits in `slot` too, so that replacing the slot's children removes it.
 */
export function placeInMerchantDialog(slot: HTMLElement, element: HTMLElement): void {
  const dialog = el('dialog', { className: 'merchant' });
  dialog.setAttribute('aria-labelledby', 'merchant-dialog-title');
  const close = el('button', { type: 'button', className: 'secondary', textContent: 'Not now' });
  close.addEventListener('click', () => dialog.close());
  const actions = el('p', { className: 'dialog-actions' });
  actions.append(close);
  dialog.append(
    el('h2', { id: 'merchant-dialog-title', textContent: 'Your bank connection needs attention' }),
    el('p', {
      textContent: 'We can no longer reach your Everyday Checking account. Reconnect it to keep paying by bank.',
    }),
    element,
    actions,
  );
  const open = el('button', { type: 'button', textContent: 'Open the merchant’s dialog' });
  open.addEventListener('click', () => dialog.showModal());
  slot.replaceChildren(open, dialog);
}
