// Stripe's hosted relink page, simulated for the QA demo: the page a hosted session's `url`
// points to. The customer reconnects or cancels (or finds the link expired) and is sent back to
// the merchant's return URL, where <fc-relink ui="hosted"> reports how it ended.
import { persistentFake } from './fake-state.js';

const fake = persistentFake();
const page = fake.openHostedPage(location.href);
const root = document.querySelector('#page') as HTMLElement;

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}) =>
  Object.assign(document.createElement(tag), props);

/** A button that does what the customer chose and sends the tab back to the merchant. */
function action(label: string, act: () => string, primary = false) {
  const button = el('button', { type: 'button', textContent: label, className: primary ? 'primary' : '' });
  button.addEventListener('click', () => location.assign(act()));
  return button;
}

const returnUrl = page.session?.hosted?.return_url ?? page.session?.return_url ?? null;
if (page.state === 'open') {
  const account = page.accounts[0];
  root.append(
    el('h1', { textContent: 'Reconnect your bank account' }),
    el('p', { textContent: `Demo Merchant asks you to reconnect ${account ? `${account.display_name} (••••${account.last4 ?? ''}) at ${account.institution_name}` : 'your bank account'}.` }),
    action('Reconnect', () => page.relink(), true),
    action('Cancel', () => page.cancel()),
  );
} else {
  const why = { expired: 'This link has expired.', completed: 'This link has already been used.', not_found: 'This link is not valid.' }[page.state];
  root.append(el('h1', { textContent: why }), el('p', { textContent: 'Ask the merchant for a new one.' }));
  if (returnUrl) root.append(el('a', { href: returnUrl, textContent: 'Return to Demo Merchant' }));
}
document.documentElement.dataset.ready = '';
