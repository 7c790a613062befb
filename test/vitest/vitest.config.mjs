// Vitest as an integrator runs it: no resolve conditions, no inlined dependencies. The environment
// (jsdom or happy-dom) is chosen on the command line.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['*.test.tsx'],
    // msw 3 targets Node 22.12+; this adds what it uses from there when the suite runs on Node 20.
    setupFiles: ['./node20.mjs'],
  },
});
