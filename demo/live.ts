// The live demo's page: the signed-in (test) customer's linked accounts, whether each needs a
// relink (relinkEligibility, computed on the server), and an <fc-relink> for each that does.
import '../src/index.js';
import { FC_RELINK_EVENTS, type FcRelinkElement } from '../src/index.js';

interface AccountRow {
  id: string;
  display_name: string | null;
  institution_name: string;
  last4: string | null;
  status: string;
  eligibility: { eligible: boolean; reason: string; date?: number };
}

const $ = <T extends Element>(selector: string) => document.querySelector(selector) as T;
const config = (await (await fetch('api/config')).json()) as { publishableKey: string; customer: string };
$('#customer').textContent = config.customer;

function log(account: string, event: CustomEvent) {
  const row = document.createElement('tr');
  const detail =
    event.type === 'fc-relink-statechange'
      ? `${event.detail.previous} → ${event.detail.state}`
      : JSON.stringify(event.detail);
  for (const text of [new Date().toISOString().slice(11, 23), account, event.type, detail]) {
    row.append(Object.assign(document.createElement('td'), { textContent: text }));
  }
  $('#log tbody').prepend(row);
}

function relinkButton(account: string): FcRelinkElement {
  const element = document.createElement('fc-relink');
  element.setAttribute('publishable-key', config.publishableKey);
  element.setAttribute('session-url', 'api/relink-session');
  element.setAttribute('verify-url', 'api/relink-verify');
  element.setAttribute('account', account);
  for (const type of FC_RELINK_EVENTS) element.addEventListener(type, (e) => log(account, e as CustomEvent));
  element.addEventListener('fc-relink-success', () => void load());
  return element;
}

async function load() {
  const status = $<HTMLElement>('#accounts-status');
  const response = await fetch('api/accounts');
  const body = (await response.json()) as { accounts?: AccountRow[]; error?: { message: string } };
  if (!response.ok || !body.accounts) {
    status.textContent = `Could not list accounts: ${body.error?.message ?? response.status}`;
    return;
  }
  const rows = body.accounts.map((account) => {
    const row = document.createElement('tr');
    const name = document.createElement('td');
    name.append(
      `${account.display_name ?? 'Account'} ••••${account.last4 ?? '----'}`,
      Object.assign(document.createElement('small'), { textContent: `${account.institution_name} · ${account.id}` }),
    );
    const { eligible, reason, date } = account.eligibility;
    const why = `${eligible ? 'Yes' : 'No'}: ${reason.replaceAll('_', ' ')}${date ? ` (${new Date(date * 1000).toLocaleDateString()})` : ''}`;
    const action = document.createElement('td');
    if (eligible) action.append(relinkButton(account.id));
    row.append(
      name,
      Object.assign(document.createElement('td'), { textContent: account.status }),
      Object.assign(document.createElement('td'), { textContent: why }),
      action,
    );
    return row;
  });
  $('#accounts tbody').replaceChildren(...rows);
  $<HTMLTableElement>('#accounts').hidden = rows.length === 0;
  status.textContent = rows.length
    ? `${body.accounts.filter((a) => a.eligibility.eligible).length} of ${rows.length} accounts need a relink.`
    : "This customer has no linked Financial Connections accounts yet. Link one in test mode (Stripe Dashboard, or any Financial Connections integration) with Stripe's test institution, then refresh.";
}

$('#refresh').addEventListener('click', () => void load());
await load();
