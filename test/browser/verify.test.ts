import {
  CHECKING,
  SAVINGS,
  VERIFY_ENDPOINT,
  clickAndWait,
  expect,
  fake,
  mount,
  useVerifyEndpoint,
} from './harness/index.js';

const withVerify = { 'verify-url': VERIFY_ENDPOINT };

describe("the server's check of the relink (verify-url, verifySession)", () => {
  describe('when the server confirms the relink', () => {
    it('reports success only after the server confirms it, going through verifying', async () => {
      const m = await mount({
        attrs: { account: CHECKING, ...withVerify },
        props: { headers: { 'x-csrf-token': 't1' } },
      });
      const verify = await useVerifyEndpoint('ok');
      const outcome = await clickAndWait(m);
      expect(outcome.type).to.equal('fc-relink-success');
      expect(verify.requests).to.have.length(1);
      // The session, and the element's account, so the server can check both are the customer's.
      expect(verify.requests[0]?.body).to.deep.equal({
        session: m.endpoint.sessions[0]?.id,
        account: CHECKING,
        attempt: m.attemptIds()[0],
      });
      expect(verify.requests[0]?.headers).to.include({ 'content-type': 'application/json', 'x-csrf-token': 't1' });
      const states = m.events
        .filter((e) => e.type === 'fc-relink-statechange')
        .map((e) => (e.detail as { state: string }).state);
      expect(states).to.deep.equal(['loading', 'open', 'verifying', 'success']);
    });

    it('confirms an any-account relink by its authorization, naming no account', async () => {
      fake.customer = { action: 'relink', select: [CHECKING, SAVINGS] };
      const m = await mount({ attrs: withVerify });
      const verify = await useVerifyEndpoint('ok');
      expect((await clickAndWait(m)).type).to.equal('fc-relink-success');
      expect(verify.requests[0]?.body).to.deep.equal({
        session: m.endpoint.sessions[0]?.id,
        account: null,
        attempt: m.attemptIds()[0],
      });
    });
  });

  describe('when the check does not confirm it', () => {
    const failures: [string, Parameters<typeof useVerifyEndpoint>[0], RegExp, number | undefined][] = [
      ['Stripe has no relink on record', 'unconfirmed', /no relinked authorization/, 200],
      [
        "Stripe's record names another account",
        'other-account',
        /fca_someone_else relinked, not fca_test_checking/,
        200,
      ],
      ['the check fails with a 500', 'server-error', /answered HTTP 500: Could not reach Stripe/, 500],
      ['the check answers garbage', 'garbage', /not JSON/, 200],
      ['the check cannot reach the server', 'network-error', /could not be reached/, undefined],
    ];
    for (const [what, scenario, message, status] of failures) {
      it(`reports verification_failed, and no success, when ${what}`, async () => {
        const m = await mount({ attrs: { account: CHECKING, ...withVerify } });
        await useVerifyEndpoint(scenario);
        const outcome = await clickAndWait(m);
        expect(outcome.type).to.equal('fc-relink-error');
        expect(outcome.detail).to.deep.include({
          code: 'verification_failed',
          stage: 'verify',
          accounts: [CHECKING],
        });
        expect((outcome.detail as { message: string }).message).to.match(message);
        expect((outcome.detail as { status?: number }).status).to.equal(status);
        expect(m.events.some((e) => e.type === 'fc-relink-success')).to.equal(false);
      });
    }

    it('gives up on a check that hangs after session-timeout', async () => {
      const m = await mount({ attrs: { account: CHECKING, 'session-timeout': '300', ...withVerify } });
      await useVerifyEndpoint('hang');
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'verification_failed', retryable: true });
      expect((outcome.detail as { message: string }).message).to.match(/did not answer within 300 ms/);
    });
  });

  describe('when there is nothing to confirm', () => {
    it('does not check a cancel', async () => {
      fake.customer = { action: 'cancel' };
      const m = await mount({ attrs: withVerify });
      const verify = await useVerifyEndpoint('ok');
      expect((await clickAndWait(m)).type).to.equal('fc-relink-cancel');
      expect(verify.requests).to.have.length(0);
    });

    it('does not check what already failed closed (account_mismatch)', async () => {
      fake.customer = { action: 'misbehave', accounts: [SAVINGS] };
      const m = await mount({ attrs: { account: CHECKING, ...withVerify } });
      const verify = await useVerifyEndpoint('ok');
      expect((await clickAndWait(m)).detail).to.deep.include({ code: 'account_mismatch' });
      expect(verify.requests).to.have.length(0);
    });
  });

  describe('when verifySession is set', () => {
    it('uses verifySession instead of the endpoint', async () => {
      const asked: string[] = [];
      const m = await mount({
        attrs: { account: CHECKING },
        props: {
          verifySession: async ({ sessionId }) => {
            asked.push(sessionId);
            return { status: 'succeeded', relink_result: { authorization: 'fcauth_someone_else', account: CHECKING } };
          },
        },
      });
      const outcome = await clickAndWait(m);
      expect(asked).to.deep.equal([m.endpoint.sessions[0]?.id]);
      expect(outcome.detail).to.deep.include({ code: 'verification_failed' });
      expect((outcome.detail as { message: string }).message).to.match(
        /fcauth_someone_else relinked, not fcauth_test_stripebank/,
      );
    });

    it('keeps verification_failed retryable whatever the check answered (here 403)', async () => {
      const m = await mount({
        attrs: { account: CHECKING },
        props: { verifySession: () => Promise.reject(Object.assign(new Error('Not yours'), { status: 403 })) },
      });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'verification_failed', status: 403, retryable: true });
    });

    it("does not take an error detail the page holds, thrown back from the check's answer, for its own", async () => {
      const disabled = await mount({ attrs: { disabled: '' } });
      const held = ((await disabled.el.relink()) as { error: object }).error; // invalid_config, stage config
      const m = await mount({
        attrs: { account: CHECKING },
        props: {
          verifySession: async () => ({
            relink_result: null,
            get status(): never {
              throw held;
            },
          }),
        },
      });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({
        code: 'verification_failed',
        stage: 'verify',
        retryable: true,
        accounts: [CHECKING],
      });
    });
  });

  describe('when the check cannot be made', () => {
    it('needs the session id from the endpoint, so that the check is about this attempt', async () => {
      const m = await mount({
        attrs: { 'session-url': '', ...withVerify },
        props: {
          fetchSession: async ({ account }) => {
            const { id: _id, ...withoutId } = fake.toSessionConfig(fake.createSession({ account }));
            return withoutId;
          },
        },
      });
      await useVerifyEndpoint('ok');
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'invalid_session_response' });
      expect((outcome.detail as { message: string }).message).to.include('verify-url needs its id');
      expect(m.launches()).to.have.length(0);
    });

    it('refuses a verify-url that is not http(s) before any request', async () => {
      const m = await mount({ attrs: { 'verify-url': 'ftp://example.com/verify' } });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'invalid_config' });
      expect((outcome.detail as { message: string }).message).to.include('verify-url');
      expect(m.endpoint.requests).to.have.length(0);
    });
  });
});
