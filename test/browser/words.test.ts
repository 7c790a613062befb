// What the customer reads after each outcome: words for what happened to them and what they can
// do, never a contradiction of what Stripe's own window said.
import {
  CHECKING,
  SAVINGS,
  TEST_KEY,
  VERIFY_ENDPOINT,
  clickAndWait,
  expect,
  fake,
  mount,
  useVerifyEndpoint,
} from './harness/index.js';
import en from '../../src/translations/en.js';

describe('the words the customer reads', () => {
  describe("when the merchant's server says the customer is signed out (401)", () => {
    it('asks them to sign in again, not to contact support', async () => {
      const m = await mount({ scenario: 'signed-out', attrs: { account: CHECKING } });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'session_http_error', status: 401, retryable: false });
      expect(m.status()).to.equal(en.signedOut);
    });
  });

  describe("when Stripe's window said the account is reconnected but a check afterwards fails", () => {
    it('says the reconnection could not be confirmed, for verification_failed', async () => {
      const m = await mount({ attrs: { account: CHECKING, 'verify-url': VERIFY_ENDPOINT } });
      await useVerifyEndpoint('unconfirmed');
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'verification_failed' });
      expect(m.status()).to.equal(en.unconfirmed);
      expect(m.status()).not.to.equal(en.unavailable);
    });

    it('says the reconnection could not be confirmed, for livemode_mismatch after the flow', async () => {
      fake.customer = { action: 'misbehave', accounts: [{ id: 'fca_live_1', livemode: true }] };
      const m = await mount({ attrs: { 'publishable-key': TEST_KEY } });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'livemode_mismatch', stage: 'result' });
      expect(m.status()).to.equal(en.unconfirmed);
    });

    it('asks for the same account again, for account_mismatch', async () => {
      fake.customer = { action: 'misbehave', accounts: [SAVINGS] };
      const m = await mount({ attrs: { account: CHECKING } });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'account_mismatch' });
      expect(m.status()).to.equal(en.otherAccount);
    });
  });

  describe('when Stripe cannot be reached', () => {
    it('says so in at most about 80 characters, without jargon', async () => {
      const m = await mount({ attrs: { account: CHECKING }, props: { stripe: Promise.reject(new Error('blocked')) } });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'stripe_load_failed' });
      expect(m.status()).to.equal(en.blocked);
      expect(m.status().length).to.be.at.most(80);
      expect(m.status()).not.to.match(/blocker|extension|CSP|js\.stripe\.com/i);
    });
  });

  describe('when the relink succeeded', () => {
    it('reads as done: the button says so and no longer invites a relink', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      await clickAndWait(m);
      expect(m.button().textContent).to.equal(en.reconnected);
      expect(m.button().getAttribute('aria-disabled')).to.equal('true');
      expect(m.button().disabled).to.equal(false);
      m.button().click();
      await m.el.updateComplete;
      expect(m.endpoint.requests).to.have.length(1);
      expect(m.el.state).to.equal('success');
    });

    it('still runs an attempt when relink() is called from code', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      await clickAndWait(m);
      expect((await m.el.relink()).status).to.equal('success');
      expect(m.endpoint.requests).to.have.length(2);
    });

    it('asks again once the page names another account', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      await clickAndWait(m);
      m.el.account = SAVINGS;
      await m.el.updateComplete;
      expect(m.el.state).to.equal('idle');
      expect(m.events.at(-1)).to.deep.equal({
        type: 'fc-relink-statechange',
        detail: { state: 'idle', previous: 'success', attemptId: null },
      });
      expect(m.button().getAttribute('aria-disabled')).to.equal('false');
      expect(m.button().textContent).to.equal(en.label);
    });

    it("shows the page's own label again when it asks again", async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      m.el.textContent = 'Fix my bank';
      await clickAndWait(m);
      expect(m.button().textContent).to.equal(en.reconnected);
      m.el.reason = 'inactive';
      await m.el.updateComplete;
      const slot = m.button().querySelector('slot');
      expect(
        slot
          ?.assignedNodes()
          .map((node) => node.textContent)
          .join(''),
      ).to.equal('Fix my bank');
    });
  });

  describe('when the same error comes back after a second press', () => {
    it('shows the text anew, so that it is seen and heard again', async () => {
      const m = await mount({ attrs: { account: CHECKING, 'publishable-key': 'not-a-key' } });
      await clickAndWait(m);
      const first = m.el.shadowRoot?.querySelector('[part="status"] > *');
      expect(first?.textContent).to.equal(en.unavailable);
      await clickAndWait(m);
      const second = m.el.shadowRoot?.querySelector('[part="status"] > *');
      expect(second?.textContent).to.equal(en.unavailable);
      expect(second).not.to.equal(first);
      expect(first?.isConnected).to.equal(false);
    });
  });
});
