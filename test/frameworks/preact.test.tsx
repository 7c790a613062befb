/** @jsxImportSource preact */
import { render } from 'preact';
import { CHECKING, TEST_KEY, clickAndWait, expect, observe, useEndpoint } from '../browser/harness/index.js';
import { ReconnectBank } from './snippets/ReconnectBank.preact.js';
import type { FcRelinkElement } from 'fc-relink';

describe('<fc-relink> in Preact', () => {
  it('the README snippet relinks and shows the accounts from the typed success event', async () => {
    const endpoint = await useEndpoint();
    const container = document.body.appendChild(document.createElement('div'));
    render(<ReconnectBank publishableKey={TEST_KEY} accountId={CHECKING} />, container);
    const el = container.querySelector('fc-relink') as FcRelinkElement;
    const m = observe(el, endpoint);
    await el.updateComplete;
    await clickAndWait(m);
    await new Promise((r) => setTimeout(r, 0));
    expect(container.querySelector('output')?.textContent).to.equal(`Relinked ${CHECKING}`);
    render(null, container);
    container.remove();
  });
});
