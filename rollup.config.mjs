// The npm build: ESM modules in dist/, with lit and @stripe/stripe-js left to the consumer's
// bundler (Stripe.js itself is always loaded from js.stripe.com, never bundled).
import { existsSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const external = (id) =>
  /^(lit|@lit\/[^/]+|@stripe\/stripe-js|msw|stripe|react|react-dom|preact|node:[^/]+)(\/|$)/.test(id);

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
 * Strips the comments (and the space before them) from css`…` templates: the why-notes kept
 * beside the rules would otherwise ship inside the stylesheet strings. Only the lines inside a
 * template move, which no source map points into.
 */
export const cssComments = {
  name: 'css-comments',
  transform(code, id) {
    if (!id.endsWith('.ts') || !code.includes('css`')) return null;
    const strip = (template) => template.replace(/\s*\/\*[\s\S]*?\*\//g, '');
    return { code: code.replace(/\bcss`[^`]*`/g, strip), map: null };
  },
};

/** One entry per shipped translation (src/translations/<code>.ts), each a module of its own. */
function translations(prefix, suffix = '') {
  const codes = readdirSync('src/translations')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -3));
  return Object.fromEntries(codes.map((code) => [`${prefix}${code}${suffix}`, `src/translations/${code}.ts`]));
}

const ts = () => [sourceFiles, cssComments, esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' })];

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
    ...translations('translations/'),
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
 * For `<script type="module" src="https://unpkg.com/fc-relink">` with no build step: minified ES
 * modules with Lit inside. The page loads only the entry (the element); the entry fetches the
 * attempt chunk (with the Stripe.js loader) itself when the element is about to be used.
 * Stripe.js itself still comes from js.stripe.com.
 */
const cdn = {
  input: { 'fc-relink.min': 'src/index.ts', ...translations('translations/', '.min') },
  plugins: [
    ...ts(),
    nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
    terser({ ecma: 2020 }),
  ],
  output: { dir: 'dist/cdn', format: 'esm', chunkFileNames: 'fc-relink-[name]-[hash].min.js', sourcemap: true },
};

export default [npm, cdn];
