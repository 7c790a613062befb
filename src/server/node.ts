// Adapts a Fetch API handler to Node's (req, res) so the same handlers mount in Express,
// node:http, Fastify's raw mode or Connect. The types are structural so that this module needs
// no Node typings, and Express's and node:http's own objects fit.
import { bodyTooLarge, MAX_BODY_BYTES } from './body.js';
import { GENERIC_SERVER_ERROR, methodNotAllowed } from './responses.js';
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
const DROPPED_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'expect']);

function isEncrypted(socket: unknown): boolean {
  return typeof socket === 'object' && socket !== null && (socket as { encrypted?: unknown }).encrypted === true;
}

function requestUrl(req: NodeRequestLike): string {
  const path = req.originalUrl ?? req.url ?? '/';
  if (!path.startsWith('/')) return new URL(path).href;
  // X-Forwarded-Proto is not trusted: any client can send it. Only the socket says https.
  const host = typeof req.headers.host === 'string' && req.headers.host !== '' ? req.headers.host : 'localhost';
  try {
    return new URL(`${isEncrypted(req.socket) ? 'https' : 'http'}://${host}${path}`).href;
  } catch {
    // A Host header that is not a host must not make the request fail; the handlers ignore the URL.
    return new URL(`http://localhost${path}`).href;
  }
}

function requestHeaders(req: NodeRequestLike): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    // HTTP/2 pseudo-headers (:method, :path) are not valid Fetch header names.
    if (value === undefined || name.startsWith(':') || DROPPED_HEADERS.has(name.toLowerCase())) continue;
    if (typeof value === 'string') headers.set(name, value);
    else for (const item of value) headers.append(name, item);
  }
  return headers;
}

/** Thrown when a body grows past MAX_BODY_BYTES: reading stops there. */
class BodyTooLarge extends Error {}

async function readStream(req: NodeRequestLike): Promise<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of req) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk instanceof Uint8Array ? chunk : null;
    if (bytes === null) continue;
    chunks.push(bytes);
    length += bytes.byteLength;
    if (length > MAX_BODY_BYTES) throw new BodyTooLarge();
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

async function requestBody(req: NodeRequestLike, method: string): Promise<string | Uint8Array<ArrayBuffer> | null> {
  if (method === 'GET' || method === 'HEAD') return null;
  const parsed = req.body;
  if (parsed === undefined) return readStream(req);
  if (typeof parsed === 'string') return parsed;
  if (parsed instanceof Uint8Array) return new Uint8Array(parsed);
  return JSON.stringify(parsed);
}

/**
 * Builds a Fetch API `Request` from a Node request.
 *
 * @example
 * const request = await toFetchRequest(req);
 */
export async function toFetchRequest(req: NodeRequestLike): Promise<Request> {
  const method = (req.method ?? 'GET').toUpperCase();
  const body = await requestBody(req, method);
  return new Request(requestUrl(req), { method, headers: requestHeaders(req), body });
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
 * Mounts a Fetch API handler (either relink handler) in Express or `node:http`. The request's
 * URL is `http://<Host><path>` (`https` only on a TLS socket; `X-Forwarded-Proto` is not
 * trusted). A body already parsed by `express.json()` is re-serialized, so the handler works
 * with or without it. An unexpected exception goes to `next(error)` when there is a `next`,
 * else becomes a generic 500.
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
        // Both handlers take POST only. Answered here, because Fetch cannot even represent some
        // methods (TRACE, CONNECT) or targets (OPTIONS *).
        if ((req.method ?? 'GET').toUpperCase() !== 'POST') {
          await writeResponse(methodNotAllowed(), res);
          return;
        }
        let request: Request;
        try {
          request = await toFetchRequest(req);
        } catch (error) {
          if (!(error instanceof BodyTooLarge)) throw error;
          await writeResponse(bodyTooLarge(), res);
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
