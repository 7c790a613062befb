// What Stripe.js returns and what the endpoints answer is untrusted: only what was checked, and
// scrubbed of secrets, reaches an event; and nothing the element sends can be redirected to
// another origin.
import { http, HttpResponse } from 'msw';
import type { RelinkErrorDetail, StripeLike } from '../../src/index.js';
import {
  CHECKING,
  ENDPOINT,
  VERIFY_ENDPOINT,
  clickAndWait,
  expect,
  fake,
  mount,
  plantSecret,
  useHandlers,
  useVerifyEndpoint,
  type Mounted,
} from './harness/index.js';

/** A stand-in Stripe.js whose flow resolves with `result(sessionId)` for the attempt's session. */
function stripeReturning(m: () => Mounted, result: (sessionId: string) => unknown): StripeLike {
  return {
    collectFinancialConnectionsAccounts: async () => result(m().endpoint.sessions.at(-1)?.id ?? ''),
  } as unknown as StripeLike;
}

// Built from parts so that no key-shaped literal sits in the source; none is a real key.
const SECRET_KEY = plantSecret(['sk', 'live', 'Stolen0Key1From2Logs'].join('_'));
const CLIENT_SECRET = plantSecret(['fcsess', 'Abc123', 'secret', 'Xyz789Leaked'].join('_'));

describe('data from Stripe.js, checked and scrubbed', () => {
  describe('when Stripe.js reports an error', () => {
    it('scrubs secrets from its type and code as well as its message', async () => {
      // Stripe.js's own error types are a closed set; a stand-in (or a tampered Stripe.js) is not bound by it.
      const error = { type: `api_error ${SECRET_KEY}`, code: CLIENT_SECRET, message: `see ${SECRET_KEY}` };
      fake.customer = { action: 'error', error: error as unknown as { type: 'api_error' } };
      const m = await mount({ attrs: { account: CHECKING } });
      const detail = (await clickAndWait(m)).detail as RelinkErrorDetail;
      expect(detail.code).to.equal('stripe_error');
      expect(detail.stripeError?.type).to.equal('api_error [secret key]');
      expect(detail.stripeError?.code).to.equal('[client secret]');
      expect(detail.stripeError?.message).to.equal('see [secret key]');
    });
  });

  describe('when Stripe.js returns accounts', () => {
    it('copies only the fields Stripe.js documents into a success, every string scrubbed', async () => {
      let m!: Mounted;
      const stripe = stripeReturning(
        () => m,
        (id) => ({
          financialConnectionsSession: {
            id,
            accounts: [
              {
                id: CHECKING,
                object: 'financial_connections.account',
                display_name: `Checking ${SECRET_KEY}`,
                institution_name: 'StripeBank',
                last4: '6789',
                livemode: false,
                status: 'active',
                permissions: ['payment_method'],
                balance: { as_of: 1, current: { usd: 100 }, cash: { available: { usd: 90 } }, type: 'cash' },
                undocumented_note: 'not for events',
                toString: () => 'a function',
              },
            ],
          },
        }),
      );
      m = await mount({ attrs: { account: CHECKING }, props: { stripe } });
      const outcome = await clickAndWait(m);
      expect(outcome.type).to.equal('fc-relink-success');
      const [account] = (outcome.detail as unknown as { accounts: readonly Record<string, unknown>[] }).accounts;
      expect(Object.keys(account ?? {}).sort()).to.deep.equal(
        [
          'balance',
          'display_name',
          'id',
          'institution_name',
          'last4',
          'livemode',
          'object',
          'permissions',
          'status',
        ].sort(),
      );
      expect(account?.display_name).to.equal('Checking [secret key]');
      expect(account?.balance).to.deep.equal({
        as_of: 1,
        current: { usd: 100 },
        cash: { available: { usd: 90 } },
        type: 'cash',
      });
    });

    it('never reports an account id shaped like a secret as it came, even where the server check would list it', async () => {
      let m!: Mounted;
      const stripe = stripeReturning(
        () => m,
        (id) => ({ financialConnectionsSession: { id, accounts: [{ id: CLIENT_SECRET, livemode: false }] } }),
      );
      m = await mount({ attrs: { 'verify-url': VERIFY_ENDPOINT }, props: { stripe } });
      await useVerifyEndpoint('unconfirmed');
      const detail = (await clickAndWait(m)).detail as RelinkErrorDetail;
      // Not an account id, so no success to verify: the secret is in no detail (the leak audit checks every one).
      expect(detail).to.include({ code: 'stripe_error', retryable: true });
    });
  });
});

describe('requests that cannot be redirected to another origin', () => {
  it('sends a same-origin endpoint a same-origin request, which the browser never carries to another origin', async () => {
    const seen: { mode: string; redirect: string }[] = [];
    const m = await mount({ attrs: { account: CHECKING, 'verify-url': VERIFY_ENDPOINT } });
    await useVerifyEndpoint('ok');
    await useHandlers(
      http.post(ENDPOINT, ({ request }) => {
        seen.push({ mode: request.mode, redirect: request.redirect });
        return HttpResponse.json(fake.toSessionConfig(fake.createSession({ account: CHECKING })));
      }),
    );
    expect((await clickAndWait(m)).type).to.equal('fc-relink-success');
    expect(seen).to.deep.equal([{ mode: 'same-origin', redirect: 'follow' }]);
  });

  it('asks a cross-origin endpoint not to be redirected: its redirect would end the attempt, not be followed', async () => {
    // A cross-origin endpoint's preflight goes to the network, where no test server answers, so
    // what the element asks of the browser is read from the fetch call itself.
    const realFetch = window.fetch;
    const asked: RequestInit[] = [];
    window.fetch = (input, init) => {
      if (String(input).startsWith('https://api.shop.test/')) asked.push(init ?? {});
      return realFetch(input, init);
    };
    try {
      const m = await mount({ attrs: { account: CHECKING, 'session-url': 'https://api.shop.test/relink-session' } });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'session_request_failed', retryable: true });
      expect(asked.map(({ mode, redirect }) => ({ mode, redirect }))).to.deep.equal([
        { mode: 'cors', redirect: 'manual' },
      ]);
    } finally {
      window.fetch = realFetch;
    }
  });
});
