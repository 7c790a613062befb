// A consumer's code, type-checked against the packed package: events, outcomes and the
// element's properties are typed, and misuse is a type error.
import 'fc-relink';
import { RELINK_ERROR_CODES, type RelinkErrorCode, type RelinkOutcome } from 'fc-relink';

const el = document.querySelector('fc-relink');
if (el) {
  el.publishableKey = 'pk_test_123';
  el.account = 'fca_123';
  el.headers = { 'x-csrf-token': 'token' };
  el.fetchSession = async ({ account, signal }) => {
    const response = await fetch('/api/relink-session', { method: 'POST', body: JSON.stringify({ account }), signal });
    return response.json();
  };
  el.addEventListener('fc-relink-success', (event) => {
    const ids: string[] = event.detail.accounts.map((account) => account.id);
    const institution: string = event.detail.accounts[0]?.institution_name ?? '';
    console.log(ids, institution, event.detail.mode === 'same_account');
  });
  el.addEventListener('fc-relink-error', (event) => {
    const code: RelinkErrorCode = event.detail.code;
    const retry: boolean = event.detail.retryable;
    // @ts-expect-error not an error code
    const wrong: boolean = event.detail.code === 'no_such_code';
    console.log(code, retry, wrong, event.detail.status, event.detail.stripeError?.type);
  });
  el.addEventListener('fc-relink-statechange', (event) => console.log(event.detail.previous, event.detail.state));
  // @ts-expect-error state is read-only
  el.state = 'success';
  // @ts-expect-error the detail has no such field
  el.addEventListener('fc-relink-cancel', (event) => console.log(event.detail.accounts));

  const outcome: RelinkOutcome = await el.relink();
  if (outcome.status === 'success') console.log(outcome.accounts.length);
  else if (outcome.status === 'error') console.log(outcome.error.message);
}
console.log(RELINK_ERROR_CODES.length);
