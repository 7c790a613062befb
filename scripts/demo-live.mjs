// npm run demo:live: the demo against real Stripe (test mode), with real endpoints from
// fc-relink/server. Needs STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY (test keys).
import Stripe from 'stripe';
import { createLiveDemoServer, demoCustomer } from './live-server.mjs';

const secret = process.env.STRIPE_SECRET_KEY?.trim();
const publishableKey = process.env.STRIPE_PUBLISHABLE_KEY?.trim();

const HELP = `npm run demo:live needs your Stripe test-mode keys:

  STRIPE_SECRET_KEY=sk_test_… STRIPE_PUBLISHABLE_KEY=pk_test_… npm run demo:live

Optional: STRIPE_CUSTOMER=cus_… (whose linked accounts to show; default: a customer with the
email fc-relink-demo@example.com, created on first run), PORT (default 8787).
Financial Connections relink is a Stripe preview: your account needs access to it.`;

if (!secret || !publishableKey) {
  console.error(HELP);
  process.exit(1);
}
// Never echo a key: say only what kind was given.
if (!/^(?:sk|rk)_test_/.test(secret) || !/^pk_test_/.test(publishableKey)) {
  console.error(`demo:live runs only in test mode: STRIPE_SECRET_KEY must start sk_test_ (or rk_test_) and STRIPE_PUBLISHABLE_KEY pk_test_.\n\n${HELP}`);
  process.exit(1);
}

const stripe = new Stripe(secret);
const customer = await demoCustomer(stripe, process.env.STRIPE_CUSTOMER?.trim());
const server = createLiveDemoServer({ stripe, publishableKey, customer, log: (line) => console.error(line) });
const port = Number(process.env.PORT ?? 8787);
server.listen(port, '127.0.0.1', () => {
  console.log(`fc-relink live demo: http://localhost:${port}/  (Stripe test mode, customer ${customer}; Ctrl+C to stop)`);
});
