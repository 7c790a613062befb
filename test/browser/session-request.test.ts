// The session request: what the element sends to the merchant's endpoint (or asks of
// fetchSession), and what it does with a session that does not fit. How it fails when the
// endpoint misbehaves is the fault matrix's (faults/endpoint.test.ts).
import { CHECKING, ENDPOINT, SAVINGS, clickAndWait, expect, mount } from './harness/index.js';

describe('requesting the session', () => {
  describe('when the element asks its endpoint', () => {
    it('POSTs JSON with the account, the extra headers and the credentials mode', async () => {
      const m = await mount({
        attrs: { account: CHECKING, credentials: 'include' },
        props: { headers: { 'X-CSRF-Token': 'csrf-123', 'Content-Type': 'text/plain' } },
      });
      await clickAndWait(m);

      expect(m.endpoint.requests).to.have.length(1);
      const [request] = m.endpoint.requests;
      expect(request?.method).to.equal('POST');
      expect(request?.body).to.deep.equal({ account: CHECKING, attempt: m.attemptIds()[0] });
      expect(request?.headers).to.include({
        'content-type': 'application/json',
        accept: 'application/json',
        'x-csrf-token': 'csrf-123',
      });
    });

    it('sends no account when none is set, only the attempt', async () => {
      const m = await mount();
      await clickAndWait(m);
      expect(m.endpoint.requests[0]?.body).to.deep.equal({ attempt: m.attemptIds()[0] });
    });

    it("includes the endpoint's own error message, as text", async () => {
      const m = await mount({ scenario: 'rate-limited' });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({
        message: 'The session endpoint answered HTTP 429: Too many requests; try again in a minute.',
      });
    });
  });

  describe('when fetchSession is set', () => {
    it('uses fetchSession instead of the endpoint', async () => {
      const seen: { account: string | null; aborted: boolean }[] = [];
      const m = await mount({
        attrs: { account: CHECKING, 'session-url': '' },
        props: {
          fetchSession: async ({ account, signal }) => {
            seen.push({ account, aborted: signal.aborted });
            const response = await fetch(ENDPOINT, {
              method: 'POST',
              body: JSON.stringify({ account }),
              headers: { 'content-type': 'application/json' },
            });
            return response.json();
          },
        },
      });
      const outcome = await clickAndWait(m);
      expect(outcome.type).to.equal('fc-relink-success');
      expect(seen).to.deep.equal([{ account: CHECKING, aborted: false }]);
    });

    it('times out a fetchSession that never settles, aborting its signal with a TimeoutError', async () => {
      let signal: AbortSignal | undefined;
      const m = await mount({
        attrs: { 'session-url': '', 'session-timeout': '100' },
        props: {
          fetchSession: (request) => {
            signal = request.signal;
            return new Promise(() => {});
          },
        },
      });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'session_request_failed' });
      expect(signal?.aborted).to.equal(true);
      expect((signal?.reason as DOMException | undefined)?.name).to.equal('TimeoutError');
    });

    it('reports a fetchSession failure carrying an HTTP status as session_http_error', async () => {
      const m = await mount({
        attrs: { 'session-url': '' },
        props: { fetchSession: () => Promise.reject(Object.assign(new Error('Service unavailable'), { status: 503 })) },
      });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'session_http_error', status: 503, retryable: true });
    });
  });

  describe('when the session does not fit the element', () => {
    it('reports session_mismatch for an any-account session when an account is set', async () => {
      const m = await mount({ scenario: 'any-account', attrs: { account: CHECKING } });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'session_mismatch', stage: 'session', retryable: false });
      expect(m.launches()).to.have.length(0);
    });

    it('reports session_mismatch for a session for another account', async () => {
      const m = await mount({ scenario: 'other-account', attrs: { account: CHECKING } });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'session_mismatch' });
      expect((outcome.detail as { message: string }).message).to.include(SAVINGS);
      expect(m.launches()).to.have.length(0);
    });

    it('accepts a same-account session when the element names no account', async () => {
      const m = await mount({
        attrs: { 'session-url': '' },
        props: {
          fetchSession: async () => {
            const response = await fetch(ENDPOINT, { method: 'POST', body: JSON.stringify({ account: SAVINGS }) });
            return response.json();
          },
        },
      });
      const outcome = await clickAndWait(m);
      expect(outcome.type).to.equal('fc-relink-success');
      expect((outcome.detail as { mode: string }).mode).to.equal('same_account');
    });

    it('reports livemode_mismatch before opening Stripe when a test key gets a live session', async () => {
      const m = await mount({
        attrs: { 'session-url': '' },
        props: {
          fetchSession: async () => ({
            client_secret: 'fcsess_live1_secret_abc',
            relink_options: { authorization: 'fcauth_live1', account: null },
            livemode: true,
          }),
        },
      });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'livemode_mismatch', stage: 'session' });
      expect(m.launches()).to.have.length(0);
    });
  });
});
