// fc-relink injects Stripe.js itself (through a Trusted Types policy) and then hands over to
// @stripe/stripe-js's loader, which must find exactly the script it would have injected.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

test('the Stripe.js URL fc-relink injects is the one the installed @stripe/stripe-js expects', async () => {
  const loader = await readFile(new URL('../../node_modules/@stripe/stripe-js/dist/pure.mjs', import.meta.url), 'utf8');
  const train = /var RELEASE_TRAIN = '([a-z]+)';/.exec(loader)?.[1];
  assert.ok(train, 'the loader names its release train');
  const ours = await readFile(new URL('../../src/shell/stripe-script.ts', import.meta.url), 'utf8');
  assert.match(ours, new RegExp(`export const STRIPE_JS = 'https://js\\.stripe\\.com/${train}/stripe\\.js';`));
});
