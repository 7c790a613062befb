// msw 3 (for Stripe's API in Node tests) targets Node 22.12+, and calls Promise.withResolvers,
// which Node 20 lacks; provided here before msw loads, so the suite runs on Node 20 too. (msw's
// resetHandlers() also needs Node 22's Set.prototype.intersection: the suites avoid it.)
import '../../vitest/node20.mjs';

export const { setupServer } = await import('msw/node');
export const { http, HttpResponse } = await import('msw');
