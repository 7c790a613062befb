// npm run size (part of npm test): what fc-relink's own code costs a page, gzip -9, measured the
// way an integrator's bundler ships it: esbuild with code splitting bundles `import 'fc-relink'`.
// The shell is what the page loads with the import; each lazy part is what it fetches later,
// through import(), when an element is about to be used. Lit and the @stripe/stripe-js loader
// are excluded the way they weigh: the same bundle of just the parts of them fc-relink uses is
// subtracted (Lit from the shell, the loader from the attempt half), so the figures are what
// fc-relink adds to a page that has them anyway. Also reported: the CDN build (Lit inside).
// Fails when a figure is over its budget, or when the docs' size table (size-table.mjs) says
// otherwise: `npm run size -- --write` rewrites that table.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { checkSizeTable } from './size-table.mjs';

// Raised from 3,500 / 10,000 / 2,000 when the shell gained what the customer needs at first paint
// (why and by when, relinked elsewhere, attempt ids, the words for each outcome) and the attempt
// half the host-modal layer: see CONTRIBUTING.md, Sizes.
const BUDGETS = { shell: 5800, total: 13500, hosted: 2200 };
const gzip = (text) => gzipSync(text, { level: 9 }).length;

/**
 * The files a page loads with `start` (its static imports, transitively), then each part fetched
 * later through import(): the files that part's own static imports add.
 */
function parts(outputs, start) {
  const staticClosure = (root, known) => {
    const files = [];
    const queue = [root];
    while (queue.length > 0) {
      const file = queue.pop();
      if (known.has(file) || !outputs[file]) continue;
      known.add(file);
      files.push(file);
      for (const { path, kind, external } of outputs[file].imports)
        if (!external && kind === 'import-statement') queue.push(path);
    }
    return files;
  };
  const atLoad = staticClosure(start, new Set());
  const lazy = [];
  const seen = new Set();
  const visit = (files) => {
    for (const file of files) {
      for (const { path, kind, external } of outputs[file].imports) {
        if (external || kind !== 'dynamic-import' || seen.has(path)) continue;
        seen.add(path);
        const part = staticClosure(path, new Set(atLoad));
        lazy.push({ name: outputs[path].entryPoint, files: part });
        visit(part);
      }
    }
  };
  visit(atLoad);
  return { atLoad, lazy };
}

/** Bundles `contents` as an integrator's esbuild build would: minified, split, browser build. */
async function bundle(contents) {
  const { outputFiles, metafile } = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    outdir: 'size-out',
    metafile: true,
    // The published package (dist/), not the sources the repository's tsconfig paths point to.
    tsconfigRaw: {},
    conditions: ['browser', 'production'],
    logLevel: 'error',
  });
  const text = new Map(outputFiles.map((file) => [file.path.slice(process.cwd().length + 1), file.text]));
  const entry = Object.keys(metafile.outputs).find((file) => metafile.outputs[file].entryPoint === '<stdin>');
  const size = (files) => files.reduce((sum, file) => sum + gzip(text.get(file)), 0);
  return { outputs: metafile.outputs, entry, size };
}

async function integratorBundle() {
  const { outputs, entry, size } = await bundle("import 'fc-relink';");
  const { atLoad, lazy } = parts(outputs, entry);
  const lit = await bundle("import { LitElement, html, css } from 'lit'; globalThis.keep = [LitElement, html, css];");
  const loader = await bundle(
    "import { loadStripe } from '@stripe/stripe-js/pure/index.mjs'; globalThis.keep = [loadStripe];",
  );
  const minus = (baseline) => baseline.size([baseline.entry]);
  return {
    shell: size(atLoad) - minus(lit),
    lazy: lazy.map(({ name, files }) => ({
      name,
      bytes:
        size(files) -
        (files.some((file) => Object.keys(outputs[file].inputs).some((input) => input.includes('@stripe/stripe-js')))
          ? minus(loader)
          : 0),
    })),
  };
}

async function cdnBuild() {
  const dir = new URL('../../dist/cdn/', import.meta.url);
  const entry = await readFile(new URL('fc-relink.min.js', dir), 'utf8');
  const chunks = [...entry.matchAll(/from"\.\/([^"]+)"/g)].map((m) => m[1]);
  const atLoad = [entry, ...(await Promise.all(chunks.map((c) => readFile(new URL(c, dir), 'utf8'))))];
  const dynamic = new Set(atLoad.flatMap((code) => [...code.matchAll(/import\("\.\/([^"]+)"\)/g)].map((m) => m[1])));
  const later = await Promise.all([...dynamic].map((c) => readFile(new URL(c, dir), 'utf8')));
  const sum = (codes) => codes.reduce((total, code) => total + gzip(code), 0);
  return { atLoad: sum(atLoad), later: sum(later) };
}

const own = await integratorBundle();
const cdn = await cdnBuild();
const attempt = own.lazy.find(({ name }) => name === 'dist/attempt/index.js')?.bytes ?? 0;
const hosted = own.lazy.find(({ name }) => name === 'dist/hosted/index.js')?.bytes ?? 0;
// The attempt half holds everything an embedded attempt can load: verify and prefetch included.
const total = own.shell + attempt;
/** A lazily loaded part by its folder (`dist/attempt/index.js` is the attempt half). */
const part = (name) => (name ? `the ${name.split('/').at(-2)} half` : 'a chunk shared by halves');
const rows = [
  ['the shell, loaded with the import', own.shell, BUDGETS.shell],
  ...own.lazy.map(({ name, bytes }) => [
    `${part(name)}, when first needed`,
    bytes,
    name === 'dist/hosted/index.js' ? BUDGETS.hosted : undefined,
  ]),
  ['shell + attempt half (verify and prefetch included)', total, BUDGETS.total],
  ['CDN build at page load (Lit inside)', cdn.atLoad],
  ['CDN build, attempt chunk', cdn.later],
];
console.log("fc-relink's own code, gzip -9 (Lit and the Stripe.js loader subtracted, but for the CDN rows):");
for (const [name, bytes, budget] of rows) {
  console.log(`  ${name.padEnd(40)} ${String(bytes).padStart(6)} B  ${budget ? `budget ${budget}` : ''}`);
}
const over = [];
if (own.shell > BUDGETS.shell)
  over.push(`the shell is ${own.shell - BUDGETS.shell} B over its ${BUDGETS.shell} B budget`);
if (total > BUDGETS.total)
  over.push(`shell + attempt half is ${total - BUDGETS.total} B over its ${BUDGETS.total} B budget`);
if (hosted > BUDGETS.hosted)
  over.push(`the hosted half is ${hosted - BUDGETS.hosted} B over its ${BUDGETS.hosted} B budget`);
if (attempt === 0) over.push('no attempt half was found: the element no longer loads it through import()');
const table = await checkSizeTable(rows, { write: process.argv.includes('--write') });
if (table) over.push(table);
if (over.length > 0) {
  console.error(`Size check failed: ${over.join('; ')}.`);
  process.exit(1);
}
