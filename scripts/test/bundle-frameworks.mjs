// Framework tests (test/frameworks/*.test.tsx) are bundled whole by esbuild before the browser
// gets them: React and Vue ship CommonJS or need a compile step, which the dev server alone
// cannot serve. `.vue` and `.svelte` files are compiled with the frameworks' own compilers.
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The tags Vue must leave to the browser; the same predicate the README's Vite config uses. */
export const isCustomElement = (tag) => tag === 'fc-relink';

const vue = {
  name: 'vue-sfc',
  setup(b) {
    b.onLoad({ filter: /\.vue$/ }, async ({ path }) => {
      const { parse, compileScript } = await import('vue/compiler-sfc');
      // The template is parsed here, so the parser must already know which tags are not components.
      const { descriptor, errors } = parse(await readFile(path, 'utf8'), {
        filename: path,
        templateParseOptions: { isCustomElement },
      });
      if (errors.length) throw errors[0];
      const script = compileScript(descriptor, {
        id: basename(path),
        inlineTemplate: true,
        templateOptions: { compilerOptions: { isCustomElement } },
      });
      return { contents: script.content, loader: 'ts', resolveDir: dirname(path) };
    });
  },
};

const svelte = {
  name: 'svelte',
  setup(b) {
    b.onLoad({ filter: /\.svelte$/ }, async ({ path }) => {
      const { compile } = await import('svelte/compiler');
      const { js } = compile(await readFile(path, 'utf8'), { filename: path, generate: 'client' });
      return { contents: js.code, loader: 'js', resolveDir: dirname(path) };
    });
  },
};

/** Bundles one framework test file; `react18` in its name swaps in React 18. */
export async function bundleFrameworkTest(file) {
  const react18 = basename(file).includes('react18');
  const { outputFiles } = await build({
    entryPoints: [file],
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['browser', 'development'],
    jsx: 'automatic',
    tsconfig: `${root}tsconfig.json`,
    sourcemap: 'inline',
    define: {
      'process.env.NODE_ENV': '"development"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    alias: {
      // The snippets import the package by name, as an integrator's code does.
      'fc-relink/react': `${root}src/react/index.ts`,
      'fc-relink/jsx-react': `${root}src/jsx-react.ts`,
      'fc-relink/jsx-preact': `${root}src/jsx-preact.ts`,
      'fc-relink': `${root}src/index.ts`,
      ...(react18 ? { react: 'react-18', 'react-dom': 'react-dom-18' } : {}),
    },
    plugins: [vue, svelte],
    logLevel: 'silent',
  });
  return outputFiles[0].text;
}

/** The @web/test-runner plugin that serves those bundles. */
export const frameworkTests = {
  name: 'framework-tests',
  async serve(context) {
    if (!/^\/test\/frameworks\/[^/]+\.test\.tsx$/.test(context.path)) return undefined;
    return { body: await bundleFrameworkTest(`${root}${context.path.slice(1)}`), type: 'js' };
  },
};
