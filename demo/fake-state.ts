// The demo's fake Stripe outlives a page: its state is kept in sessionStorage when the tab leaves
// (for Stripe's simulated hosted page, and back), and picked up by the next page.
import { createFakeStripe, type FakeStripe, type FakeStripeSnapshot } from '../src/testing/fake.js';

const KEY = 'fc-relink-demo:fake';

/** The simulated hosted page, beside the demo page. */
export const HOSTED_PAGE_URL = new URL('hosted.html', document.baseURI).href;

/** The fake, as the previous page of this tab left it (or new), saved again when this page goes. */
export function persistentFake(): FakeStripe {
  const saved = sessionStorage.getItem(KEY);
  const snapshot = saved === null ? undefined : (JSON.parse(saved) as FakeStripeSnapshot);
  const fake = createFakeStripe({ hostedPageUrl: HOSTED_PAGE_URL, ...(snapshot ? { snapshot } : {}) });
  addEventListener('pagehide', () => sessionStorage.setItem(KEY, JSON.stringify(fake.snapshot())));
  return fake;
}
