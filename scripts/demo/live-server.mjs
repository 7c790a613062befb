// The live demo's server: the demo page, and real endpoints built with fc-relink/server on top
// of a Stripe client. Exported so that a test can run it against a mocked Stripe API.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createRelinkSessionHandler,
  createRelinkVerifyHandler,
  createRelinkWebhookHandler,
  DEFAULT_RELINK_API_VERSION,
  relinkEligibility,
  toNodeHandler,
} from '../../dist/server/index.js';

const ROOT = fileURLToPath(new URL('../../demo-dist/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
const DEMO_EMAIL = 'fc-relink-demo@example.com';

/** The customer whose accounts the demo shows: the given one, or a demo customer made once. */
export async function demoCustomer(stripe, given) {
  if (given) return given;
  const found = await stripe.customers.list({ email: DEMO_EMAIL, limit: 1 });
  if (found.data[0]) return found.data[0].id;
  const created = await stripe.customers.create({
    email: DEMO_EMAIL,
    name: 'fc-relink demo',
    metadata: { fc_relink_demo: 'true' },
  });
  return created.id;
}

/**
 * The demo's access control, as an app's would be: only accounts (and authorizations) held by
 * the signed-in customer, who in this demo is always `customer`.
 */
export function demoAuthorize(stripe, customer, apiVersion = DEFAULT_RELINK_API_VERSION) {
  return async ({ account }) => {
    // The demo relinks one account at a time; an any-account request is not this user's to make.
    if (!account) return null;
    let fca;
    try {
      fca = await stripe.financialConnections.accounts.retrieve(account, {}, { apiVersion });
    } catch (error) {
      if (error?.code === 'resource_missing') return null;
      throw error;
    }
    if (fca.account_holder?.customer !== customer || !fca.authorization) return null;
    return { authorization: fca.authorization, accountHolder: { type: 'customer', customer } };
  };
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * The demo's webhook route: Stripe's Financial Connections events, checked and logged, each
 * event id handled once (Stripe delivers at least once, and retries).
 */
function demoWebhook(stripe, webhookSecret, log) {
  if (!webhookSecret) {
    return (req, res) =>
      sendJson(res, 404, {
        error: { message: 'Start demo:live with STRIPE_WEBHOOK_SECRET (from `stripe listen`) to receive webhooks.' },
      });
  }
  const seen = new Set();
  const once = (event) => (seen.has(event.id) ? false : (seen.add(event.id), true));
  return toNodeHandler(
    createRelinkWebhookHandler({
      stripe,
      webhookSecret,
      onRelinkNeeded: ({ account, reason, event }) => {
        if (once(event)) log(`webhook ${event.type}: ${account} needs a relink (${reason})`);
      },
      onRelinked: ({ account, authorization, event }) => {
        if (once(event)) log(`webhook ${event.type}: ${account ?? authorization} relinked`);
      },
      onError: (error) => log(`webhook: ${error?.message ?? error}`),
    }),
  );
}

/**
 * @param {{
 *   stripe: import('stripe').Stripe, publishableKey: string, customer: string, apiVersion?: string,
 *   webhookSecret?: string, log?: (line: string) => void, root?: string,
 * }} options
 *   `root` is the folder of the page and its script (default: the built demo, demo-dist/).
 */
export function createLiveDemoServer({
  stripe,
  publishableKey,
  customer,
  apiVersion = DEFAULT_RELINK_API_VERSION,
  webhookSecret,
  log = () => {},
  root = ROOT,
}) {
  const authorize = demoAuthorize(stripe, customer, apiVersion);
  const onError = (error, { stage }) => log(`${stage}: ${error?.message ?? error}`);
  const relinkSession = toNodeHandler(createRelinkSessionHandler({ stripe, authorize, apiVersion, onError }));
  const relinkVerify = toNodeHandler(createRelinkVerifyHandler({ stripe, authorize, apiVersion, onError }));

  const routes = {
    'GET /api/config': (req, res) => sendJson(res, 200, { publishableKey, customer }),
    'GET /api/accounts': async (req, res) => {
      try {
        const list = await stripe.financialConnections.accounts.list(
          { account_holder: { customer }, limit: 100 },
          { apiVersion },
        );
        const now = Math.floor(Date.now() / 1000);
        sendJson(res, 200, {
          accounts: list.data.map((a) => ({
            id: a.id,
            display_name: a.display_name ?? null,
            institution_name: a.institution_name,
            last4: a.last4 ?? null,
            status: a.status,
            eligibility: relinkEligibility(a, now),
          })),
        });
      } catch (error) {
        log(`accounts: ${error?.message ?? error}`);
        sendJson(res, 502, { error: { message: 'Could not list the accounts from Stripe.' } });
      }
    },
    'POST /api/relink-session': relinkSession,
    'POST /api/relink-verify': relinkVerify,
    'POST /api/stripe-webhook': demoWebhook(stripe, webhookSecret, log),
  };

  return createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes[`${req.method} ${path}`];
    if (route) return route(req, res);
    if (path.startsWith('/api/')) return sendJson(res, 404, { error: { message: 'Not found.' } });
    try {
      const file = normalize(join(root, path === '/' ? 'live.html' : decodeURIComponent(path)));
      if (!file.startsWith(root.replace(/[\\/]$/, '') + sep)) throw new Error('outside root');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
}
