// The QA demo: both looks of <fc-relink>, a scenario panel, a live event log and state badges,
// all offline: the Stripe.js loader finds a fake window.Stripe (with a simulated modal flow) and
// msw's service worker answers the merchant endpoint.
import { setupWorker } from 'msw/browser';
import '../src/index.js';
import { FC_RELINK_EVENTS, type FcRelinkElement } from '../src/index.js';
import { createFakeStripe, createSessionEndpoint, createSimulatedCustomer } from '../src/testing/index.js';
import { DEMO_KEY, SCENARIOS, type Scenario } from './scenarios.js';

const SESSION_URL = new URL('api/relink-session', document.baseURI).href;
const ACCOUNT = 'fca_test_checking';

// Beside the page, so that the demo works from any folder of any static host.
const WORKER_URL = new URL('mockServiceWorker.js', document.baseURI).pathname;

type TrustedTypesLike = {
  createPolicy(
    name: string,
    rules: { createScriptURL(url: string, type: unknown, sink: string): string | null },
  ): unknown;
};

// A page that enforces Trusted Types (CSP `require-trusted-types-for 'script'`) refuses a plain
// string in navigator.serviceWorker.register(), and msw passes it one (it stringifies whatever
// URL it is given). The page's default policy, consulted only for such strings, vouches for
// exactly msw's worker beside the page and for nothing else: any other string still fails.
(window as { trustedTypes?: TrustedTypesLike }).trustedTypes?.createPolicy('default', {
  createScriptURL: (url, _type, sink) =>
    url === WORKER_URL && sink === 'ServiceWorkerContainer register' ? url : null,
});

const fake = createFakeStripe();
fake.install(window);
const endpoint = createSessionEndpoint(fake, { url: SESSION_URL, delayMs: 4000 });
await setupWorker(endpoint.handler).start({
  quiet: true,
  onUnhandledFrame: 'bypass',
  serviceWorker: { url: WORKER_URL },
});

const $ = <T extends Element>(selector: string) => document.querySelector(selector) as T;
const logBody = $<HTMLTableSectionElement>('#log tbody');
const prefetch = $<HTMLInputElement>('#prefetch');
const TERMINAL = new Set(['fc-relink-success', 'fc-relink-cancel', 'fc-relink-error']);

/** One line a QA person can scan; the full detail sits under it. */
function summarize(event: CustomEvent): string {
  const d = event.detail as Record<string, unknown>;
  switch (event.type) {
    case 'fc-relink-statechange':
      return `${String(d.previous)} → ${String(d.state)}`;
    case 'fc-relink-start':
      return `${String(d.mode)}, account ${String(d.account)}`;
    case 'fc-relink-success': {
      const ids = (d.accounts as { id: string }[]).map((a) => a.id);
      return `${String(d.mode)}, ${ids.length} account${ids.length === 1 ? '' : 's'}: ${ids.join(', ')}`;
    }
    case 'fc-relink-cancel':
      return `${String(d.mode)}`;
    default:
      return `${String(d.code)}${d.status ? ` ${String(d.status)}` : ''} (${String(d.stage)}, ${d.retryable ? 'retryable' : 'not retryable'}): ${String(d.message)}`;
  }
}

function logEvent(name: string, event: CustomEvent) {
  const row = document.createElement('tr');
  if (TERMINAL.has(event.type)) row.className = 'terminal';
  const time = new Date().toISOString().slice(11, 23);
  for (const text of [time, name, event.type]) {
    row.append(Object.assign(document.createElement('td'), { textContent: text }));
  }
  const detail = document.createElement('details');
  detail.append(
    Object.assign(document.createElement('summary'), { textContent: summarize(event) }),
    Object.assign(document.createElement('pre'), { textContent: JSON.stringify(event.detail, null, 2) }),
  );
  const cell = document.createElement('td');
  cell.append(detail);
  row.append(cell);
  logBody.prepend(row);
}

function makeElement(name: 'default' | 'restyled', scenario: Scenario): FcRelinkElement {
  const element = document.createElement('fc-relink');
  element.setAttribute('publishable-key', scenario.key ?? DEMO_KEY);
  element.setAttribute('session-url', SESSION_URL);
  if (scenario.sameAccount) element.setAttribute('account', ACCOUNT);
  element.prefetch = prefetch.checked;
  if (scenario.stripeBlocked) {
    const blocked = Promise.reject(new Error('Failed to load Stripe.js'));
    blocked.catch(() => {});
    element.stripe = blocked;
  }
  if (name === 'restyled') {
    element.className = 'brand';
    element.textContent = 'Fix my bank connection';
  }
  const badge = $<HTMLElement>(`[data-state-for="${name}"]`);
  const showState = () => {
    badge.textContent = element.state;
    badge.dataset.state = element.state;
  };
  for (const type of FC_RELINK_EVENTS) {
    element.addEventListener(type, (event) => {
      logEvent(name, event as CustomEvent);
      showState();
    });
  }
  queueMicrotask(showState);
  return element;
}

function modeBadge(key: string) {
  const badge = $<HTMLElement>('#mode-badge');
  const mode = key.startsWith('pk_test_') ? 'test' : key.startsWith('pk_live_') ? 'live' : 'invalid';
  badge.className = `badge ${mode}`;
  badge.textContent = { test: 'TEST MODE', live: 'LIVE MODE', invalid: 'INVALID KEY' }[mode];
}

function apply(scenario: Scenario) {
  endpoint.scenario = scenario.endpoint;
  fake.customer = createSimulatedCustomer({ misbehave: scenario.misbehave ?? false, merchantName: 'Demo Merchant' });
  for (const name of ['default', 'restyled'] as const) {
    $<HTMLElement>(`[data-element="${name}"]`).replaceChildren(makeElement(name, scenario));
  }
  modeBadge(scenario.key ?? DEMO_KEY);
  const help = $<HTMLElement>('#scenario-help');
  help.replaceChildren(
    Object.assign(document.createElement('p'), { textContent: `${scenario.label}. ${scenario.howTo}` }),
    Object.assign(document.createElement('p'), { textContent: `Expected: ${scenario.expect}` }),
  );
  const url = new URL(location.href);
  url.searchParams.set('scenario', scenario.id);
  if (prefetch.checked) url.searchParams.set('prefetch', '');
  else url.searchParams.delete('prefetch');
  history.replaceState(null, '', url);
}

// A prefetch shows no event by design; the request count is how QA sees one happen.
const requests = $<HTMLOutputElement>('#requests');
setInterval(() => {
  const count = String(endpoint.requests.length);
  if (requests.value !== count) requests.value = count;
}, 100);

const fieldset = $<HTMLFieldSetElement>('#scenarios');
let current: Scenario;
const initial = SCENARIOS.find((s) => s.id === new URL(location.href).searchParams.get('scenario')) ?? SCENARIOS[0]!;
for (const scenario of SCENARIOS) {
  const input = Object.assign(document.createElement('input'), {
    type: 'radio',
    name: 'scenario',
    value: scenario.id,
    checked: scenario === initial,
  });
  input.addEventListener('change', () => apply((current = scenario)));
  const label = document.createElement('label');
  label.append(input, Object.assign(document.createElement('span'), { textContent: scenario.label }));
  fieldset.append(label);
}
$<HTMLButtonElement>('#clear-log').addEventListener('click', () => logBody.replaceChildren());
prefetch.checked = new URL(location.href).searchParams.has('prefetch');
prefetch.addEventListener('change', () => apply(current));
apply((current = initial));
document.documentElement.dataset.ready = '';
