// The fault matrix: the user and the page. Double clicks and held keys, an element removed,
// re-inserted or moved into another document at every point of an attempt, two elements at
// once, attributes and `disabled` changed while an attempt runs. Each case goes through
// expectSoundAttempt. Stripe.js is the fake on window.Stripe; the rule for two elements is one
// Stripe flow open at a time, page-wide.
import { sendMouse } from '@web/test-runner-commands';
import type { RelinkOutcome, StripeLike } from '../../../src/index.js';
import { createSessionEndpoint } from '../../../src/testing/index.js';
import {
  CHECKING,
  SAVINGS,
  TEST_KEY,
  expect,
  expectSoundAttempt,
  fake,
  holdFlows,
  keyDown,
  keyUp,
  mount,
  recordRelinkCalls,
  sessionFromFake,
  sleep,
  until,
  useHandlers,
  type Mounted,
} from '../harness/index.js';

const success = (account: string) => ({ status: 'success' as const, accounts: [account] });

/** The session endpoint answers after `ms` (the mounted endpoint's `slow` scenario). */
function slowEndpoint(m: Mounted, ms: number): void {
  m.endpoint.scenario = 'slow';
  m.endpoint.delayMs = ms;
}

const frames: HTMLIFrameElement[] = [];
afterEach(async () => {
  await sendMouse({ type: 'move', position: [0, 0] });
  for (const frame of frames.splice(0)) frame.remove();
});

describe('the fault matrix: the user and the page', () => {
  describe('when the customer double-clicks or holds a key down', () => {
    it('starts one attempt on a real double click: one request, one flow, one outcome', async () => {
      const held = holdFlows();
      const m = await mount({ attrs: { account: CHECKING } });
      const calls = recordRelinkCalls(m.el);
      const box = m.button().getBoundingClientRect();
      const position: [number, number] = [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
      await expectSoundAttempt(m, {
        run: async () => {
          await sendMouse({ type: 'click', position });
          await sendMouse({ type: 'click', position });
          expect(calls.length).to.be.within(1, 2);
          expect(new Set(calls).size, 'every click got the same attempt').to.equal(1);
          await until(() => held.length === 1, 'the flow opened');
          held[0]?.act({ action: 'relink' });
          return calls[0] as Promise<RelinkOutcome>;
        },
        expect: success(CHECKING),
        heal: () => {
          fake.customer = { action: 'relink' };
        },
      });
      expect(m.endpoint.requests).to.have.length(2); // one for the double click, one for the following attempt
      expect(m.launches()).to.have.length(2);
    });

    it('starts one attempt while Enter is held down and repeats', async () => {
      const held = holdFlows();
      const m = await mount({ attrs: { account: CHECKING } });
      const calls = recordRelinkCalls(m.el);
      m.button().focus();
      await expectSoundAttempt(m, {
        run: async () => {
          await keyDown('Enter');
          await until(() => calls.length > 0, 'the first key press');
          // Auto-repeat: keydown again and again (repeat: true) while the attempt runs.
          for (let i = 0; i < 5; i++) {
            await keyDown('Enter');
            m.button().dispatchEvent(
              new KeyboardEvent('keydown', { key: 'Enter', repeat: true, bubbles: true, composed: true }),
            );
          }
          await until(() => held.length === 1, 'the flow opened');
          await keyUp('Enter');
          held[0]?.act({ action: 'relink' });
          expect(new Set(calls).size).to.equal(1);
          return calls[0] as Promise<RelinkOutcome>;
        },
        expect: success(CHECKING),
        heal: () => {
          fake.customer = { action: 'relink' };
        },
      });
      expect(m.endpoint.requests).to.have.length(2);
    });

    it('starts no new attempt from the auto-repeat of an Enter still held after a fast-failing attempt ended', async () => {
      const m = await mount({ attrs: { account: CHECKING }, scenario: 'server-error' });
      const calls = recordRelinkCalls(m.el);
      m.button().focus();
      await expectSoundAttempt(m, {
        run: async () => {
          await keyDown('Enter');
          await until(() => calls.length > 0, 'the key press');
          const attempt = calls[0] as Promise<RelinkOutcome>;
          await attempt;
          // The attempt failed at once and focus came back to the button; the key is still down,
          // and the keyboard keeps repeating it: not a new press, so no new attempt.
          for (let i = 0; i < 3; i++) {
            await keyDown('Enter');
            await sleep(50);
          }
          await keyUp('Enter');
          return attempt;
        },
        expect: { status: 'error', code: 'session_http_error', retryable: true, httpStatus: 500 },
        heal: () => {
          m.endpoint.scenario = 'ok';
        },
      });
      expect(m.endpoint.requests, 'endpoint requests: one per key press, plus the following attempt').to.have.length(2);
    });

    it('starts one attempt while Space is held down and repeats, then released', async () => {
      const held = holdFlows();
      const m = await mount({ attrs: { account: CHECKING } });
      const calls = recordRelinkCalls(m.el);
      m.button().focus();
      await expectSoundAttempt(m, {
        run: async () => {
          for (let i = 0; i < 4; i++) await keyDown(' ');
          await keyUp(' ');
          await until(() => calls.length > 0, 'the key press');
          await until(() => held.length === 1, 'the flow opened');
          expect(new Set(calls).size).to.equal(1);
          held[0]?.act({ action: 'relink' });
          return calls[0] as Promise<RelinkOutcome>;
        },
        expect: success(CHECKING),
        heal: () => {
          fake.customer = { action: 'relink' };
        },
      });
      expect(m.endpoint.requests).to.have.length(2);
    });
  });

  describe('when the element leaves the page, returns or moves', () => {
    it('cancels, and never opens Stripe, when removed mid-request, even after the session arrives', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      slowEndpoint(m, 400);
      await expectSoundAttempt(m, {
        run: async () => {
          const attempt = m.el.relink();
          await until(() => m.endpoint.requests.length === 1, 'the request went out');
          m.el.remove();
          return attempt;
        },
        expect: { status: 'cancel' },
        heal: async () => {
          // Past the moment the abandoned request would have answered: still nothing opened.
          await sleep(450);
          expect(m.launches()).to.have.length(0);
          expect(m.events.some((e) => e.type === 'fc-relink-start')).to.equal(false);
          m.endpoint.scenario = 'ok';
          document.body.append(m.el);
        },
      });
      expect(m.events.find((e) => e.type === 'fc-relink-cancel')?.detail).to.deep.equal({
        mode: null,
        sessionId: null,
        attemptId: m.attemptIds()[0],
      });
    });

    it('cancels, and never opens Stripe, when removed while Stripe.js is still loading', async () => {
      let loaded!: (stripe: StripeLike) => void;
      const m = await mount({
        attrs: { account: CHECKING },
        props: { stripe: new Promise<StripeLike>((resolve) => (loaded = resolve)) },
      });
      await expectSoundAttempt(m, {
        run: async () => {
          const attempt = m.el.relink();
          await until(() => m.endpoint.sessions.length === 1, 'the session was created');
          await sleep(50);
          expect(m.el.state).to.equal('loading');
          m.el.remove();
          return attempt;
        },
        expect: { status: 'cancel' },
        heal: async () => {
          loaded(fake.Stripe(TEST_KEY));
          await sleep(50);
          expect(m.launches()).to.have.length(0);
          document.body.append(m.el);
        },
      });
    });

    it("cancels promptly, and never opens Stripe, when removed while waiting for another element's flow", async () => {
      const held = holdFlows();
      const other = await mount({ attrs: { account: SAVINGS } });
      const m = await mount({ attrs: { account: CHECKING } });
      const first = other.el.relink();
      await until(() => held.length === 1, 'the other flow opened');
      await expectSoundAttempt(m, {
        run: async () => {
          const direct = sessionFromFake();
          m.el.fetchSession = direct.fetchSession;
          const attempt = m.el.relink();
          await until(direct.obtained, 'this element got its session');
          await sleep(30);
          expect(m.el.state).to.equal('loading');
          m.el.remove();
          // A cancel that knows its session: it was waiting in the queue, not for the endpoint.
          expect(await attempt).to.deep.include({ status: 'cancel', mode: 'same_account' });
          return attempt;
        },
        expect: { status: 'cancel' },
        within: 1000,
        heal: async () => {
          held[0]?.act({ action: 'relink' });
          expect((await first).status).to.equal('success');
          expect(held).to.have.length(1);
          fake.customer = { action: 'relink' };
          m.el.fetchSession = null;
          document.body.append(m.el);
        },
      });
    });

    it("reports the customer's cancel once when removed while Stripe's flow is open", async () => {
      const held = holdFlows();
      const m = await mount({ attrs: { account: CHECKING } });
      await expectSoundAttempt(m, {
        run: async () => {
          const attempt = m.el.relink();
          await until(() => held.length === 1, 'the flow opened');
          m.el.remove();
          await sleep(50);
          held[0]?.act({ action: 'cancel' });
          return attempt;
        },
        expect: { status: 'cancel' },
        heal: () => {
          fake.customer = { action: 'relink' };
          document.body.append(m.el);
        },
      });
      expect(m.events.find((e) => e.type === 'fc-relink-cancel')?.detail).to.deep.include({ mode: 'same_account' });
    });

    it('keeps its attempt when moved elsewhere in the page (removed and re-inserted in the same task)', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      slowEndpoint(m, 100);
      const box = document.body.appendChild(document.createElement('div'));
      await expectSoundAttempt(m, {
        run: async () => {
          const attempt = m.el.relink();
          await until(() => m.endpoint.requests.length === 1, 'the request went out');
          m.el.remove();
          box.appendChild(m.el);
          return attempt;
        },
        expect: success(CHECKING),
        heal: () => {
          m.endpoint.scenario = 'ok';
        },
      });
      box.remove();
    });

    it('cancels when re-inserted only after the removal took effect, and is usable again at once', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      slowEndpoint(m, 400);
      await expectSoundAttempt(m, {
        run: async () => {
          const attempt = m.el.relink();
          await until(() => m.endpoint.requests.length === 1, 'the request went out');
          m.el.remove();
          await sleep(30);
          document.body.append(m.el);
          return attempt;
        },
        expect: { status: 'cancel' },
        // Re-inserted while the abandoned request is still out: the new attempt is unaffected by it.
        heal: () => undefined,
      });
      await sleep(450);
      expect(m.launches()).to.have.length(1);
      expect(m.events.filter((e) => e.type === 'fc-relink-success')).to.have.length(1);
    });

    it("keeps its attempt when moved into an iframe's document mid-request, and works there", async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      slowEndpoint(m, 100);
      const frame = document.body.appendChild(document.createElement('iframe'));
      frames.push(frame);
      const doc = frame.contentDocument as Document;
      await expectSoundAttempt(m, {
        run: async () => {
          const attempt = m.el.relink();
          await until(() => m.endpoint.requests.length === 1, 'the request went out');
          doc.body.appendChild(doc.adoptNode(m.el));
          expect(m.el.ownerDocument).to.equal(doc);
          return attempt;
        },
        expect: success(CHECKING),
        heal: () => {
          m.endpoint.scenario = 'ok';
        },
        // Clicked where it now lives.
        retry: () => {
          m.button().click();
          return m.el.relink();
        },
      });
      expect(m.el.isConnected).to.equal(true);
    });

    it("reports the result when moved into an iframe's document while Stripe's flow is open", async () => {
      const held = holdFlows();
      const m = await mount({ attrs: { account: CHECKING } });
      const frame = document.body.appendChild(document.createElement('iframe'));
      frames.push(frame);
      const doc = frame.contentDocument as Document;
      await expectSoundAttempt(m, {
        run: async () => {
          const attempt = m.el.relink();
          await until(() => held.length === 1, 'the flow opened');
          doc.body.appendChild(m.el); // adopted implicitly
          await sleep(30);
          held[0]?.act({ action: 'relink' });
          return attempt;
        },
        expect: success(CHECKING),
        heal: () => {
          fake.customer = { action: 'relink' };
          // And back to the page.
          document.body.appendChild(m.el);
        },
      });
    });
  });

  describe('when two elements share the page', () => {
    it("opens the second element's flow only after the first flow has closed, when both start together", async () => {
      const log: string[] = [];
      const held = holdFlows(log);
      const a = await mount({ attrs: { account: CHECKING } });
      const b = await mount({ attrs: { account: SAVINGS } });
      const attemptA = a.el.relink();
      const attemptB = b.el.relink();
      const release = (async () => {
        await until(() => held.length === 1, 'a first flow opened');
        await sleep(100);
        // The other element has its session by now, and waits in `loading` for the open flow.
        expect(held).to.have.length(1);
        const waiting = held[0]?.launch.session.relink_options.account === CHECKING ? b : a;
        expect(waiting.el.state).to.equal('loading');
        expect(waiting.events.some((e) => e.type === 'fc-relink-start')).to.equal(false);
        held[0]?.act({ action: 'relink' });
        await until(() => held.length === 2, 'the second flow opened');
        held[1]?.act({ action: 'relink' });
      })();
      await Promise.all([
        expectSoundAttempt(a, { run: () => attemptA, expect: success(CHECKING), heal: false }),
        expectSoundAttempt(b, { run: () => attemptB, expect: success(SAVINGS), heal: false }),
        release,
      ]);
      const [first, second] = log[0] === `open ${CHECKING}` ? [CHECKING, SAVINGS] : [SAVINGS, CHECKING];
      expect(log).to.deep.equal([`open ${first}`, `close ${first}`, `open ${second}`, `close ${second}`]);
      // The following attempts, together again, nothing held.
      fake.customer = { action: 'relink' };
      await Promise.all([
        expectSoundAttempt(a, { run: () => a.el.relink(), expect: success(CHECKING), heal: false }),
        expectSoundAttempt(b, { run: () => b.el.relink(), expect: success(SAVINGS), heal: false }),
      ]);
    });

    it("still opens the waiting element's flow after the first flow fails", async () => {
      const log: string[] = [];
      const held = holdFlows(log);
      const a = await mount({ attrs: { account: CHECKING } });
      const b = await mount({ attrs: { account: SAVINGS } });
      const attemptA = a.el.relink();
      await until(() => held.length === 1, 'the first flow opened');
      const attemptB = b.el.relink();
      const release = (async () => {
        await sleep(100);
        expect(held).to.have.length(1);
        held[0]?.act({
          action: 'error',
          error: { type: 'api_connection_error', message: 'The connection to Stripe was lost.' },
        });
        await until(() => held.length === 2, 'the second flow opened');
        held[1]?.act({ action: 'relink' });
      })();
      await Promise.all([
        expectSoundAttempt(a, {
          run: () => attemptA,
          expect: { status: 'error', code: 'stripe_error', retryable: true },
          heal: async () => {
            await release;
            fake.customer = { action: 'relink' };
          },
          retryAccounts: [CHECKING],
        }),
        expectSoundAttempt(b, {
          run: () => attemptB,
          expect: success(SAVINGS),
          heal: () => release,
          retryAccounts: [SAVINGS],
        }),
      ]);
      expect(log.slice(0, 4)).to.deep.equal([
        `open ${CHECKING}`,
        `close ${CHECKING}`,
        `open ${SAVINGS}`,
        `close ${SAVINGS}`,
      ]);
    });
  });

  describe('when attributes change while an attempt runs', () => {
    it('finishes with the account it started with when account changes mid-attempt; the next uses the new one', async () => {
      const held = holdFlows();
      const m = await mount({ attrs: { account: CHECKING } });
      slowEndpoint(m, 200);
      await expectSoundAttempt(m, {
        run: async () => {
          const attempt = m.el.relink();
          await until(() => m.el.state === 'loading' && m.endpoint.requests.length === 1, 'the request went out');
          m.el.setAttribute('account', SAVINGS);
          await until(() => held.length === 1, 'the flow opened');
          expect(held[0]?.launch.session.relink_options.account).to.equal(CHECKING);
          held[0]?.act({ action: 'relink' });
          return attempt;
        },
        expect: success(CHECKING),
        heal: () => {
          fake.customer = { action: 'relink' };
          m.endpoint.scenario = 'ok';
        },
        retryAccounts: [SAVINGS],
      });
      const [first, next] = m.attemptIds();
      expect(m.endpoint.requests.map((r) => r.body)).to.deep.equal([
        { account: CHECKING, attempt: first },
        { account: SAVINGS, attempt: next },
      ]);
    });

    it('finishes with the endpoint it started with when session-url changes mid-attempt; the next uses the new one', async () => {
      const held = holdFlows();
      const m = await mount({ attrs: { account: CHECKING } });
      slowEndpoint(m, 200);
      const moved = createSessionEndpoint(fake, { url: '/api/v2/relink-session' });
      await useHandlers(moved.handler);
      await expectSoundAttempt(m, {
        run: async () => {
          const attempt = m.el.relink();
          await until(() => m.endpoint.requests.length === 1, 'the request went out');
          m.el.setAttribute('session-url', '/api/v2/relink-session');
          await until(() => held.length === 1, 'the flow opened');
          held[0]?.act({ action: 'relink' });
          return attempt;
        },
        expect: success(CHECKING),
        heal: () => {
          fake.customer = { action: 'relink' };
        },
        retryAccounts: [CHECKING],
      });
      expect(m.endpoint.requests).to.have.length(1);
      expect(moved.requests).to.have.length(1);
    });

    it('finishes its attempt when disabled mid-attempt, starts none while disabled, and works once enabled', async () => {
      const held = holdFlows();
      const m = await mount({ attrs: { account: CHECKING } });
      await expectSoundAttempt(m, {
        run: async () => {
          const attempt = m.el.relink();
          await until(() => held.length === 1, 'the flow opened');
          m.el.disabled = true;
          await m.el.updateComplete;
          expect(m.el.hasAttribute('disabled')).to.equal(true);
          m.button().click();
          expect(m.el.relink(), 'relink() while in flight').to.equal(attempt);
          held[0]?.act({ action: 'relink' });
          return attempt;
        },
        expect: success(CHECKING),
        heal: async () => {
          // Still disabled: nothing starts, no event, the state stays.
          const before = m.events.length;
          m.button().click();
          const refused = await m.el.relink();
          expect(refused).to.deep.include({ status: 'error' });
          expect(refused.status === 'error' && refused.error.code).to.equal('invalid_config');
          await sleep(30);
          expect(m.events.length).to.equal(before);
          expect(m.el.state).to.equal('success');
          fake.customer = { action: 'relink' };
          m.el.removeAttribute('disabled');
          await m.el.updateComplete;
        },
        retry: () => {
          m.button().click();
          return m.el.relink();
        },
      });
      expect(m.endpoint.requests).to.have.length(2);
    });

    it('keeps one attempt when disabled is toggled on and off during the request', async () => {
      const held = holdFlows();
      const m = await mount({ attrs: { account: CHECKING } });
      slowEndpoint(m, 200);
      const calls = recordRelinkCalls(m.el);
      await expectSoundAttempt(m, {
        run: async () => {
          m.button().click();
          await until(() => m.endpoint.requests.length === 1, 'the request went out');
          m.el.toggleAttribute('disabled', true);
          await m.el.updateComplete;
          m.el.toggleAttribute('disabled', false);
          await m.el.updateComplete;
          m.button().click();
          m.el.toggleAttribute('disabled', true);
          m.el.toggleAttribute('disabled', false);
          await until(() => held.length === 1, 'the flow opened');
          expect(new Set(calls).size).to.equal(1);
          held[0]?.act({ action: 'relink' });
          return calls[0] as Promise<RelinkOutcome>;
        },
        expect: success(CHECKING),
        heal: () => {
          fake.customer = { action: 'relink' };
          m.endpoint.scenario = 'ok';
        },
      });
      expect(m.endpoint.requests).to.have.length(2);
    });
  });
});
