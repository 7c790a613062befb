// How a relink ends on Stripe's side, the same whether the customer was in Stripe.js's modal or
// on the hosted page: what the session records, and what happens to the accounts.
import type { FakeAuthorization, FakeSession } from './fake-types.js';

type Account = FakeAuthorization['accounts'][number];

/** What the customer did, reduced to what Stripe records. */
export type FakeOutcome =
  | { kind: 'relink'; accounts: readonly Account[] }
  | { kind: 'cancel' }
  | { kind: 'fail'; reason: 'no_account' | 'no_authorization' | 'other' };

/**
 * Records `outcome` on `session`. A successful relink makes the authorization and every account
 * under it active again (Stripe reactivates the authorization, not only the account chosen),
 * except that a same-account relink of an account Stripe cannot repair, or that was
 * disconnected, fails with `no_account`. Returns the accounts the customer ends up with.
 */
export function settle(session: FakeSession, auth: FakeAuthorization | undefined, outcome: FakeOutcome): Account[] {
  if (outcome.kind === 'cancel') {
    session.status = 'cancelled';
    // Stripe also has `custom_manual_entry`, for its own manual-entry path; a plain close is `other`.
    session.status_details = { cancelled: { reason: 'other' } };
    return [];
  }
  const expected = session.relink_options.account;
  const broken =
    expected !== null &&
    auth !== undefined &&
    (auth.unrepairable.includes(expected) ||
      auth.accounts.some((a) => a.id === expected && a.status === 'disconnected'));
  if (outcome.kind === 'fail' || broken || outcome.accounts.length === 0) {
    session.status = 'failed';
    session.relink_result = {
      authorization: null,
      account: null,
      failure_reason: outcome.kind === 'fail' ? outcome.reason : 'no_account',
    };
    return [];
  }
  for (const account of auth?.accounts ?? []) {
    if (account.status !== 'disconnected' && !auth?.unrepairable.includes(account.id)) account.status = 'active';
  }
  session.status = 'succeeded';
  session.relink_result = {
    authorization: session.relink_options.authorization,
    account: expected,
    failure_reason: null,
  };
  session.accounts.data = outcome.accounts.map((a) => ({ ...a }));
  return [...outcome.accounts];
}
