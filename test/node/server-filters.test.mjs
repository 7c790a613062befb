// filters.country and filters.countries: each preview API version defines one of the two, and
// the handlers send the one the request's API version defines, whichever form the app wrote.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Stripe from 'stripe';
import { createRelinkSessionHandler, DEFAULT_RELINK_API_VERSION } from '../../dist/server/index.js';

import { setupServer, http, HttpResponse } from './support/msw.mjs';

// Built, never written out whole: a literal key would trip the leaked-key check.
const fakeKey = ['sk', 'test', '51Fake' + 'f1lt3r'.repeat(4)].join('_');
let forms = [];
const server = setupServer(
  http.post('https://api.stripe.com/v1/financial_connections/sessions', async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    forms.push(form);
    return HttpResponse.json({
      id: 'fcsess_test_f',
      object: 'financial_connections.session',
      client_secret: 'fcsess_test_f_secret_abc',
      livemode: false,
      relink_options: { authorization: form.get('relink_options[authorization]'), account: null },
    });
  }),
);
before(() => server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => {
  forms = [];
});
after(() => server.close());

const create = async (filters, apiVersion) => {
  const handler = createRelinkSessionHandler({
    stripe: new Stripe(fakeKey, { maxNetworkRetries: 0 }),
    authorize: () => ({ authorization: 'fcauth_test_1' }),
    sessionParams: { filters },
    ...(apiVersion === undefined ? {} : { apiVersion }),
  });
  const response = await handler(
    new Request('https://shop.example/api/relink-session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    }),
  );
  const countries = Object.fromEntries([...(forms.at(-1) ?? [])].filter(([key]) => key.startsWith('filters[countr')));
  return { status: response.status, countries };
};

describe('sessionParams.filters, on the pinned API version', () => {
  test('the pinned version is one that defines countries[]', () => {
    assert.ok(DEFAULT_RELINK_API_VERSION < '2026-09-30', DEFAULT_RELINK_API_VERSION);
  });

  test('country is sent as countries[0]; countries as given', async () => {
    assert.deepEqual((await create({ country: 'US' })).countries, { 'filters[countries][0]': 'US' });
    assert.deepEqual((await create({ countries: ['US', 'CA'] })).countries, {
      'filters[countries][0]': 'US',
      'filters[countries][1]': 'CA',
    });
    assert.deepEqual((await create({ country: 'US', countries: ['US'] })).countries, { 'filters[countries][0]': 'US' });
  });
});

describe('sessionParams.filters, on a version from 2026-09-30 on (one country)', () => {
  test('countries of one is sent as country; country as given', async () => {
    const one = await create({ countries: ['US'] }, '2026-09-30.preview');
    assert.deepEqual(one.countries, { 'filters[country]': 'US' });
    assert.deepEqual((await create({ country: 'US' }, '2026-10-28.preview')).countries, { 'filters[country]': 'US' });
  });

  test('several countries cannot be said in that version: 500, and Stripe is never called', async () => {
    const { status } = await create({ countries: ['US', 'CA'] }, '2026-09-30.preview');
    assert.equal(status, 500);
    assert.equal(forms.length, 0);
  });
});
