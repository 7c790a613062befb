// fc-relink/testing: the fake Stripe.js (each test makes its own) and the mocked endpoint's
// scenarios, as an integrator's tests use them.
import { createFakeStripe, type EndpointScenario } from '../../src/testing/index.js';
import { CHECKING, SAVINGS, clickAndWait, expect, mount } from './harness/index.js';

/** Field names of an interface in @stripe/stripe-js's published declarations. */
async function publishedFields(file: string, iface: string): Promise<string[]> {
  // The .d.mts twin (identical) is served as is; the dev server would transpile a .d.ts away.
  const source = await (await fetch(`/node_modules/@stripe/stripe-js/dist/${file}`)).text();
  const start = source.indexOf(`interface ${iface} {`);
  expect(start, `${iface} not found in ${file}`).to.be.greaterThan(-1);
  let depth = 0;
  let body = '';
  for (let i = source.indexOf('{', start); i < source.length; i++) {
    const ch = source[i];
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    body += ch;
    if (depth === 0) break;
  }
  // Only top-level members: drop nested blocks and comments.
  const flat = body
    .slice(1, -1)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\{[^{}]*\}/g, '{}')
    .replace(/\{[^{}]*\}/g, '{}');
  return [...flat.matchAll(/^\s*([a-z_0-9]+)\??:/gm)].map((m) => m[1] as string).sort();
}

describe('the testing kit (fc-relink/testing)', () => {
  describe('when the fake Stripe.js returns a result', () => {
    it("returns accounts with exactly the fields of Stripe.js's published Account type", async () => {
      const fake = createFakeStripe();
      const session = fake.createSession({ account: CHECKING });
      const result = await fake
        .Stripe('pk_test_x')
        .collectFinancialConnectionsAccounts({ clientSecret: session.client_secret });
      const account = result.financialConnectionsSession?.accounts[0] as object;
      const fields = await publishedFields('api/financial-connections.d.mts', 'Account');
      expect(Object.keys(account).sort()).to.deep.equal(fields);
    });

    it("returns a session with only fields of Stripe.js's published FinancialConnectionsSession type", async () => {
      const fake = createFakeStripe();
      const session = fake.createSession();
      const result = await fake
        .Stripe('pk_test_x')
        .collectFinancialConnectionsAccounts({ clientSecret: session.client_secret });
      const fields = await publishedFields('api/financial-connections.d.mts', 'FinancialConnectionsSession');
      expect(fields).to.include.members(['id', 'accounts']);
      expect(fields).to.include.members(Object.keys(result.financialConnectionsSession as object));
      expect(Object.keys(result)).to.deep.equal(['financialConnectionsSession']);
    });

    it('reports errors as { financialConnectionsSession: undefined, error }', async () => {
      const fake = createFakeStripe({
        customer: { action: 'error', error: { type: 'api_connection_error', message: 'offline' } },
      });
      const session = fake.createSession();
      const result = await fake
        .Stripe('pk_test_x')
        .collectFinancialConnectionsAccounts({ clientSecret: session.client_secret });
      expect(result).to.deep.equal({
        financialConnectionsSession: undefined,
        error: { type: 'api_connection_error', message: 'offline' },
      });
    });
  });

  describe('when the fake Stripe creates and opens sessions', () => {
    it('makes client secrets of the form fcsess_…_secret_…, unique per session', () => {
      const fake = createFakeStripe();
      const a = fake.createSession();
      const b = fake.createSession();
      expect(a.client_secret).to.match(/^fcsess_[A-Za-z0-9]+_secret_[A-Za-z0-9]+$/);
      expect(a.client_secret.startsWith(`${a.id}_secret_`)).to.equal(true);
      expect(a.client_secret).not.to.equal(b.client_secret);
    });

    it('lets a client secret open the flow once', async () => {
      const fake = createFakeStripe();
      const stripe = fake.Stripe('pk_test_x');
      const { client_secret: clientSecret } = fake.createSession({ account: CHECKING });
      const first = await stripe.collectFinancialConnectionsAccounts({ clientSecret });
      const second = await stripe.collectFinancialConnectionsAccounts({ clientSecret });
      expect(first.error).to.equal(undefined);
      expect(second.error).to.deep.include({ type: 'invalid_request_error' });
      expect(second.error?.message).to.match(/already been used/);
    });

    it('counts a cancelled flow as a use of the secret', async () => {
      const fake = createFakeStripe({ customer: { action: 'cancel' } });
      const stripe = fake.Stripe('pk_test_x');
      const { client_secret: clientSecret } = fake.createSession();
      expect(
        (await stripe.collectFinancialConnectionsAccounts({ clientSecret })).financialConnectionsSession?.accounts,
      ).to.deep.equal([]);
      expect((await stripe.collectFinancialConnectionsAccounts({ clientSecret })).error).not.to.equal(undefined);
    });

    it('expires sessions after their lifetime', async () => {
      let now = 1_000_000;
      const fake = createFakeStripe({ sessionTtlMs: 60_000, now: () => now });
      const stripe = fake.Stripe('pk_test_x');
      const fresh = fake.createSession();
      const old = fake.createSession();
      now += 60_000;
      const result = await stripe.collectFinancialConnectionsAccounts({ clientSecret: old.client_secret });
      expect(result.error?.message).to.match(/expired/);
      fake.expireSession(fresh.id);
      expect(
        (await stripe.collectFinancialConnectionsAccounts({ clientSecret: fresh.client_secret })).error?.message,
      ).to.match(/expired/);
    });

    it('only finds a session with a key of its mode and on its connected account', async () => {
      const fake = createFakeStripe();
      const live = await fake
        .Stripe('pk_live_x')
        .collectFinancialConnectionsAccounts({ clientSecret: fake.createSession().client_secret });
      expect(live.error).to.deep.include({ type: 'invalid_request_error', code: 'resource_missing' });
      const connected = await fake
        .Stripe('pk_test_x', { stripeAccount: 'acct_1' })
        .collectFinancialConnectionsAccounts({ clientSecret: fake.createSession().client_secret });
      expect(connected.error).to.deep.include({ code: 'resource_missing' });
      const onConnected = fake.createSession({ stripeAccount: 'acct_1' });
      const ok = await fake
        .Stripe('pk_test_x', { stripeAccount: 'acct_1' })
        .collectFinancialConnectionsAccounts({ clientSecret: onConnected.client_secret });
      expect(ok.error).to.equal(undefined);
    });

    it('does not know a made-up client secret', async () => {
      const fake = createFakeStripe();
      const result = await fake
        .Stripe('pk_test_x')
        .collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_nope_secret_nope' });
      expect(result.error).to.deep.include({ code: 'resource_missing' });
    });
  });

  describe('when the fake customer acts in the flow', () => {
    it('in a same-account session returns only the expected account, whatever the script asks', async () => {
      const fake = createFakeStripe();
      const stripe = fake.Stripe('pk_test_x');
      const plain = await stripe.collectFinancialConnectionsAccounts({
        clientSecret: fake.createSession({ account: SAVINGS }).client_secret,
      });
      expect(plain.financialConnectionsSession?.accounts.map((a) => a.id)).to.deep.equal([SAVINGS]);

      fake.customer = { action: 'relink', select: [CHECKING] };
      let refused: unknown;
      try {
        await stripe.collectFinancialConnectionsAccounts({
          clientSecret: fake.createSession({ account: SAVINGS }).client_secret,
        });
      } catch (error) {
        refused = error;
      }
      expect((refused as Error).message).to.match(/only fca_test_savings can be relinked/);
    });

    it('returns another account only when told to misbehave', async () => {
      const fake = createFakeStripe({ customer: { action: 'misbehave', accounts: [CHECKING] } });
      const result = await fake.Stripe('pk_test_x').collectFinancialConnectionsAccounts({
        clientSecret: fake.createSession({ account: SAVINGS }).client_secret,
      });
      expect(result.financialConnectionsSession?.accounts.map((a) => a.id)).to.deep.equal([CHECKING]);
    });

    it('relinks any account under the authorization in an any-account session, and no other', async () => {
      const fake = createFakeStripe({
        authorizations: [
          { id: 'fcauth_a', accounts: [{ id: 'fca_a1' }, { id: 'fca_a2' }] },
          { id: 'fcauth_b', accounts: [{ id: 'fca_b1' }] },
        ],
        customer: { action: 'relink', select: ['fca_a1', 'fca_a2'] },
      });
      const stripe = fake.Stripe('pk_test_x');
      const both = await stripe.collectFinancialConnectionsAccounts({
        clientSecret: fake.createSession({ authorization: 'fcauth_a' }).client_secret,
      });
      expect(both.financialConnectionsSession?.accounts.map((a) => a.id)).to.deep.equal(['fca_a1', 'fca_a2']);
      fake.customer = { action: 'relink', select: ['fca_b1'] };
      let refused: unknown;
      await stripe
        .collectFinancialConnectionsAccounts({
          clientSecret: fake.createSession({ authorization: 'fcauth_a' }).client_secret,
        })
        .catch((error: unknown) => (refused = error));
      expect((refused as Error).message).to.match(/not under authorization fcauth_a/);
    });

    it('refuses to create a session for an account outside the authorization, as Stripe does', () => {
      const fake = createFakeStripe();
      expect(() => fake.createSession({ authorization: 'fcauth_test_stripebank', account: 'fca_elsewhere' })).to.throw(
        /does not belong/,
      );
    });

    it('records the relink on the server-side session: status and relink_result', async () => {
      const fake = createFakeStripe();
      const session = fake.createSession({ account: CHECKING });
      expect(session).to.deep.include({
        status: 'pending',
        relink_result: { authorization: null, account: null, failure_reason: null },
      });
      await fake.Stripe('pk_test_x').collectFinancialConnectionsAccounts({ clientSecret: session.client_secret });
      expect(fake.retrieveSession(session.id)).to.deep.include({
        status: 'succeeded',
        relink_result: { authorization: 'fcauth_test_stripebank', account: CHECKING, failure_reason: null },
      });
    });
  });

  describe('when the fake is set up on a page', () => {
    it('refuses secret keys at construction, like Stripe.js', () => {
      const fake = createFakeStripe();
      expect(() => fake.Stripe(['sk', 'test', '1'].join('_'))).to.throw(/secret key/);
    });

    it('reports the most flows open at once', async () => {
      let release: () => void = () => {};
      const fake = createFakeStripe({ customer: () => new Promise((r) => (release = () => r({ action: 'cancel' }))) });
      const stripe = fake.Stripe('pk_test_x');
      const a = stripe.collectFinancialConnectionsAccounts({ clientSecret: fake.createSession().client_secret });
      await new Promise((r) => setTimeout(r, 0));
      expect(fake.maxConcurrentFlows).to.equal(1);
      release();
      await a;
    });

    it('installs itself as window.Stripe and restores what was there', () => {
      const fake = createFakeStripe();
      const target: { Stripe?: unknown } = { Stripe: 'previous' };
      const restore = fake.install(target);
      expect(target.Stripe).to.equal(fake.Stripe);
      expect((target.Stripe as { version: string }).version).to.equal('endive');
      restore();
      expect(target.Stripe).to.equal('previous');
    });
  });

  describe('when the mocked endpoint plays a scenario', () => {
    const scenarios: [EndpointScenario, string, Record<string, unknown>][] = [
      ['network-error', 'a network failure', { code: 'session_request_failed', retryable: true }],
      ['server-error', 'a 500', { code: 'session_http_error', status: 500, retryable: true }],
      ['rate-limited', 'a 429', { code: 'session_http_error', status: 429, retryable: true }],
      ['not-found', 'a 404', { code: 'session_http_error', status: 404, retryable: false }],
      ['forbidden', 'a 403', { code: 'session_http_error', status: 403, retryable: false }],
      ['garbage', 'a body that is not JSON', { code: 'invalid_session_response', retryable: false }],
      ['wrong-shape', 'JSON of the wrong shape', { code: 'invalid_session_response', retryable: false }],
      ['malformed-secret', 'a malformed client secret', { code: 'invalid_session_response', retryable: false }],
    ];
    for (const [scenario, what, expected] of scenarios) {
      it(`'${scenario}' answers ${what}: the element reports ${String(expected.code)} and never opens Stripe`, async () => {
        const m = await mount({ scenario, attrs: { account: CHECKING } });
        const outcome = await clickAndWait(m);
        expect(outcome.type).to.equal('fc-relink-error');
        expect(outcome.detail).to.deep.include({ stage: 'session', ...expected });
        expect(m.launches()).to.have.length(0);
        expect(m.events.some((e) => e.type === 'fc-relink-start')).to.equal(false);
      });
    }
  });
});
