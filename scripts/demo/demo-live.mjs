// npm run demo:live: the demo against real Stripe (test mode), with real endpoints from
// fc-relink/server. Needs STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY (test keys).
import Stripe from 'stripe';
import { createLiveDemoServer, demoCustomer } from './live-server.mjs';

const secret = process.env.STRIPE_SECRET_KEY?.trim();
const publishableKey = process.env.STRIPE_PUBLISHABLE_KEY?.trim();

const HELP = `npm run demo:live needs your Stripe test-mode keys:

  STRIPE_SECRET_KEY=sk_test_… STRIPE_PUBLISHABLE_KEY=pk_test_… npm run demo:live

Optional: STRIPE_CUSTOMER=cus_… (whose linked accounts to show; default: a customer with the
email fc-relink-demo@example.com, created on first run), PORT (default 8787),
STRIPE_WEBHOOK_SECRET=whsec_… (the secret \`stripe listen\` prints, to receive webhooks).
Financial Connections relink is a Stripe preview: your account needs access to it.`;

if (!secret || !publishableKey) {
  console.error(HELP);
  process.exit(1);
}
// Never echo a key: say only what kind was given.
if (!/^(?:sk|rk)_test_/.test(secret) || !/^pk_test_/.test(publishableKey)) {
  console.error(
    `demo:live runs only in test mode: STRIPE_SECRET_KEY must start sk_test_ (or rk_test_) and STRIPE_PUBLISHABLE_KEY pk_test_.\n\n${HELP}`,
  );
  process.exit(1);
}

const stripe = new Stripe(secret);
const customer = await demoCustomer(stripe, process.env.STRIPE_CUSTOMER?.trim());
const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET?.trim() || undefined;
const server = createLiveDemoServer({
  stripe,
  publishableKey,
  customer,
  webhookSecret,
  log: (line) => console.error(line),
});
const port = Number(process.env.PORT ?? 8787);
server.listen(port, '127.0.0.1', () => {
  console.log(
    `fc-relink live demo: http://localhost:${port}/  (Stripe test mode, customer ${customer}; Ctrl+C to stop)`,
  );
  console.log(webhookLines(port, webhookSecret !== undefined).join('\n'));
});

/** How to get Stripe's events to this machine: the Stripe CLI forwards them. */
function webhookLines(port, listening) {
  const events = [
    'financial_connections.account.deactivated',
    'financial_connections.account.reactivated',
    'financial_connections.account.upcoming_deactivation',
    'financial_connections.account.upcoming_account_number_expiry',
    'financial_connections.session.updated',
  ].join(',');
  const forward = `  stripe listen --forward-to localhost:${port}/api/stripe-webhook --events ${events}`;
  return listening
    ? ["Webhooks: POST /api/stripe-webhook. Forward Stripe's events to it with the Stripe CLI:", forward]
    : [
        "Webhooks: to receive Stripe's events, run the Stripe CLI in another terminal:",
        forward,
        'then restart this demo with STRIPE_WEBHOOK_SECRET set to the whsec_… it prints.',
      ];
}
