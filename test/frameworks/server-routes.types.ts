// The handlers' types against each framework's route types, checked by `npm run typecheck`: the
// forms that work compile, the forms that cannot work are type errors. SvelteKit, React Router,
// Hono, h3, Fastify and Express are their own packages' types; Astro's is written out as it
// declares it (the package is too heavy to install for a type check).
import type { RequestHandler } from '@sveltejs/kit';
import type { ActionFunction } from 'react-router';
import express from 'express';
import Fastify from 'fastify';
import { createApp, defineEventHandler } from 'h3';
import { H3 } from 'h3-v2';
import { Hono } from 'hono';
import {
  createRelinkSessionHandler,
  toNodeHandler,
  type RelinkAuthorize,
  type RelinkStripeClient,
} from 'fc-relink/server';

declare const stripe: RelinkStripeClient;
declare const authorize: RelinkAuthorize;
const handler = createRelinkSessionHandler({ stripe, authorize });

// SvelteKit (`+server.ts`): `export const POST: RequestHandler = handler`.
export const POST: RequestHandler = handler;

// React Router (a route module's action).
export const action: ActionFunction = handler;

// Astro (`src/pages/api/relink-session.ts`): `export const POST: APIRoute = handler`.
type AstroAPIRoute = (context: {
  request: Request;
  url: URL;
  params: Record<string, string | undefined>;
}) => Response | Promise<Response>;
export const astroPost: AstroAPIRoute = handler;

// Hono: the handler is the route.
new Hono().post('/api/relink-session', handler);

// h3 1 (Nuxt 4's server/api/relink-session.post.ts) and h3 2.
createApp().use('/api/relink-session', defineEventHandler(handler));
new H3().post('/api/relink-session', handler);

// Express and Fastify: through toNodeHandler, with Node's own request.
const app = express();
app.post('/api/relink-session', toNodeHandler(handler));
// @ts-expect-error Express's req is not a Request: mount the handler with toNodeHandler.
app.post('/api/relink-session', (req) => handler(req));
const fastify = Fastify();
fastify.post('/api/relink-session', (request, reply) => {
  reply.hijack();
  toNodeHandler(handler)(request.raw, reply.raw);
  // @ts-expect-error Fastify's request is not Node's: pass request.raw.
  toNodeHandler(handler)(request, reply.raw);
});

// @ts-expect-error An object carrying no Request cannot be served.
void handler({ method: 'POST', body: '{}' });
