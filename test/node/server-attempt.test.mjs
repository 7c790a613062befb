// The attempt's id the element sends (`attempt`): accepted by every handler that serves the
// element, validated (a UUID, else ignored, never refused), and handed to authorize and onError,
// so that a merchant's logs join the element's events.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createHostedRelinkHandler,
  createRelinkSessionHandler,
  createRelinkVerifyHandler,
} from '../../dist/server/index.js';

const ATTEMPT = '0f5b8f4e-1c2d-4e3f-8a9b-0c1d2e3f4a5b';
const post = (body) =>
  new Request('https://shop.example/api/relink', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** A Stripe client whose every call fails, so that onError is told, with what it was told. */
function failingStripe() {
  const fail = async () => {
    throw Object.assign(new Error('Stripe is down'), { type: 'StripeAPIError', statusCode: 500 });
  };
  return {
    financialConnections: { sessions: { create: fail, retrieve: fail }, accounts: { retrieve: fail } },
  };
}

const handlers = {
  session: (options) => createRelinkSessionHandler(options),
  verify: (options) => createRelinkVerifyHandler(options),
  hosted: (options) => createHostedRelinkHandler({ ...options, returnUrl: 'https://shop.example/bank' }),
};
const bodyFor = {
  session: (extra) => ({ account: 'fca_test_1', ...extra }),
  verify: (extra) => ({ session: 'fcsess_test_1', account: 'fca_test_1', ...extra }),
  hosted: (extra) => ({ account: 'fca_test_1', ...extra }),
};

for (const [name, make] of Object.entries(handlers)) {
  describe(`the ${name} handler, with the element's attempt id`, () => {
    test('hands it to authorize and to onError', async () => {
      const seen = [];
      const errors = [];
      const handler = make({
        stripe: failingStripe(),
        authorize: (context) => {
          seen.push(context.attempt);
          return { authorization: 'fcauth_test_1', permissions: ['payment_method'] };
        },
        onError: (_error, context) => errors.push([context.stage, context.attempt]),
      });
      await handler(post(bodyFor[name]({ attempt: ATTEMPT })));
      assert.deepEqual(seen, [ATTEMPT]);
      assert.ok(errors.length > 0, 'Stripe failed: onError is told');
      assert.ok(
        errors.every(([, attempt]) => attempt === ATTEMPT),
        JSON.stringify(errors),
      );
    });

    test('ignores one that is not a UUID, and serves a request without one alike', async () => {
      for (const attempt of [undefined, 'not-a-uuid', 42, ATTEMPT.toUpperCase(), `${ATTEMPT} `, { id: ATTEMPT }]) {
        const seen = [];
        const handler = make({
          stripe: failingStripe(),
          authorize: (context) => {
            seen.push(context.attempt);
            return null;
          },
        });
        const response = await handler(post(bodyFor[name](attempt === undefined ? {} : { attempt })));
        assert.equal(response.status, 403, String(attempt));
        assert.deepEqual(seen, [null], String(attempt));
      }
    });
  });
}
