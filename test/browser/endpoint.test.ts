import type { EndpointScenario } from '../../src/testing/index.js';
import { CHECKING, SAVINGS, clickAndWait, expect, mount } from './support.js';

describe('<fc-relink> and the merchant endpoint', () => {
  it('POSTs JSON with the account, the extra headers and the credentials mode', async () => {
    const m = await mount({
      attrs: { account: CHECKING, credentials: 'include' },
      props: { headers: { 'X-CSRF-Token': 'csrf-123', 'Content-Type': 'text/plain' } },
    });
    await clickAndWait(m);

    expect(m.endpoint.requests).to.have.length(1);
    const [request] = m.endpoint.requests;
    expect(request?.method).to.equal('POST');
    expect(request?.body).to.deep.equal({ account: CHECKING });
    expect(request?.headers).to.include({
      'content-type': 'application/json',
      accept: 'application/json',
      'x-csrf-token': 'csrf-123',
    });
  });

  it('sends an empty JSON object when no account is set', async () => {
    const m = await mount();
    await clickAndWait(m);
    expect(m.endpoint.requests[0]?.body).to.deep.equal({});
  });

  it('uses fetchSession instead of the endpoint when it is set', async () => {
    const seen: { account: string | null; aborted: boolean }[] = [];
    const m = await mount({
      attrs: { account: CHECKING, 'session-url': '' },
      props: {
        fetchSession: async ({ account, signal }) => {
          seen.push({ account, aborted: signal.aborted });
          const response = await fetch('/api/relink-session', {
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

  const failures: [string, EndpointScenario, Record<string, unknown>][] = [
    ['a network failure', 'network-error', { code: 'session_request_failed', stage: 'session', retryable: true }],
    ['a 500', 'server-error', { code: 'session_http_error', status: 500, retryable: true }],
    ['a 429', 'rate-limited', { code: 'session_http_error', status: 429, retryable: true }],
    ['a 404', 'not-found', { code: 'session_http_error', status: 404, retryable: false }],
    ['a 403', 'forbidden', { code: 'session_http_error', status: 403, retryable: false }],
    ['a body that is not JSON', 'garbage', { code: 'invalid_session_response', retryable: false }],
    ['JSON of the wrong shape', 'wrong-shape', { code: 'invalid_session_response', retryable: false }],
    ['a malformed client secret', 'malformed-secret', { code: 'invalid_session_response', retryable: false }],
  ];
  for (const [what, scenario, expected] of failures) {
    it(`reports ${String(expected.code)} on ${what}, and never opens Stripe`, async () => {
      const m = await mount({ scenario, attrs: { account: CHECKING } });
      const outcome = await clickAndWait(m);
      expect(outcome.type).to.equal('fc-relink-error');
      expect(outcome.detail).to.deep.include({ stage: 'session', ...expected });
      expect(m.launches()).to.have.length(0);
      expect(m.events.some((e) => e.type === 'fc-relink-start')).to.equal(false);
    });
  }

  it('includes the endpoint\'s own error message, as text', async () => {
    const m = await mount({ scenario: 'rate-limited' });
    const outcome = await clickAndWait(m);
    expect(outcome.detail).to.deep.include({
      message: 'The session endpoint answered HTTP 429: Too many requests; try again in a minute.',
    });
  });

  it('times out a hanging endpoint after session-timeout, and never opens Stripe', async () => {
    const m = await mount({ scenario: 'hang', attrs: { 'session-timeout': '150' } });
    const started = performance.now();
    const outcome = await clickAndWait(m);
    expect(performance.now() - started).to.be.greaterThan(140);
    expect(outcome.detail).to.deep.include({ code: 'session_request_failed', retryable: true });
    expect((outcome.detail as { message: string }).message).to.include('0.15 s');
    expect(m.launches()).to.have.length(0);
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

  it('reports session_mismatch when the endpoint returns an any-account session for a set account', async () => {
    const m = await mount({ scenario: 'any-account', attrs: { account: CHECKING } });
    const outcome = await clickAndWait(m);
    expect(outcome.detail).to.deep.include({ code: 'session_mismatch', stage: 'session', retryable: false });
    expect(m.launches()).to.have.length(0);
  });

  it('reports session_mismatch when the endpoint returns a session for another account', async () => {
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
          const response = await fetch('/api/relink-session', { method: 'POST', body: JSON.stringify({ account: SAVINGS }) });
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
