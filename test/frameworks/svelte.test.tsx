import { flushSync, mount, unmount } from 'svelte';
import { CHECKING, TEST_KEY, clickAndWait, expect, observe, useEndpoint } from '../browser/harness/index.js';
import ReconnectBank from './snippets/ReconnectBank.svelte';
import type { FcRelinkElement } from 'fc-relink';

describe('<fc-relink> in Svelte 5', () => {
  it('the README snippet binds attributes and hears the typed events', async () => {
    const endpoint = await useEndpoint();
    const target = document.body.appendChild(document.createElement('div'));
    const app = mount(ReconnectBank, { target, props: { publishableKey: TEST_KEY, accountId: CHECKING } });
    flushSync();
    const el = target.querySelector('fc-relink') as FcRelinkElement;
    const m = observe(el, endpoint);
    await el.updateComplete;
    expect(el.getAttribute('session-url')).to.equal('/api/relink-session');
    await clickAndWait(m);
    flushSync();
    expect(target.querySelector('output')?.textContent).to.equal(`Relinked ${CHECKING}`);
    await unmount(app);
    target.remove();
  });
});
