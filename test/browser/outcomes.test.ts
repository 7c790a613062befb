import { CHECKING, SAVINGS, clickAndWait, expect, fake, mount } from './support.js';

describe('<fc-relink> outcomes of Stripe\'s flow', () => {
  it('reports success when the customer relinks the same account', async () => {
    const m = await mount({ attrs: { account: CHECKING } });
    const outcome = await clickAndWait(m);

    expect(outcome.type).to.equal('fc-relink-success');
    if (outcome.type !== 'fc-relink-success') return;
    expect(outcome.detail.mode).to.equal('same_account');
    expect(outcome.detail.sessionId).to.equal(m.endpoint.sessions[0]?.id);
    expect(outcome.detail.accounts.map((a) => a.id)).to.deep.equal([CHECKING]);
    expect(outcome.detail.accounts[0]).to.include({ object: 'financial_connections.account', status: 'active' });
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
    });
    const types = m.events.map((e) => e.type);
    expect(types.indexOf('fc-relink-start')).to.be.lessThan(types.indexOf('fc-relink-success'));
  });

  it('reports account_mismatch, and no success, when another account comes back in a same-account session', async () => {
    fake.customer = { action: 'misbehave', accounts: [SAVINGS] };
    const m = await mount({ attrs: { account: CHECKING } });
    const outcome = await clickAndWait(m);

    expect(outcome.type).to.equal('fc-relink-error');
    expect(outcome.detail).to.deep.include({
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

  it('accepts one account in an any-account session', async () => {
    const m = await mount();
    const outcome = await clickAndWait(m);
    expect(outcome.type).to.equal('fc-relink-success');
    if (outcome.type !== 'fc-relink-success') return;
    expect(outcome.detail.mode).to.equal('any_account');
    expect(outcome.detail.accounts.map((a) => a.id)).to.deep.equal([CHECKING]);
  });

  it('accepts several accounts in an any-account session', async () => {
    fake.customer = { action: 'relink', select: [CHECKING, SAVINGS] };
    const m = await mount();
    const outcome = await clickAndWait(m);
    expect(outcome.type).to.equal('fc-relink-success');
    if (outcome.type !== 'fc-relink-success') return;
    expect(outcome.detail.accounts.map((a) => a.id)).to.deep.equal([CHECKING, SAVINGS]);
  });

  it('reports a cancel when the customer closes the flow without an account', async () => {
    fake.customer = { action: 'cancel' };
    const m = await mount({ attrs: { account: CHECKING } });
    const outcome = await clickAndWait(m);
    expect(outcome).to.deep.equal({
      type: 'fc-relink-cancel',
      detail: { mode: 'same_account', sessionId: m.endpoint.sessions[0]?.id },
    });
    expect(m.el.state).to.equal('cancel');
  });

  it('reports stripe_error, retryable, when the session has expired', async () => {
    const m = await mount({ scenario: 'expired', attrs: { account: CHECKING } });
    const outcome = await clickAndWait(m);
    expect(outcome.type).to.equal('fc-relink-error');
    if (outcome.type !== 'fc-relink-error') return;
    expect(outcome.detail).to.deep.include({ code: 'stripe_error', stage: 'stripe', retryable: true });
    expect(outcome.detail.stripeError?.type).to.equal('invalid_request_error');
    expect(outcome.detail.stripeError?.message).to.match(/expired/);
  });

  it('reports stripe_error, retryable, when the session was already used', async () => {
    const m = await mount({ scenario: 'used-session' });
    const outcome = await clickAndWait(m);
    expect(outcome.detail).to.deep.include({ code: 'stripe_error', retryable: true });
  });

  it('reports stripe_error, not retryable, for an authentication error', async () => {
    fake.customer = { action: 'error', error: { type: 'authentication_error', message: 'Invalid API Key provided: pk_test_51FcRelinkDemo0000000000000000' } };
    const m = await mount();
    const outcome = await clickAndWait(m);
    expect(outcome.detail).to.deep.include({ code: 'stripe_error', retryable: false });
    if (outcome.type !== 'fc-relink-error') return;
    expect(outcome.detail.stripeError).to.deep.equal({
      type: 'authentication_error',
      message: 'Invalid API Key provided: [publishable key]',
    });
    expect(outcome.detail.message).not.to.include('pk_test_');
  });

  it('reports stripe_error, retryable, when Stripe cannot reach its servers mid-flow', async () => {
    fake.customer = { action: 'error', error: { type: 'api_connection_error', message: 'Network error' } };
    const m = await mount();
    const outcome = await clickAndWait(m);
    expect(outcome.detail).to.deep.include({ code: 'stripe_error', retryable: true });
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
    m.el.stripe = {
      collectFinancialConnectionsAccounts: async () => ({
        financialConnectionsSession: { id: old.id, accounts: [{ ...fake.authorizations.get('fcauth_test_stripebank')!.accounts[0]! }] },
      }),
    };
    const outcome = await clickAndWait(m);
    expect(outcome.detail).to.deep.include({ code: 'stripe_error', retryable: false });
    expect((outcome.detail as { message: string }).message).to.include(`returned session ${old.id}, not fcsess_`);
  });
});
