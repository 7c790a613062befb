// What a handler is called with. Frameworks hand a route something else than a Request: an event
// that carries one. Each form is recognised here, or refused with the fix, rather than read as a
// request that is not POST (405) or has no body (400).
import { report } from './authorize.js';
import { bodyMark } from './body-marks.js';
import { disconnectSignal, toFetchRequest, type NodeRequestLike, type NodeResponseLike } from './node.js';
import { jsonError } from './responses.js';
import type { RelinkErrorContext } from './types.js';

/**
 * What the handlers accept: a Fetch API `Request`, or a framework's object that carries one.
 *
 * - `Request`: Next.js, Remix, Bun, Deno, Workers, `toNodeHandler`.
 * - `{ request }`: SvelteKit's `RequestEvent`, Astro's `APIContext`, React Router's action args.
 * - `{ req: { raw } }`: Hono's `Context`.
 * - `{ req }` with a `Request`: an h3 2 event.
 * - `{ node: { req, res }, web? }`: an h3 1 event (Nuxt 4's `defineEventHandler`).
 *
 * @example
 * export const POST = createRelinkSessionHandler({ stripe, authorize }); // SvelteKit, Astro
 * app.post('/api/relink-session', createRelinkSessionHandler({ stripe, authorize })); // Hono
 */
export type RelinkHandlerInput =
  | Request
  | { readonly request: Request }
  | { readonly req: { readonly raw: Request } }
  | { readonly req: Request }
  | {
      readonly node: { readonly req: NodeRequestLike; readonly res?: NodeResponseLike | undefined };
      readonly web?: { readonly request?: Request | undefined } | undefined;
    };

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;

/**
 * Whether `value` is a Fetch `Request`. By shape, not `instanceof`: a runtime or framework may
 * hand over a Request of another realm or of its own Fetch implementation.
 */
function isRequest(value: unknown): value is Request {
  return (
    typeof field(value, 'url') === 'string' &&
    typeof field(value, 'method') === 'string' &&
    typeof field(field(value, 'headers'), 'get') === 'function' &&
    typeof field(value, 'arrayBuffer') === 'function'
  );
}

/** Whether `value` looks like Node's own request (`http.IncomingMessage`, Express's `req`). */
function isNodeRequest(value: unknown): boolean {
  const headers = field(value, 'headers');
  const nodeHeaders = typeof headers === 'object' && typeof field(headers, 'get') !== 'function';
  return nodeHeaders && typeof field(value, 'on') === 'function';
}

/** The answer when Node's request line or headers cannot make a Fetch `Request`. */
const invalidTarget = (): Response =>
  jsonError(400, {
    message: 'The request target or headers are not valid.',
    type: 'invalid_request_error',
    code: 'invalid_request_target',
  });

/** The Request in `input`, the answer when it cannot become one, or the TypeError that names the fix. */
function resolve(input: unknown, name: string): Request | Response | TypeError {
  if (isRequest(input)) return input;
  const request = field(input, 'request');
  if (isRequest(request)) return request;
  const req = field(input, 'req');
  if (isRequest(req)) return req;
  if (isRequest(field(req, 'raw'))) return field(req, 'raw') as Request;
  const web = field(field(input, 'web'), 'request');
  if (isRequest(web)) return web;
  const node = field(input, 'node');
  if (isNodeRequest(field(node, 'req'))) {
    const res = field(node, 'res') as NodeResponseLike | undefined;
    try {
      const signal = res === undefined ? undefined : disconnectSignal(res);
      return toFetchRequest(field(node, 'req') as NodeRequestLike, signal);
    } catch {
      return invalidTarget();
    }
  }
  if (isNodeRequest(input)) {
    return new TypeError(
      `${name}: the handler was given a Node request (req, res). It is a Fetch API handler: ` +
        'mount it with toNodeHandler(handler) in Express, Fastify, Connect or node:http.',
    );
  }
  return new TypeError(
    `${name}: the handler was given neither a Request nor an object carrying one. Pass the ` +
      "Request (SvelteKit and Astro's event.request, Hono's c.req.raw) or the framework's event; " +
      "with Node's (req, res), mount it with toNodeHandler(handler).",
  );
}

/** What each kind of spoiled body tells the developer: the cause and the fix. */
function bodyProblem(request: Request, name: string, raw: boolean): string | null {
  const mark = bodyMark(request);
  if (request.bodyUsed || mark === 'consumed') {
    return (
      `${name}: the request body was already read before the handler got it (a body parser or ` +
      'middleware ran first), and no copy of the bytes was kept. Let the handler read the body ' +
      'itself: mount it before the parser, or in Fastify give its routes a parser that leaves ' +
      "the body unread (see fc-relink's docs/server.md)."
    );
  }
  if (raw && mark === 'reserialized') {
    return (
      `${name}: the body was parsed as JSON before the handler got it (express.json() ran first), ` +
      "so Stripe's signature, which covers the bytes as sent, cannot be checked. Mount the webhook " +
      'route before express.json(), give it express.raw({ type: "application/json" }) as its own parser ' +
      'before any global one, or keep the bytes: express.json({ verify: (req, res, buf) => { req.rawBody = buf } }).'
    );
  }
  return null;
}

/** What the handler needs from its input. */
export interface AcceptOptions {
  /** The handler's name, which starts each message. */
  readonly name: string;
  readonly onError: ((error: unknown, context: RelinkErrorContext) => void) | undefined;
  /** Whether the body's exact bytes matter (a signature covers them), not only its JSON. */
  readonly raw?: boolean;
}

/**
 * The Request a handler was called with, or the answer when it cannot serve it: a body that
 * something else read first is a 500 whose cause goes to `onError`. A value that carries no
 * Request at all is a mistake in the integrator's code, thrown so the framework shows it.
 */
export function acceptRequest(input: RelinkHandlerInput, options: AcceptOptions): Request | Response {
  const request = resolve(input, options.name);
  if (request instanceof TypeError) throw request;
  if (request instanceof Response) return request;
  const problem = request.method === 'POST' ? bodyProblem(request, options.name, options.raw === true) : null;
  if (problem === null) return request;
  report(options.onError, new TypeError(problem), { stage: 'request', request });
  return jsonError(500, {
    message: 'Something went wrong on our side. Please try again later.',
    type: 'api_error',
    code: 'body_already_read',
  });
}
