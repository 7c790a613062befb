import { setupWorker } from 'msw/browser';
import '../src/index.js';
import { FC_RELINK_EVENTS } from '../src/index.js';
import { createFakeStripe, createSessionEndpoint } from '../src/testing/index.js';

const fake = createFakeStripe();
fake.install(window);
const endpoint = createSessionEndpoint(fake, { url: new URL('api/relink-session', document.baseURI).href });
await setupWorker(endpoint.handler).start({
  quiet: true,
  onUnhandledFrame: 'bypass',
  serviceWorker: { url: new URL('mockServiceWorker.js', document.baseURI).pathname },
});

const log = document.getElementById('log') as HTMLOListElement;
const element = document.getElementById('relink') as HTMLElement;
for (const type of FC_RELINK_EVENTS) {
  element.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()} ${type} ${JSON.stringify((event as CustomEvent).detail)}`;
    log.prepend(item);
  });
}
