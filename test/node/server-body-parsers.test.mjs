// toNodeHandler behind the body parsers frameworks run first (Express's express.json(),
// Fastify's own JSON parser), and when the client hangs up. Real Express 5 and Fastify 5 over
// real HTTP; Stripe is a structural fake that counts its calls.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import express from 'express';
import Fastify from 'fastify';
import Stripe from 'stripe';
import {
  createRelinkSessionHandler,
  createRelinkVerifyHandler,
  createRelinkWebhookHandler,
  toNodeHandler,
} from '../../dist/server/index.js';
import { ACCOUNT, fakeStripe, recordingAuthorize } from './support/fake-stripe.mjs';

// Built, never written out whole: a literal secret would trip the leaked-key check.
const fakeKey = ['sk', 'test', '51Fake' + 'b0dyp4'.repeat(4)].join('_');
const SECRET = ['whsec', 'Test' + 'P4rs3r'.repeat(3)].join('_');
const signer = new Stripe(fakeKey);

/** Stripe's own format: a pretty-printed event, signed over exactly those bytes. */
function prettySignedEvent() {
  const event = {
    id: 'evt_test_pretty',
    object: 'event',
    type: 'financial_connections.account.deactivated',
    data: { object: { id: ACCOUNT, object: 'financial_connections.account', status: 'inactive' } },
  };
  const body = JSON.stringify(event, null, 2);
  return { body, signature: signer.webhooks.generateTestHeaderString({ payload: body, secret: SECRET }) };
}

async function listen(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${server.address().port}`;
}

const postJson = (url, body, headers = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('the webhook in Express 5 behind a global express.json(), with a pretty-printed signed event', () => {
  let server;
  let base;
  let notices = [];
  let errors = [];
  const hook = () =>
    toNodeHandler(
      createRelinkWebhookHandler({
        stripe: signer,
        webhookSecret: SECRET,
        onRelinkNeeded: (notice) => void notices.push(notice),
        onError: (error, context) => void errors.push({ error, context }),
      }),
    );
  before(async () => {
    const first = express();
    first.post('/api/stripe-webhook', hook());
    first.use(express.json());
    const verify = express();
    verify.use(express.json({ verify: (req, res, buf) => void (req.rawBody = buf) }));
    verify.post('/api/stripe-webhook', hook());
    const late = express();
    late.use(express.json());
    late.post('/api/stripe-webhook', express.raw({ type: 'application/json' }), hook());
    const app = express();
    app.use('/first', first);
    app.use('/verify', verify);
    app.use('/late-raw', late);
    server = http.createServer(app);
    base = await listen(server);
  });
  after(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    notices = [];
    errors = [];
  });

  const deliver = (prefix) => {
    const { body, signature } = prettySignedEvent();
    return postJson(`${base}${prefix}/api/stripe-webhook`, body, { 'Stripe-Signature': signature });
  };

  test('mounted before express.json(): the signature holds and onRelinkNeeded is called', async () => {
    assert.equal((await deliver('/first')).status, 200);
    assert.deepEqual(
      notices.map((n) => [n.account, n.reason]),
      [[ACCOUNT, 'inactive']],
    );
  });

  test('with express.json({ verify }) keeping req.rawBody: the signature holds', async () => {
    assert.equal((await deliver('/verify')).status, 200);
    assert.equal(notices.length, 1);
  });

  test('express.raw() on the route after a global express.json(): a 500 with the fix in onError', async () => {
    const response = await deliver('/late-raw');
    assert.equal(response.status, 500);
    assert.equal((await response.json()).error.code, 'body_already_read');
    assert.deepEqual(notices, []);
    assert.equal(errors.length, 1);
    assert.match(errors[0].error.message, /parsed as JSON before the handler/);
    assert.match(errors[0].error.message, /Mount the webhook route before express\.json\(\)/);
  });

  test('a relink handler behind express.json() reads the parsed body, pretty-printed or not', async () => {
    const { stripe } = fakeStripe();
    const { authorize, seen } = recordingAuthorize();
    const app = express();
    app.use(express.json());
    app.post('/api/relink-session', toNodeHandler(createRelinkSessionHandler({ stripe, authorize })));
    const own = http.createServer(app);
    const url = `${await listen(own)}/api/relink-session`;
    try {
      assert.equal((await postJson(url, JSON.stringify({ account: ACCOUNT }, null, 2))).status, 200);
      assert.deepEqual(seen, [ACCOUNT]);
    } finally {
      await new Promise((resolve) => own.close(resolve));
    }
  });
});

describe('a relink handler in Fastify 5 through toNodeHandler(request.raw, reply.raw)', () => {
  let app;
  let base;
  let errors = [];
  const { stripe, calls } = fakeStripe();
  const { authorize, seen } = recordingAuthorize();
  const relink = toNodeHandler(
    createRelinkSessionHandler({ stripe, authorize, onError: (error, context) => errors.push({ error, context }) }),
  );
  before(async () => {
    app = Fastify();
    // Wrong: Fastify's JSON parser has read request.raw to its end and kept nothing there.
    app.post('/parsed/api/relink-session', (request, reply) => {
      reply.hijack();
      relink(request.raw, reply.raw);
    });
    // The recipe: a scope whose parser leaves the body unread, for the handler to read.
    await app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (request, payload, done) => done(null));
      scope.post('/api/relink-session', (request, reply) => {
        reply.hijack();
        relink(request.raw, reply.raw);
      });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${app.server.address().port}`;
  });
  after(() => app.close());
  beforeEach(() => {
    errors = [];
    seen.length = 0;
    calls.length = 0;
  });

  test('after Fastify parsed the JSON: a 500 naming the cause in onError, never an empty body read as {}', async () => {
    const response = await postJson(`${base}/parsed/api/relink-session`, JSON.stringify({ account: ACCOUNT }));
    assert.equal(response.status, 500);
    assert.equal((await response.json()).error.code, 'body_already_read');
    assert.deepEqual([seen, calls], [[], []]);
    assert.equal(errors[0].context.stage, 'request');
    assert.match(errors[0].error.message, /already read before the handler got it/);
  });

  test('in a scope whose parser leaves the body unread: the account reaches authorize', async () => {
    const response = await postJson(`${base}/api/relink-session`, JSON.stringify({ account: ACCOUNT }));
    assert.equal(response.status, 200);
    assert.equal((await response.json()).id, 'fcsess_test_1');
    assert.deepEqual(seen, [ACCOUNT]);
    assert.deepEqual(errors, []);
  });
});

describe('toNodeHandler when the client hangs up', () => {
  test("aborts the request's signal: the verify handler stops reading a pending session from Stripe", async () => {
    const { stripe, calls } = fakeStripe({ status: 'pending' });
    const { authorize } = recordingAuthorize();
    const verify = toNodeHandler(createRelinkVerifyHandler({ stripe, authorize, pendingTimeoutMs: 5_000 }));
    const server = http.createServer(verify);
    const base = await listen(server);
    try {
      const controller = new AbortController();
      const hangUp = fetch(`${base}/api/relink-verify`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ session: 'fcsess_test_1' }),
        signal: controller.signal,
      }).catch(() => 'hung up');
      await new Promise((resolve) => setTimeout(resolve, 60));
      controller.abort();
      assert.equal(await hangUp, 'hung up');
      // For a client that stayed, polling reads again at 250 ms, 750 ms and 1750 ms: 4 reads by 2 s.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      assert.equal(calls.filter((call) => 'retrieve' in call).length, 1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
