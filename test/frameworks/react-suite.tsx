// The React wrapper's tests, run against React 19 (react19.test.tsx) and React 18
// (react18.test.tsx, bundled with react/react-dom aliased to their 18 versions).
import { StrictMode, useEffect, useRef, version } from 'react';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FcRelink } from 'fc-relink/react';
import type { FcRelinkElement } from 'fc-relink';
import { CHECKING, TEST_KEY, expect, fake, observe, sleep, useEndpoint } from '../browser/harness/index.js';
import { ReconnectBank } from './snippets/ReconnectBank.react.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export async function render(node: React.ReactNode): Promise<{ container: HTMLElement; root: Root }> {
  const container = document.body.appendChild(document.createElement('div'));
  const root = createRoot(container);
  await act(async () => root.render(node));
  return { container, root };
}

export const elementIn = (container: HTMLElement) => container.querySelector('fc-relink') as FcRelinkElement;

export async function clickIn(container: HTMLElement): Promise<void> {
  const el = elementIn(container);
  await el.updateComplete;
  const done = new Promise((resolve) => {
    for (const type of ['fc-relink-success', 'fc-relink-cancel', 'fc-relink-error'])
      el.addEventListener(type, resolve, { once: true });
  });
  await act(async () => {
    el.shadowRoot?.querySelector('button')?.click();
    await done;
  });
}

export function describeReactWrapper(expectedMajor: string) {
  describe(`fc-relink/react on React ${expectedMajor}`, () => {
    let mounted: { container: HTMLElement; root: Root }[] = [];
    const mount = async (node: React.ReactNode) => {
      const m = await render(node);
      mounted.push(m);
      return m;
    };
    afterEach(async () => {
      for (const { root, container } of mounted) {
        await act(async () => root.unmount());
        container.remove();
      }
      mounted = [];
    });

    it(`runs on React ${expectedMajor}`, () => {
      expect(version.split('.')[0]).to.equal(expectedMajor);
    });

    it('the README snippet relinks and shows the accounts from the typed success event', async () => {
      const endpoint = await useEndpoint();
      const { container } = await mount(<ReconnectBank publishableKey={TEST_KEY} accountId={CHECKING} />);
      observe(elementIn(container), endpoint);
      await clickIn(container);
      expect(container.querySelector('output')?.textContent).to.equal(`Relinked ${CHECKING}`);
      expect(endpoint.requests[0]?.body).to.deep.include({ account: CHECKING });
    });

    it('the README snippet reports a typed error', async () => {
      const endpoint = await useEndpoint('server-error');
      const { container } = await mount(<ReconnectBank publishableKey={TEST_KEY} accountId={CHECKING} />);
      observe(elementIn(container), endpoint);
      await clickIn(container);
      expect(container.querySelector('output')?.textContent).to.equal('Failed: session_http_error');
    });

    it('sets properties (fetchSession) on the element and calls onStart and onStateChange', async () => {
      const endpoint = await useEndpoint();
      const seen: string[] = [];
      const { container } = await mount(
        <FcRelink
          publishableKey={TEST_KEY}
          fetchSession={async ({ account }) => {
            seen.push(`fetchSession ${String(account)}`);
            const response = await fetch('/api/relink-session', { method: 'POST', body: JSON.stringify({ account }) });
            return response.json();
          }}
          account={CHECKING}
          onStart={(event) => seen.push(`start ${event.detail.mode}`)}
          onStateChange={(event) => seen.push(`state ${event.detail.state}`)}
        />,
      );
      observe(elementIn(container), endpoint);
      expect(elementIn(container).sessionUrl).to.equal(null);
      await clickIn(container);
      expect(seen).to.deep.equal([
        'state loading',
        `fetchSession ${CHECKING}`,
        'start same_account',
        'state open',
        'state success',
      ]);
    });

    it("StrictMode's double mount starts no attempt and loads nothing; a click starts exactly one", async () => {
      const endpoint = await useEndpoint();
      const instances = fake.instances.length;
      const { container } = await mount(
        <StrictMode>
          <ReconnectBank publishableKey={TEST_KEY} accountId={CHECKING} />
        </StrictMode>,
      );
      const m = observe(elementIn(container), endpoint);
      await sleep(50);
      expect(endpoint.requests).to.have.length(0);
      expect(m.events).to.deep.equal([]);
      expect(fake.instances.length).to.equal(instances);
      await clickIn(container);
      expect(endpoint.requests).to.have.length(1);
      expect(m.launches()).to.have.length(1);
      expect(m.terminalEvents()).to.have.length(1);
    });

    it('an effect that calls relink() runs twice under StrictMode, yet starts one attempt', async () => {
      const endpoint = await useEndpoint();
      let calls = 0;
      function AutoRelink() {
        const ref = useRef<FcRelinkElement>(null);
        useEffect(() => {
          calls += 1;
          void ref.current?.relink();
        }, []);
        return <FcRelink ref={ref} publishableKey={TEST_KEY} sessionUrl="/api/relink-session" account={CHECKING} />;
      }
      const { container } = await mount(
        <StrictMode>
          <AutoRelink />
        </StrictMode>,
      );
      const m = observe(elementIn(container), endpoint);
      await act(async () => {
        await new Promise((resolve) =>
          elementIn(container).addEventListener('fc-relink-success', resolve, { once: true }),
        );
      });
      await sleep(50);
      expect(calls).to.equal(version.startsWith('18') || version.startsWith('19') ? 2 : calls);
      expect(endpoint.requests).to.have.length(1);
      expect(m.launches()).to.have.length(1);
    });
  });
}
