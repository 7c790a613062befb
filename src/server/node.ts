// Adapts a Fetch API handler to Node's (req, res) so the same handlers mount in Express,
// node:http, Fastify's raw mode or Connect. The types are structural so that this module needs
// no Node typings, and Express's and node:http's own objects fit.
import { markBody, type BodyMark } from './body-marks.js';
import { GENERIC_SERVER_ERROR, jsonError, methodNotAllowed } from './responses.js';
import type { FetchHandler } from './types.js';

/**
 * The parts of a Node request (`http.IncomingMessage`, Express's `req`) that are read.
 *
 * @example
 * const req: NodeRequestLike = incomingMessage;
 */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  /** Express's full path when the handler is mounted under a prefix. */
  readonly originalUrl?: string | undefined;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Only `socket.encrypted` is read (true on TLS sockets). */
  readonly socket?: unknown;
  /** Set by a body parser such as `express.json()`, which has then consumed the stream. */
  readonly body?: unknown;
  /** The unparsed body, where a body parser's `verify` hook or the platform keeps one. */
  readonly rawBody?: unknown;
  /** True once the stream was read to its end: by a body parser, when this is read first. */
  readonly readableEnded?: boolean | undefined;
}

/**
 * The parts of a Node response (`http.ServerResponse`, Express's `res`) that are written.
 *
 * @example
 * const res: NodeResponseLike = serverResponse;
 */
export interface NodeResponseLike {
  statusCode: number;
  readonly headersSent?: boolean;
  /** False when the connection closed before the answer was written: the client hung up. */
  readonly writableFinished?: boolean | undefined;
  /** Only `'close'` is listened to, to abort the Fetch request's `signal` when the client leaves. */
  once?(event: 'close', listener: () => void): unknown;
  setHeader(name: string, value: string | readonly string[]): unknown;
  end(chunk?: Uint8Array | string): unknown;
}

/**
 * Express's `next`: called with the error when one escapes the handler.
 *
 * @example
 * const next: NodeNext = (error) => console.error(error);
 */
export type NodeNext = (error?: unknown) => void;

/**
 * A Node-style handler: `(req, res, next?) => void`.
 *
 * @example
 * http.createServer(toNodeHandler(handler) satisfies NodeHandler);
 */
export type NodeHandler = (req: NodeRequestLike, res: NodeResponseLike, next?: NodeNext) => void;

// Framing headers describe the bytes on the wire, which are re-framed here (and replaced by a
// re-serialized body when a parser ran), so passing them on would describe the wrong body.
const DROPPED_HEADERS = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'expect',
]);

function isEncrypted(socket: unknown): boolean {
  return typeof socket === 'object' && socket !== null && (socket as { encrypted?: unknown }).encrypted === true;
}

/** Thrown when the request line or headers cannot make a Fetch `Request`: answered 400 here. */
class UnusableRequest extends Error {}

function requestUrl(req: NodeRequestLike): string {
  const path = req.originalUrl ?? req.url ?? '/';
  if (!path.startsWith('/')) {
    // Absolute form (`POST http://host/path`): whatever a client wrote, parsed here, not trusted.
    if (!URL.canParse(path)) throw new UnusableRequest('The request target is not a URL.');
    return new URL(path).href;
  }
  // X-Forwarded-Proto is not trusted: any client can send it. Only the socket says https.
  const host = typeof req.headers.host === 'string' && req.headers.host !== '' ? req.headers.host : 'localhost';
  const url = `${isEncrypted(req.socket) ? 'https' : 'http'}://${host}${path}`;
  // A Host header that is not a host must not make the request fail; the handlers ignore the URL.
  if (URL.canParse(url)) return new URL(url).href;
  if (URL.canParse(path, 'http://localhost')) return new URL(path, 'http://localhost').href;
  throw new UnusableRequest('The request target is not a URL.');
}

function requestHeaders(req: NodeRequestLike): Headers {
  const headers = new Headers();
  try {
    for (const [name, value] of Object.entries(req.headers)) {
      // HTTP/2 pseudo-headers (:method, :path) are not valid Fetch header names.
      if (value === undefined || name.startsWith(':') || DROPPED_HEADERS.has(name.toLowerCase())) continue;
      if (typeof value === 'string') headers.set(name, value);
      else for (const item of value) headers.append(name, item);
    }
  } catch {
    throw new UnusableRequest('A request header is not valid.');
  }
  return headers;
}

/**
 * A safety cap for any Fetch handler mounted here. The relink handlers bound their own bodies
 * far below it (16 KiB; the webhook handler more), and cancel the stream when they do.
 */
const MAX_NODE_BODY_BYTES = 1024 * 1024;

function toBytes(chunk: unknown): Uint8Array | null {
  if (typeof chunk === 'string') return new TextEncoder().encode(chunk);
  return chunk instanceof Uint8Array ? chunk : null;
}

/**
 * The Node request's body as a stream, read only as fast as the handler reads it: a handler that
 * refuses a body after 16 KiB stops the reading there.
 */
function bodyStream(req: NodeRequestLike): ReadableStream<Uint8Array> {
  const chunks = req[Symbol.asyncIterator]();
  let length = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await chunks.next();
      if (done === true) {
        controller.close();
        return;
      }
      const bytes = toBytes(value);
      if (bytes === null) return;
      length += bytes.byteLength;
      if (length > MAX_NODE_BODY_BYTES) {
        controller.error(new Error('The request body is too large.'));
        void chunks.return?.();
        return;
      }
      controller.enqueue(bytes);
    },
    cancel() {
      void chunks.return?.();
    },
  });
}

type NodeBody = string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>;

/** Whether the request says it has a body: a length above 0, or chunked framing. */
function declaresBody(req: NodeRequestLike): boolean {
  const length = req.headers['content-length'];
  return (typeof length === 'string' && Number(length) > 0) || req.headers['transfer-encoding'] !== undefined;
}

function requestBody(req: NodeRequestLike): { body: NodeBody; mark?: BodyMark } {
  // A raw copy kept by a body parser (`verify: (req, res, buf) => { req.rawBody = buf }`, or a
  // platform that keeps one) is the body as sent: a webhook signature is checked over it.
  if (req.rawBody instanceof Uint8Array) return { body: new Uint8Array(req.rawBody) };
  const parsed = req.body;
  if (typeof parsed === 'string') return { body: parsed };
  if (parsed instanceof Uint8Array) return { body: new Uint8Array(parsed) };
  // Some parsers leave `{}` on requests they did not parse; the stream is then still unread.
  if (parsed === undefined || parsed === null || req.readableEnded === false) {
    // Drained by something that kept nothing (Fastify's parser reads `request.raw`): an empty
    // stream here would be read as `{}`, a request for any account.
    if (req.readableEnded === true && declaresBody(req)) return { body: '', mark: 'consumed' };
    return { body: bodyStream(req) };
  }
  return { body: JSON.stringify(parsed), mark: 'reserialized' };
}

/**
 * Builds a Fetch API `Request` from a Node request. The body is streamed, not buffered; a body a
 * parser consumed first is marked (see body-marks.ts). Throws when the request target or a
 * header cannot be represented.
 */
export function toFetchRequest(req: NodeRequestLike, signal?: AbortSignal): Request {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = requestUrl(req);
  const headers = requestHeaders(req);
  const init: RequestInit = signal === undefined ? { method, headers } : { method, headers, signal };
  if (method === 'GET' || method === 'HEAD') return new Request(url, init);
  const { body, mark } = requestBody(req);
  // `duplex` is required by Node's fetch for a stream body, and missing from the DOM typings.
  const request = new Request(url, { ...init, body, duplex: 'half' } as RequestInit);
  if (mark !== undefined) markBody(request, mark);
  return request;
}

/**
 * A signal that aborts when the client hangs up before the answer is written, so that a handler
 * still working for it (the verify handler polling Stripe) stops.
 */
export function disconnectSignal(res: NodeResponseLike): AbortSignal {
  const controller = new AbortController();
  res.once?.('close', () => {
    if (res.writableFinished !== true) controller.abort();
  });
  return controller.signal;
}

async function writeResponse(response: Response, res: NodeResponseLike): Promise<void> {
  const body = new Uint8Array(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    // Several cookies cannot be joined with commas as other headers are.
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  res.end(body);
}

function unusableRequest(): Response {
  return jsonError(400, {
    message: 'The request target or headers are not valid.',
    type: 'invalid_request_error',
    code: 'invalid_request_target',
  });
}

function writeServerError(res: NodeResponseLike): void {
  if (res.headersSent === true) {
    res.end();
    return;
  }
  res.statusCode = 500;
  res.setHeader('content-type', 'application/json');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify({ error: GENERIC_SERVER_ERROR }));
}

/**
 * Mounts a Fetch API handler (any of fc-relink/server's) in Express or `node:http`. The
 * request's URL is `http://<Host><path>` (`https` only on a TLS socket; `X-Forwarded-Proto` is
 * not trusted). The body is streamed to the handler as it reads it, raw; a body that a parser
 * already consumed is passed on as that parser left it: a string or Buffer as is (so
 * `express.raw()` keeps a webhook's signature valid), `req.rawBody` when set, and a parsed object
 * (`express.json()`) re-serialized, which suits the relink handlers; the webhook handler refuses
 * it (500, with the fix through `onError`), since its signature covers the bytes as sent. A
 * stream drained with nothing kept (Fastify's parser) is refused the same way by every handler,
 * never read as an empty body. The request's `signal` aborts when the client hangs up.
 * Anything but POST is a 405 and a request whose target or headers Fetch cannot represent a 400,
 * both answered here; an exception thrown by the handler goes to `next(error)` when there is a
 * `next`, else becomes a generic 500.
 *
 * @example
 * import express from 'express';
 * import { createRelinkSessionHandler, toNodeHandler } from 'fc-relink/server';
 *
 * const app = express();
 * app.post('/api/relink-session', toNodeHandler(createRelinkSessionHandler({ stripe, authorize })));
 *
 * // or, without a framework:
 * http.createServer(toNodeHandler(createRelinkSessionHandler({ stripe, authorize }))).listen(3000);
 */
export function toNodeHandler(handler: FetchHandler): NodeHandler {
  return (req, res, next) => {
    void (async () => {
      try {
        // Every handler takes POST only. Answered here, because Fetch cannot even represent some
        // methods (TRACE, CONNECT) or targets (OPTIONS *).
        if ((req.method ?? 'GET').toUpperCase() !== 'POST') {
          await writeResponse(methodNotAllowed(), res);
          return;
        }
        let request: Request;
        try {
          request = toFetchRequest(req, disconnectSignal(res));
        } catch {
          // Never handed to next(): a framework's error page would show the client a stack.
          await writeResponse(unusableRequest(), res);
          return;
        }
        await writeResponse(await handler(request), res);
      } catch (error) {
        try {
          if (next) next(error);
          else writeServerError(res);
        } catch {
          // The connection is already gone; there is no one left to answer.
        }
      }
    })();
  };
}
