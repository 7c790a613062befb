// toNodeHandler and request targets no URL parser accepts. A file of its own, without msw: msw
// intercepts every socket of the process and would parse (and reject) the target before sending.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import express from 'express';
import { createRelinkSessionHandler, toNodeHandler } from '../../dist/server/index.js';

let stripeCalls = 0;
const stripe = {
  financialConnections: {
    sessions: {
      create: async () => ((stripeCalls += 1), {}),
      retrieve: async () => ((stripeCalls += 1), {}),
    },
    accounts: { retrieve: async () => ((stripeCalls += 1), {}) },
  },
};
let asked = 0;
const handler = createRelinkSessionHandler({ stripe, authorize: () => ((asked += 1), null) });

/** Sends a POST with `target` exactly as written, over a plain TCP socket. */
function rawPost(port, target, body) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.end(
        `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      );
    });
    let raw = '';
    socket.on('data', (chunk) => (raw += chunk)).on('error', reject);
    socket.on('close', () => {
      const [head, ...rest] = raw.split('\r\n\r\n');
      const type = /^content-type:\s*(.+)$/im.exec(head)?.[1].trim();
      resolve({ status: Number(head.split(' ')[1]), type, body: rest.join('\r\n\r\n') });
    });
  });
}

describe('toNodeHandler under Express 5, when the request target is an unparseable absolute URL', () => {
  const reachedExpress = [];
  let server;
  let port;
  before(async () => {
    const app = express();
    app.use(toNodeHandler(handler));
    app.use((error, req, res, _next) => {
      reachedExpress.push(error);
      res.status(599).end();
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    port = server.address().port;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  for (const target of ['http://a:b:c/api/relink-session', 'http://%zz/api/relink-session']) {
    test(`answers 400 itself for ${target}, with no stack and nothing passed to next()`, async () => {
      const response = await rawPost(port, target, '{}');
      assert.equal(response.status, 400);
      assert.equal(response.type, 'application/json');
      assert.equal(JSON.parse(response.body).error.code, 'invalid_request_target');
      assert.doesNotMatch(response.body, /TypeError|\bat /);
      assert.deepEqual(reachedExpress, []);
      assert.equal(asked, 0);
      assert.equal(stripeCalls, 0);
    });
  }
});
