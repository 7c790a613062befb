// The example test from README.md ("Test your integration"), run as written.
import { expect } from '@esm-bundle/chai';
import { setupWorker } from 'msw/browser';
import 'fc-relink';
import { createFakeStripe, createSessionEndpoint } from 'fc-relink/testing';

// Before the first attempt: Stripe.js's loader then finds the fake and never fetches the real one.
const fake = createFakeStripe();
fake.install(window);
const endpoint = createSessionEndpoint(fake, { url: '/api/relink-session' });
const worker = setupWorker(endpoint.handler);

describe('relinking from my account page', () => {
  before(() => worker.start({ quiet: true }));
  after(() => worker.stop());

  it('relinks the checking account', async () => {
    document.body.innerHTML = `<fc-relink publishable-key="pk_test_123"
      session-url="/api/relink-session" account="fca_test_checking"></fc-relink>`;
    const outcome = await document.querySelector('fc-relink')!.relink();
    expect(outcome.status).to.equal('success');
  });

  it('shows a retry when the customer closes the flow', async () => {
    fake.customer = { action: 'cancel' };
    const element = document.querySelector('fc-relink')!;
    const cancelled = new Promise((resolve) => element.addEventListener('fc-relink-cancel', resolve, { once: true }));
    await element.relink();
    await cancelled;
    expect(element.state).to.equal('cancel');
  });

  it('fails closed when my endpoint returns a session for another account', async () => {
    endpoint.scenario = 'other-account';
    const outcome = await document.querySelector('fc-relink')!.relink();
    expect(outcome.status === 'error' && outcome.error.code).to.equal('session_mismatch');
  });
});
