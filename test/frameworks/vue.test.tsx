import { createApp, nextTick } from 'vue';
import { CHECKING, TEST_KEY, clickAndWait, expect, observe, useEndpoint } from '../browser/harness/index.js';
import ReconnectBank from './snippets/ReconnectBank.vue';
import type { FcRelinkElement } from 'fc-relink';

/** Mounts the README's Vue snippet and puts its <fc-relink> under the harness's checks. */
async function mountSnippet(scenario: Parameters<typeof useEndpoint>[0] = 'ok') {
  const endpoint = await useEndpoint(scenario);
  const container = document.body.appendChild(document.createElement('div'));
  const app = createApp(ReconnectBank, { publishableKey: TEST_KEY, accountId: CHECKING });
  app.mount(container);
  const el = container.querySelector('fc-relink') as FcRelinkElement;
  const m = observe(el, endpoint);
  await el.updateComplete;
  return { app, container, el, m };
}

describe('<fc-relink> in Vue 3', () => {
  it('the README snippet binds attributes and hears the typed events', async () => {
    const { app, container, el, m } = await mountSnippet();
    expect(el.publishableKey).to.equal(TEST_KEY);
    await clickAndWait(m);
    await nextTick();
    expect(container.querySelector('output')?.textContent).to.equal(`Relinked ${CHECKING}`);
    app.unmount();
    container.remove();
  });

  it("reports an error through the snippet's handler", async () => {
    const { app, container, m } = await mountSnippet('rate-limited');
    await clickAndWait(m);
    await nextTick();
    expect(container.querySelector('output')?.textContent).to.equal('Failed: session_http_error');
    app.unmount();
    container.remove();
  });
});
