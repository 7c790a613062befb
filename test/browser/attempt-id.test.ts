// An attempt you can follow end to end: one id, in every event of the attempt and in every
// request it makes, so that a merchant can join what the element, their server and Stripe saw.
import type { FetchSessionRequest, VerifySessionRequest } from '../../src/index.js';
import {
  CHECKING,
  VERIFY_ENDPOINT,
  clickAndWait,
  expect,
  fake,
  mount,
  until,
  useVerifyEndpoint,
} from './harness/index.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const idsIn = (events: readonly { detail: unknown }[]) =>
  events.map((e) => (e.detail as { attemptId?: unknown }).attemptId);

describe('the attempt id', () => {
  it('is one random UUID in every event of an attempt, and in what relink() resolves with', async () => {
    const m = await mount({ attrs: { account: CHECKING } });
    const outcome = await m.el.relink();
    const ids = idsIn(m.events);
    expect(m.events.map((e) => e.type)).to.include.members([
      'fc-relink-start',
      'fc-relink-statechange',
      'fc-relink-success',
    ]);
    const [first] = ids;
    expect(first).to.match(UUID_V4);
    expect(new Set(ids)).to.deep.equal(new Set([first]));
    expect(outcome.status === 'success' && outcome.attemptId).to.equal(first);
  });

  it('is sent to the session endpoint and the verify endpoint as attempt', async () => {
    const m = await mount({ attrs: { account: CHECKING, 'verify-url': VERIFY_ENDPOINT } });
    const verify = await useVerifyEndpoint('ok');
    const outcome = await clickAndWait(m);
    const { attemptId } = outcome.detail as { attemptId: string };
    expect(m.endpoint.requests[0]?.body).to.deep.equal({ account: CHECKING, attempt: attemptId });
    expect(verify.requests[0]?.body).to.deep.equal({
      session: m.endpoint.sessions[0]?.id,
      account: CHECKING,
      attempt: attemptId,
    });
  });

  it('is new for every attempt', async () => {
    const m = await mount({ attrs: { account: CHECKING } });
    const first = (await clickAndWait(m)).detail as { attemptId: string };
    m.el.account = CHECKING; // unchanged: still done, so the next attempt comes from code
    const second = await m.el.relink();
    expect(second.status === 'success' && second.attemptId).to.not.equal(first.attemptId);
    expect(m.endpoint.requests.map((r) => (r.body as { attempt: string }).attempt)).to.deep.equal([
      first.attemptId,
      second.status === 'success' ? second.attemptId : '',
    ]);
  });

  it('is in the error event and the error relink() resolves with', async () => {
    const m = await mount({ scenario: 'server-error', attrs: { account: CHECKING } });
    const outcome = await m.el.relink();
    const event = m.events.find((e) => e.type === 'fc-relink-error');
    expect(outcome.status).to.equal('error');
    const { attemptId } = event?.detail as { attemptId: string };
    expect(attemptId).to.match(UUID_V4);
    expect(outcome.status === 'error' && outcome.error.attemptId).to.equal(attemptId);
  });

  it('reaches fetchSession and verifySession', async () => {
    const asked: FetchSessionRequest[] = [];
    const verified: VerifySessionRequest[] = [];
    const m = await mount({
      attrs: { account: CHECKING },
      props: {
        fetchSession: async (request) => {
          asked.push(request);
          return fake.toSessionConfig(fake.createSession({ account: request.account }));
        },
        verifySession: async (request) => {
          verified.push(request);
          const session = fake.sessions.get(request.sessionId);
          return {
            status: 'succeeded',
            relink_result: { authorization: session?.relink_options.authorization ?? null, account: CHECKING },
          };
        },
      },
    });
    const outcome = await clickAndWait(m);
    expect(outcome.type).to.equal('fc-relink-success');
    const { attemptId } = outcome.detail as { attemptId: string };
    expect(asked.map((r) => r.attempt)).to.deep.equal([attemptId]);
    expect(verified.map((r) => r.attempt)).to.deep.equal([attemptId]);
  });

  it("names a prefetched session's request after the attempt that uses it", async () => {
    const m = await mount({ attrs: { account: CHECKING, prefetch: '' } });
    m.button().dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await until(() => m.endpoint.requests.length === 1, 'the prefetch');
    const outcome = await clickAndWait(m);
    expect(m.endpoint.requests).to.have.length(1);
    expect((m.endpoint.requests[0]?.body as { attempt: string }).attempt).to.equal(
      (outcome.detail as { attemptId: string }).attemptId,
    );
  });

  it('is absent from a relink() while disabled: no attempt starts', async () => {
    const m = await mount({ attrs: { account: CHECKING, disabled: '' } });
    const outcome = await m.el.relink();
    expect(outcome.status === 'error' && outcome.error.attemptId).to.equal(undefined);
    expect(m.events).to.have.length(0);
  });
});
