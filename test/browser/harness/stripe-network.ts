// js.stripe.com, as the tests' pages see it. The page's msw service worker answers every request
// to it, the <script> the real @stripe/stripe-js loader injects included: a service worker sees a
// page's cross-origin subresource requests and may answer them itself, in every engine. So the
// same answers reach Chromium, Firefox and WebKit, with no browser-specific network hooks.
//
// The answer depends on the mode a test sets with `stripeNetwork(mode)` (./network.ts; one per page):
//   'block' (the default): the request fails at once, as an ad blocker or no network makes it;
//   'hang':  the request is never answered until the mode changes; then it gets the new mode's
//            answer (a slow Stripe.js that arrives at last);
//   'empty': 200 JavaScript that does not define window.Stripe (a captive portal, a broken proxy);
//   'fake':  a script that sets window.Stripe to window.__fcRelinkStripeJs, a fake Stripe.js
//            constructor the test controls (see ./stripe-js.ts).
import { http, HttpResponse } from 'msw';

export type StripeNetworkMode = 'block' | 'hang' | 'empty' | 'fake';

let mode: StripeNetworkMode = 'block';
const held: (() => void)[] = [];

const script = (body: string) => new HttpResponse(body, { headers: { 'content-type': 'application/javascript' } });

function answer() {
  switch (mode) {
    case 'empty':
      return script('/* loaded, defines nothing */\n');
    case 'fake':
      return script('if (window.__fcRelinkStripeJs) window.Stripe = window.__fcRelinkStripeJs;\n');
    default:
      return HttpResponse.error();
  }
}

/** The msw handler for https://js.stripe.com: every worker a test page starts must carry it. */
export const stripeJsHandler = http.all('https://js.stripe.com/*', async () => {
  while (mode === 'hang') await new Promise<void>((release) => held.push(release));
  return answer();
});

/** Sets how this page's requests to js.stripe.com are answered from now on (held ones included). */
export function setStripeNetworkMode(next: StripeNetworkMode): void {
  mode = next;
  if (next !== 'hang') for (const release of held.splice(0)) release();
}
