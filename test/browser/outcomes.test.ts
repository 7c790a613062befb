// How an attempt ends, from what the customer did in Stripe's flow (the fake Stripe.js). What a
// faulty Stripe.js does instead is the fault matrix's (faults/stripe-result.test.ts).
import { CHECKING, SAVINGS, clickAndWait, expect, fake, mount, type RecordedEvent } from './harness/index.js';

type Detail<T extends RecordedEvent['type']> = Extract<RecordedEvent, { type: T }>['detail'];
/** The detail of an outcome that must be of the given type. */
function detailOf<T extends RecordedEvent['type']>(outcome: RecordedEvent, type: T): Detail<T> {
  expect(outcome.type).to.equal(type);
  return outcome.detail as Detail<T>;
}

describe("the outcome of Stripe's flow", () => {
  describe('when the customer relinks', () => {
    it('reports success for the same account', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      const success = detailOf(await clickAndWait(m), 'fc-relink-success');
      expect(success.mode).to.equal('same_account');
      expect(success.sessionId).to.equal(m.endpoint.sessions[0]?.id);
      expect(success.accounts.map((a) => a.id)).to.deep.equal([CHECKING]);
      expect(success.accounts[0]).to.include({ object: 'financial_connections.account', status: 'active' });
      expect(m.el.state).to.equal('success');
      expect(m.el.getAttribute('state')).to.equal('success');
      expect(m.status()).to.equal('Your bank account is reconnected.');
    });

    it('announces the start with the mode, account and session id before Stripe opens', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      await clickAndWait(m);
      const start = m.events.find((e) => e.type === 'fc-relink-start');
      expect(start?.detail).to.deep.equal({
        mode: 'same_account',
        account: CHECKING,
        sessionId: m.endpoint.sessions[0]?.id,
        attemptId: m.attemptIds()[0],
      });
      const types = m.events.map((e) => e.type);
      expect(types.indexOf('fc-relink-start')).to.be.lessThan(types.indexOf('fc-relink-success'));
    });

    it('accepts one account in an any-account session', async () => {
      const m = await mount();
      const success = detailOf(await clickAndWait(m), 'fc-relink-success');
      expect(success.mode).to.equal('any_account');
      expect(success.accounts.map((a) => a.id)).to.deep.equal([CHECKING]);
    });

    it('accepts several accounts in an any-account session', async () => {
      fake.customer = { action: 'relink', select: [CHECKING, SAVINGS] };
      const m = await mount();
      const success = detailOf(await clickAndWait(m), 'fc-relink-success');
      expect(success.accounts.map((a) => a.id)).to.deep.equal([CHECKING, SAVINGS]);
    });
  });

  describe('when the customer leaves the flow', () => {
    it('reports a cancel', async () => {
      fake.customer = { action: 'cancel' };
      const m = await mount({ attrs: { account: CHECKING } });
      const outcome = await clickAndWait(m);
      expect(outcome).to.deep.equal({
        type: 'fc-relink-cancel',
        detail: { mode: 'same_account', sessionId: m.endpoint.sessions[0]?.id, attemptId: m.attemptIds()[0] },
      });
      expect(m.el.state).to.equal('cancel');
    });
  });

  describe('when Stripe returns accounts the session does not allow', () => {
    it('reports account_mismatch, and no success, when another account comes back in a same-account session', async () => {
      fake.customer = { action: 'misbehave', accounts: [SAVINGS] };
      const m = await mount({ attrs: { account: CHECKING } });
      const outcome = await clickAndWait(m);
      expect(detailOf(outcome, 'fc-relink-error')).to.deep.include({
        code: 'account_mismatch',
        stage: 'result',
        retryable: false,
        accounts: [SAVINGS],
      });
      expect(m.events.some((e) => e.type === 'fc-relink-success')).to.equal(false);
    });

    it('reports account_mismatch when the expected account comes back with others', async () => {
      fake.customer = { action: 'misbehave', accounts: [CHECKING, SAVINGS] };
      const m = await mount({ attrs: { account: CHECKING } });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'account_mismatch', accounts: [CHECKING, SAVINGS] });
    });

    it('reports livemode_mismatch when test-mode keys get live-mode accounts back', async () => {
      fake.customer = { action: 'misbehave', accounts: [{ id: 'fca_live_1', livemode: true }] };
      const m = await mount();
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'livemode_mismatch', stage: 'result', accounts: ['fca_live_1'] });
    });

    it('refuses a result for another session than the one this attempt opened', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      const old = fake.createSession({ account: CHECKING });
      const [checking] = fake.authorizations.get('fcauth_test_stripebank')?.accounts ?? [];
      m.el.stripe = {
        collectFinancialConnectionsAccounts: async () => ({
          financialConnectionsSession: { id: old.id, accounts: [{ ...checking! }] },
        }),
      };
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'stripe_error', retryable: false });
      expect((outcome.detail as { message: string }).message).to.include(`returned session ${old.id}, not fcsess_`);
    });
  });

  describe('when Stripe reports an error', () => {
    it('reports stripe_error, retryable, when the session has expired', async () => {
      const m = await mount({ scenario: 'expired', attrs: { account: CHECKING } });
      const error = detailOf(await clickAndWait(m), 'fc-relink-error');
      expect(error).to.deep.include({ code: 'stripe_error', stage: 'stripe', retryable: true });
      expect(error.stripeError?.type).to.equal('invalid_request_error');
      expect(error.stripeError?.message).to.match(/expired/);
    });

    it('reports stripe_error, retryable, when the session was already used', async () => {
      const m = await mount({ scenario: 'used-session' });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'stripe_error', retryable: true });
    });

    it('reports stripe_error, retryable, when Stripe cannot reach its servers mid-flow', async () => {
      fake.customer = { action: 'error', error: { type: 'api_connection_error', message: 'Network error' } };
      const m = await mount();
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'stripe_error', retryable: true });
    });
  });
});
