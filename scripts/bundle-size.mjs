// How fc-relink's own code is measured, shared by own-size.mjs and size-features.mjs: as an
// integrator's bundler ships it (esbuild, minified, the browser build of Lit in production mode),
// minus a bundle of the parts of Lit and the Stripe.js loader that fc-relink itself uses.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Everything of Lit and the loader that fc-relink itself uses, so that only our code differs. */
export const LIT_AND_LOADER = `
  import { LitElement, html, css } from 'lit';
  import { loadStripe } from '@stripe/stripe-js/pure';
  globalThis.keep = [LitElement, html, css, loadStripe];
`;

export const gzip = (text) => gzipSync(text, { level: 9 }).length;

/** The minified bundle of `contents`, resolved from `resolveDir`; `extra` adds esbuild options. */
export async function bundle(contents, resolveDir, extra = {}) {
  const { outputFiles } = await build({
    stdin: { contents, resolveDir, loader: 'js' },
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    conditions: ['browser', 'production'],
    logLevel: 'error',
    ...extra,
  });
  return outputFiles.map((f) => f.text).join('');
}
