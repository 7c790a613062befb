// The Vitest example from docs/testing.md, run as written in jsdom and in happy-dom.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, createRef } from 'react';
import { createRoot } from 'react-dom/client';
import { setupServer } from 'msw/node';
import { FcRelink, type FcRelinkElement } from 'fc-relink/react';
import { createFakeStripe, createSessionEndpoint } from 'fc-relink/testing';

// Before the first attempt: Stripe.js's loader then finds the fake and never fetches the real one.
const fake = createFakeStripe();
fake.install(window);
const endpoint = createSessionEndpoint(fake, { url: '/api/relink-session' });
const server = setupServer(endpoint.handler);

describe('relinking from my account page', () => {
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterAll(() => server.close());
  afterEach(() => {
    document.body.innerHTML = '';
  });

  async function renderButton(onSuccess = () => {}) {
    const ref = createRef<FcRelinkElement>();
    const container = document.body.appendChild(document.createElement('div'));
    await act(async () => {
      createRoot(container).render(
        <FcRelink
          ref={ref}
          publishableKey="pk_test_123"
          sessionUrl="/api/relink-session"
          account="fca_test_checking"
          onSuccess={onSuccess}
        />,
      );
    });
    return ref.current!;
  }

  it('relinks the checking account, and onSuccess hears of it', async () => {
    const successes: string[][] = [];
    const element = await renderButton((event) => successes.push(event.detail.accounts.map((a) => a.id)));
    const outcome = await element.relink();
    expect(outcome.status).toBe('success');
    expect(successes).toEqual([['fca_test_checking']]);
    expect(endpoint.requests.map((request) => request.body.account)).toEqual(['fca_test_checking']);
  });

  it('fails closed when my endpoint returns a session for another account', async () => {
    endpoint.scenario = 'other-account';
    const element = await renderButton();
    const outcome = await element.relink();
    expect(outcome.status === 'error' && outcome.error.code).toBe('session_mismatch');
  });
});
