// The QA demo: both looks of <fc-relink>, a scenario panel, a language picker, a live event log
// and state badges, all offline: the Stripe.js loader finds a fake window.Stripe (with a
// simulated modal flow), msw's service worker answers the merchant's endpoints, and a page beside
// this one plays Stripe's hosted relink page.
import { setupWorker } from 'msw/browser';
import '../src/index.js';
import { FC_RELINK_EVENTS, type FcRelinkElement } from '../src/index.js';
import { translationFor } from '../src/shell/localize.js';
import '../src/translations/ar.js';
import '../src/translations/de.js';
import '../src/translations/es.js';
import '../src/translations/fr.js';
import '../src/translations/it.js';
import '../src/translations/ja.js';
import '../src/translations/nl.js';
import '../src/translations/pt.js';
import {
  createHostedEndpoint,
  createSessionEndpoint,
  createSimulatedCustomer,
  createVerifyEndpoint,
} from '../src/testing/index.js';
import { persistentFake } from './fake-state.js';
import { createLog } from './log.js';
import { placeInMerchantDialog } from './merchant-dialog.js';
import { applyPrompt, promptFromUrl, promptToUrl, type Prompt } from './prompt.js';
import { DEMO_KEY, SCENARIOS, type Scenario } from './scenarios.js';
import { stripeTextsFor } from './stripe-texts.js';

const SESSION_URL = new URL('api/relink-session', document.baseURI).href;
const HOSTED_URL = new URL('api/relink-hosted', document.baseURI).href;
const VERIFY_URL = new URL('api/relink-verify', document.baseURI).href;
const ACCOUNT = 'fca_test_checking';
/** The languages of the picker, in its order: the shipped translations. */
const LANGUAGES = ['en', 'ja', 'ar', 'fr', 'de', 'es', 'it', 'nl', 'pt'];

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

const fake = persistentFake();
fake.install(window);
const endpoint = createSessionEndpoint(fake, { url: SESSION_URL, delayMs: 4000 });
// Stripe sends the customer back to this very page (its scenario and language in the URL).
const hostedEndpoint = createHostedEndpoint(fake, { url: HOSTED_URL, returnUrl: () => location.href });
const verifyEndpoint = createVerifyEndpoint(fake, { url: VERIFY_URL });
await setupWorker(endpoint.handler, hostedEndpoint.handler, verifyEndpoint.handler).start({
  quiet: true,
  onUnhandledFrame: 'bypass',
  serviceWorker: { url: WORKER_URL },
});

const $ = <T extends Element>(selector: string) => document.querySelector(selector) as T;
const log = createLog($<HTMLTableSectionElement>('#log tbody'));
const prefetch = $<HTMLInputElement>('#prefetch');
const language = $<HTMLSelectElement>('#language');
const stage = $<HTMLElement>('.elements');
const reason = $<HTMLSelectElement>('#reason');
const due = $<HTMLInputElement>('#due');
const secondTab = $<HTMLAnchorElement>('#second-tab');

const prompt = (): Prompt => ({ reason: reason.value || null, due: due.value || null });

function makeElement(name: 'default' | 'restyled', scenario: Scenario): FcRelinkElement {
  const element = document.createElement('fc-relink');
  element.setAttribute('publishable-key', scenario.key ?? DEMO_KEY);
  element.setAttribute('session-url', scenario.hosted ? HOSTED_URL : SESSION_URL);
  if (scenario.hosted) {
    element.setAttribute('ui', 'hosted');
    // The simulated hosted page is beside this one, not on Stripe's hosts: the page allows it.
    element.setAttribute('hosted-origins', hostedEndpoint.hostedOrigin);
  }
  if (scenario.hosted || scenario.verify) element.setAttribute('verify-url', VERIFY_URL);
  if (scenario.sameAccount) element.setAttribute('account', scenario.account ?? ACCOUNT);
  if (scenario.sessionTimeout) element.setAttribute('session-timeout', String(scenario.sessionTimeout));
  applyPrompt(element, prompt());
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
      log.event(name, element, event as CustomEvent);
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

/** The page's URL with the panel's choices, so that a bug report's link reopens them. */
function syncUrl() {
  const url = new URL(location.href);
  url.searchParams.set('scenario', current.id);
  if (prefetch.checked) url.searchParams.set('prefetch', '');
  else url.searchParams.delete('prefetch');
  url.searchParams.set('lang', language.value);
  promptToUrl(prompt(), url);
  history.replaceState(null, '', url);
  secondTab.href = url.href;
}

function apply(scenario: Scenario) {
  endpoint.scenario = scenario.endpoint;
  if (scenario.hosted) hostedEndpoint.scenario = scenario.hosted;
  verifyEndpoint.scenario = scenario.verify ?? 'ok';
  $<HTMLElement>('#email').hidden = !scenario.email;
  // Stripe's screens in the language picked when the flow opens.
  fake.customer = (launch) => {
    const customer = createSimulatedCustomer({
      misbehave: scenario.misbehave ?? false,
      merchantName: 'Demo Merchant',
      texts: stripeTextsFor(language.value).flow,
    });
    return typeof customer === 'function' ? customer(launch) : customer;
  };
  for (const name of ['default', 'restyled'] as const) {
    const slot = $<HTMLElement>(`[data-element="${name}"]`);
    const element = makeElement(name, scenario);
    if (name === 'default' && scenario.dialog) placeInMerchantDialog(slot, element);
    else slot.replaceChildren(element);
  }
  modeBadge(scenario.key ?? DEMO_KEY);
  const help = $<HTMLElement>('#scenario-help');
  help.replaceChildren(
    Object.assign(document.createElement('p'), { textContent: `${scenario.label}. ${scenario.howTo}` }),
    Object.assign(document.createElement('p'), { textContent: `Expected: ${scenario.expect}` }),
  );
  syncUrl();
}

// The elements read their language from the nearest `lang` above them: the stage around them,
// so the page around stays English. Changing it re-renders them at once.
function applyLanguage() {
  stage.lang = language.value;
  syncUrl();
}

// Why and by when: set on the elements in place, which sends them back to `idle` to say it.
function applyPromptToElements() {
  for (const element of document.querySelectorAll('fc-relink')) applyPrompt(element, prompt());
  syncUrl();
}

// What `createHostedRelinkHandler` does when your server (not the element) asks Stripe to email
// the customer: at most one email per account every 48 hours.
async function emailTheCustomer() {
  const response = await fetch(HOSTED_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account: ACCOUNT, delivery: 'email' }),
  });
  const body = (await response.json()) as { id?: string; error?: { code: string; message: string } };
  const retryAfter = response.headers.get('retry-after');
  log.server(
    `POST relink-hosted (email) → ${response.status}`,
    body.error
      ? `${body.error.code}: ${body.error.message}${retryAfter ? ` (Retry-After: ${retryAfter} s)` : ''}`
      : `Stripe emails the customer a link to session ${String(body.id)}.`,
  );
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
  // `click`, not `change`: picking the scenario already picked starts it afresh (arrow keys
  // click the radio they move to, too).
  input.addEventListener('click', () => apply((current = scenario)));
  const label = document.createElement('label');
  label.append(input, Object.assign(document.createElement('span'), { textContent: scenario.label }));
  fieldset.append(label);
}
$<HTMLButtonElement>('#clear-log').addEventListener('click', log.clear);
$<HTMLButtonElement>('#email').addEventListener('click', () => void emailTheCustomer());
for (const code of LANGUAGES) {
  const texts = translationFor(code);
  language.append(
    Object.assign(document.createElement('option'), { value: code, textContent: `${texts.$name} (${code})` }),
  );
}
language.value = LANGUAGES.find((code) => code === new URL(location.href).searchParams.get('lang')) ?? 'en';
language.addEventListener('change', applyLanguage);
prefetch.checked = new URL(location.href).searchParams.has('prefetch');
prefetch.addEventListener('change', () => apply(current));
const initialPrompt = promptFromUrl(new URL(location.href));
reason.value = initialPrompt.reason ?? '';
due.value = initialPrompt.due ?? '';
reason.addEventListener('change', applyPromptToElements);
due.addEventListener('change', applyPromptToElements);
current = initial;
applyLanguage();
apply(current);
document.documentElement.dataset.ready = '';
