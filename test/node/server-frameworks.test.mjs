// The handlers as the route itself in each framework: what each one hands its route (a Request,
// an event carrying one, or Node's req) and what the handler makes of it. Hono, h3 1 (Nuxt 4's
// server) and h3 2 are the real packages; SvelteKit, Astro and React Router are events shaped as
// their types declare, since building those apps is out of reach of a unit test.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import express from 'express';
import { Hono } from 'hono';
import { createApp, defineEventHandler, toNodeListener } from 'h3';
import { H3 } from 'h3-v2';
import { createRelinkSessionHandler, createRelinkVerifyHandler, toNodeHandler } from '../../dist/server/index.js';
import { ACCOUNT, fakeStripe, recordingAuthorize } from './support/fake-stripe.mjs';

const URL_BASE = 'https://shop.example';
const relinkRequest = (body = { account: ACCOUNT }) =>
  new Request(`${URL_BASE}/api/relink-session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: 'session=abc' },
    body: JSON.stringify(body),
  });

function setup() {
  const { stripe, calls } = fakeStripe();
  const { authorize, seen } = recordingAuthorize();
  return { handler: createRelinkSessionHandler({ stripe, authorize }), calls, seen };
}

async function assertSession(response, seen) {
  assert.equal(response.status, 200);
  assert.equal((await response.json()).id, 'fcsess_test_1');
  assert.deepEqual(seen, [ACCOUNT]);
}

describe('a handler given a framework event that carries the Request', () => {
  test('SvelteKit: export const POST = handler receives a RequestEvent and answers it', async () => {
    const { handler, seen } = setup();
    const request = relinkRequest();
    const event = {
      request,
      url: new URL(request.url),
      params: {},
      route: { id: '/api/relink-session' },
      locals: {},
      platform: undefined,
      cookies: { get: () => 'abc', getAll: () => [], set() {}, delete() {}, serialize: () => '' },
      fetch,
      getClientAddress: () => '127.0.0.1',
      setHeaders() {},
      isDataRequest: false,
      isSubRequest: false,
    };
    await assertSession(await handler(event), seen);
  });

  test('Astro: export const POST = handler receives an APIContext and answers it', async () => {
    const { handler, seen } = setup();
    const request = relinkRequest();
    const context = {
      request,
      url: new URL(request.url),
      site: new URL(URL_BASE),
      params: {},
      props: {},
      locals: {},
      cookies: { get: () => undefined, has: () => false, set() {}, delete() {} },
      redirect: () => new Response(null, { status: 302 }),
      rewrite: () => new Response(null),
      clientAddress: '127.0.0.1',
      generator: 'Astro v7',
      isPrerendered: false,
    };
    await assertSession(await handler(context), seen);
  });

  test("React Router: export const action = handler receives an action's { request, params, context }", async () => {
    const { handler, seen } = setup();
    await assertSession(await handler({ request: relinkRequest(), params: {}, context: {} }), seen);
  });

  test('Hono: app.post(path, handler) receives the Context and answers with c.req.raw', async () => {
    const { handler, seen } = setup();
    const app = new Hono();
    app.post('/api/relink-session', handler);
    await assertSession(await app.request(relinkRequest()), seen);
  });

  test('h3 2: app.post(path, handler) receives an event whose req is the Request', async () => {
    const { handler, seen } = setup();
    const app = new H3().post('/api/relink-session', handler);
    await assertSession(await app.fetch(relinkRequest()), seen);
  });

  test('Bun and Deno: Bun.serve routes and Deno.serve hand over the Request itself', async () => {
    const { handler, seen } = setup();
    // Deno.serve calls handler(request, info); Bun's routes call handler(request, server).
    await assertSession(await handler(relinkRequest(), { remoteAddr: { hostname: '127.0.0.1' } }), seen);
  });
});

describe('a handler in h3 1 (Nuxt 4: defineEventHandler(handler)) over real HTTP', () => {
  let server;
  let base;
  const { stripe } = fakeStripe();
  const { authorize, seen } = recordingAuthorize();
  before(async () => {
    const app = createApp();
    app.use('/api/relink-session', defineEventHandler(createRelinkSessionHandler({ stripe, authorize })));
    app.use('/api/relink-verify', defineEventHandler(createRelinkVerifyHandler({ stripe, authorize })));
    server = http.createServer(toNodeListener(app));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  test('reads the body from the event and answers with the Response it returns', async () => {
    const post = (path, body) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const session = await post('/api/relink-session', { account: ACCOUNT });
    assert.equal(session.status, 200);
    assert.equal(session.headers.get('cache-control'), 'no-store');
    assert.equal((await session.json()).client_secret, 'fcsess_test_1_secret_abc');
    assert.deepEqual(seen, [ACCOUNT]);
    const verify = await post('/api/relink-verify', { session: 'fcsess_test_1' });
    assert.equal(verify.status, 200);
    assert.equal((await verify.json()).status, 'succeeded');
  });

  test('a GET is still a 405 that says to use POST', async () => {
    const response = await fetch(`${base}/api/relink-session`);
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST');
  });
});

describe('a handler given something it cannot serve says how to mount it', () => {
  test("Express's req, res without toNodeHandler: the error names toNodeHandler, not a 405", async () => {
    const { handler, calls } = setup();
    const app = express();
    const errors = [];
    app.post('/api/relink-session', handler);
    app.use((error, req, res, _next) => {
      errors.push(error);
      res.status(500).end();
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${server.address().port}/api/relink-session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ account: ACCOUNT }),
      });
      assert.equal(response.status, 500);
      assert.equal(errors.length, 1);
      assert.match(errors[0].message, /createRelinkSessionHandler: .*Node request.*toNodeHandler\(handler\)/);
      assert.deepEqual(calls, []);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test("an object that carries no Request: the error names event.request and Hono's c.req.raw", async () => {
    const { handler } = setup();
    await assert.rejects(
      handler({ method: 'POST', body: '{}' }),
      /neither a Request nor an object carrying one.*c\.req\.raw/,
    );
  });

  test('a Request whose body a middleware read: 500, onError says so, and no any-account session', async () => {
    const { stripe, calls } = fakeStripe();
    const { authorize, seen } = recordingAuthorize();
    const errors = [];
    const onError = (error, context) => errors.push({ error, context });
    const handler = createRelinkSessionHandler({ stripe, authorize, onError });
    const request = relinkRequest();
    await request.json();
    const response = await handler({ req: { raw: request } });
    assert.equal(response.status, 500);
    assert.equal((await response.json()).error.code, 'body_already_read');
    assert.deepEqual([seen, calls], [[], []]);
    assert.equal(errors[0].context.stage, 'request');
    assert.match(errors[0].error.message, /already read/);
  });

  test('toNodeHandler still hands the handler a plain Request', async () => {
    const { handler, seen } = setup();
    const server = http.createServer(toNodeHandler(handler));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${server.address().port}/api/relink-session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ account: ACCOUNT }),
      });
      await assertSession(response, seen);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
