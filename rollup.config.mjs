// The npm build: ESM modules in dist/, with lit and @stripe/stripe-js left to the consumer's
// bundler (Stripe.js itself is always loaded from js.stripe.com, never bundled).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const external = (id) => /^(lit|@lit\/[^/]+|@stripe\/stripe-js|msw|stripe|react|react-dom|preact|node:[^/]+)(\/|$)/.test(id);

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

/**
 * Collapses the whitespace inside Lit's css`…` and html`…` templates, which minifiers leave
 * alone. Safe for ours: no <pre>, no whitespace-sensitive text, no strings inside expressions.
 */
export const compactTemplates = {
  name: 'compact-templates',
  transform(code, id) {
    if (!id.includes('/src/') || !/\b(?:css|html)`/.test(code)) return null;
    const out = code.replace(/\b(css|html)`([^`]*)`/g, (_, tag, body) => {
      let text = (tag === 'css' ? body.replace(/\/\*[\s\S]*?\*\//g, '') : body).replace(/\s+/g, ' ');
      text = tag === 'css' ? text.replace(/\s*([{}:;,>])\s*/g, '$1').replace(/;}/g, '}') : text.replace(/>\s+</g, '><');
      return `${tag}\`${text.trim()}\``;
    });
    return { code: out, map: null };
  },
};

const ts = () => [sourceFiles, esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }), compactTemplates];

/** The npm package: one ESM module per source file, so consumers' bundlers tree-shake and split. */
const npm = {
  input: {
    index: 'src/index.ts',
    element: 'src/element.ts',
    define: 'src/define.ts',
    'testing/index': 'src/testing/index.ts',
    'testing/fake': 'src/testing/fake.ts',
    'server/index': 'src/server/index.ts',
    'react/index': 'src/react/index.ts',
    'jsx-react': 'src/jsx-react.ts',
    'jsx-preact': 'src/jsx-preact.ts',
  },
  external,
  plugins: ts(),
  // jsx-react and jsx-preact are types only; their JS modules are empty on purpose.
  onwarn(warning, warn) {
    if (warning.code !== 'EMPTY_BUNDLE') warn(warning);
  },
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
  plugins: [...ts(), terser({ ecma: 2020, compress: { passes: 2 } })],
  output: { file: '.size/fc-relink.js', format: 'esm' },
};

/**
 * For `<script type="module" src="https://unpkg.com/fc-relink">` with no build step: one minified
 * file with Lit and the Stripe.js loader inside (Stripe.js itself still comes from js.stripe.com).
 */
const cdn = {
  input: 'src/index.ts',
  plugins: [...ts(), nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }), terser({ ecma: 2020, compress: { passes: 2 } })],
  output: { file: 'dist/cdn/fc-relink.min.js', format: 'esm', inlineDynamicImports: true, sourcemap: true },
};

export default [npm, measured, cdn];
