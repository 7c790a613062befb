// The words of the simulated Financial Connections flow, so that a demo can show Stripe's screens
// in the customer's language. English is the default; a demo passes its own table.

/** Every text the simulated flow shows. `{merchant}`, `{bank}` and `{count}` are filled in. */
export interface SimulatorTexts {
  close: string;
  testMode: string;
  consentTitle: string;
  /** For a same-account session. */
  consentOne: string;
  /** For an any-account session. */
  consentAny: string;
  agree: string;
  signInTitle: string;
  testInstitution: string;
  chooseTitle: string;
  confirmTitle: string;
  onlyThisAccount: string;
  selectSome: string;
  reconnectOne: string;
  reconnectSeveral: string;
  doneTitle: string;
  returnTo: string;
  done: string;
}

export const ENGLISH_SIMULATOR_TEXTS: Readonly<SimulatorTexts> = Object.freeze({
  close: 'Close and cancel',
  testMode: 'TEST MODE',
  consentTitle: 'Reconnect your bank account',
  consentOne:
    '{merchant} uses Stripe to reconnect your {bank} account. ' +
    'You will sign in to your bank again; nothing else changes.',
  consentAny:
    '{merchant} uses Stripe to reconnect your {bank} accounts. ' +
    'You will sign in to your bank again; nothing else changes.',
  agree: 'Agree and continue',
  signInTitle: 'Sign in to {bank}',
  testInstitution: 'Test institution: no credentials needed',
  chooseTitle: 'Choose the accounts to reconnect',
  confirmTitle: 'Confirm the account to reconnect',
  onlyThisAccount: 'This request can only reconnect the account below.',
  selectSome: 'Select one or more accounts.',
  reconnectOne: 'Reconnect account',
  reconnectSeveral: 'Reconnect {count} accounts',
  doneTitle: 'Your account is reconnected',
  returnTo: 'You can return to {merchant}.',
  done: 'Done',
});

/** A text with its `{name}` placeholders filled in. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
