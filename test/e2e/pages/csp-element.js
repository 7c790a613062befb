// The integrator's page script for the strict-CSP test of the element (test/e2e/csp.spec.ts):
// the built package (dist/index.js) with its real @stripe/stripe-js loader. esbuild bundles it,
// splitting the loader into a lazy chunk, and the test serves both from the page's own origin:
// an import map would be an inline script, which the policy forbids.
import '../../../dist/index.js';

const recorded = [];
window.__events = recorded;
const el = document.querySelector('fc-relink');
for (const type of ['fc-relink-start', 'fc-relink-success', 'fc-relink-cancel', 'fc-relink-error']) {
  el.addEventListener(type, (event) => recorded.push({ type, detail: event.detail }));
}
document.documentElement.dataset.ready = '';
