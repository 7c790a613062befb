// Stripe's hosted relink page, simulated for the QA demo: the page a hosted session's `url`
// points to. The customer reconnects or cancels (or finds the link expired) and is sent back to
// the merchant's return URL, where <fc-relink ui="hosted"> reports how it ended.
import { fill } from '../src/testing/simulator-texts.js';
import { persistentFake } from './fake-state.js';
import { stripeTextsFor } from './stripe-texts.js';

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
// Stripe shows its page in the customer's language; the demo's return URL carries the one picked.
const lang = returnUrl === null ? null : new URL(returnUrl).searchParams.get('lang');
const t = stripeTextsFor(lang).hosted;
const merchant = 'Demo Merchant';
root.lang = lang ?? 'en';
root.dir = lang === 'ar' ? 'rtl' : 'ltr';
if (page.state === 'open') {
  const account = page.accounts[0];
  const named = account
    ? `${account.display_name} (••••${account.last4 ?? ''}, ${account.institution_name})`
    : t.yourAccount;
  root.append(
    el('h1', { textContent: t.title }),
    el('p', { textContent: fill(t.ask, { merchant, account: named }) }),
    action(t.reconnect, () => page.relink(), true),
    action(t.cancel, () => page.cancel()),
  );
} else {
  const why = { expired: t.expired, completed: t.completed, not_found: t.notFound }[page.state];
  root.append(el('h1', { textContent: why }), el('p', { textContent: t.askNew }));
  if (returnUrl) root.append(el('a', { href: returnUrl, textContent: fill(t.returnTo, { merchant }) }));
}
document.documentElement.dataset.ready = '';
