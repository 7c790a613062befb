// The npm build: ESM modules in dist/, with lit and @stripe/stripe-js left to the consumer's
// bundler (Stripe.js itself is always loaded from js.stripe.com, never bundled).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';

const external = (id) => /^(lit|@lit\/|@stripe\/stripe-js|msw)(\/|$)/.test(id);

/**
 * Resolves our own `./x.js` specifiers to `./x.ts`. (Not @rollup/plugin-node-resolve: it applies
 * package.json `sideEffects`, which names dist/ files, to src/ and so dropped `import './define.js'`.)
 */
export const sourceFiles = {
  name: 'source-files',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null;
    const file = resolve(dirname(importer), source.replace(/\.js$/, '.ts'));
    return existsSync(file) ? file : null;
  },
};

const ts = () => [sourceFiles, esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' })];

/** The npm package: one ESM module per source file, so consumers' bundlers tree-shake and split. */
const npm = {
  input: {
    index: 'src/index.ts',
    element: 'src/element.ts',
    define: 'src/define.ts',
    'testing/index': 'src/testing/index.ts',
  },
  external,
  plugins: ts(),
  output: {
    dir: 'dist',
    format: 'esm',
    preserveModules: true,
    preserveModulesRoot: 'src',
    sourcemap: true,
  },
};

/**
 * Not shipped: what `import 'fc-relink'` adds to a page's first load once minified, for
 * size-limit (the Stripe.js loader is a separate chunk fetched on the first attempt).
 */
const measured = {
  input: 'src/index.ts',
  external,
  plugins: [...ts(), terser()],
  output: { file: '.size/fc-relink.js', format: 'esm' },
};

export default [npm, measured];
