// (a) The reference: a relink button written by hand, the way Stripe's Financial Connections
// docs lay it out. Everything happens after the click, one step after another: ask the
// merchant's server for a session, load Stripe.js, open the flow. This is what fc-relink is
// measured against; it is deliberately plain, not a straw man (it uses the same loader,
// @stripe/stripe-js/pure, so Stripe.js is not fetched at page load either).
import { loadStripe } from '@stripe/stripe-js/pure';

const PUBLISHABLE_KEY = 'pk_test_bench123';

const button = /** @type {HTMLButtonElement} */ (document.getElementById('relink'));
const status = /** @type {HTMLElement} */ (document.getElementById('relink-status'));

button.addEventListener('click', async () => {
  button.disabled = true;
  try {
    const response = await fetch('/api/relink-session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{}',
    });
    if (!response.ok) throw new Error(`session endpoint answered ${response.status}`);
    const { client_secret: clientSecret } = await response.json();

    const stripe = await loadStripe(PUBLISHABLE_KEY);
    if (!stripe) throw new Error('Stripe.js is not available');

    const result = await stripe.collectFinancialConnectionsAccounts({ clientSecret });
    if (result.error) status.textContent = result.error.message ?? 'Something went wrong.';
    else if (result.financialConnectionsSession.accounts.length === 0) status.textContent = 'Cancelled.';
    else status.textContent = 'Your bank account is reconnected.';
  } catch (error) {
    status.textContent = error instanceof Error ? error.message : String(error);
  } finally {
    button.disabled = false;
  }
});
