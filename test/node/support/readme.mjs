// The marked sections and tables of README.md and docs/*.md, for the tests that hold the docs to
// what the code does.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';

const root = new URL('../../../', import.meta.url);
const docs = (await readdir(new URL('docs/', root)))
  .filter((file) => file.endsWith('.md'))
  .map((file) => `docs/${file}`);
const pages = await Promise.all(
  ['README.md', ...docs].map(async (path) => ({ path, text: await readFile(new URL(path, root), 'utf8') })),
);

/** The text between `<!-- name -->` and `<!-- /name -->`, in README.md or a page of docs/ (names are unique). */
export function section(name) {
  const found = pages.flatMap(({ path, text }) => {
    const match = text.match(new RegExp(`<!-- ${name} -->\\n([\\s\\S]*?)<!-- /${name} -->`));
    return match ? [{ path, body: match[1] }] : [];
  });
  assert.equal(
    found.length,
    1,
    `the docs have ${found.length} sections named ${name}, not one (${found.map((f) => f.path).join(', ')})`,
  );
  return found[0].body;
}

/** A table row's cells, trimmed, with `\|` read as a pipe and the backticks around a cell removed. */
export const cells = (row) =>
  row
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((c) => c.trim().replaceAll('\\|', '|').replace(/^`|`$/g, ''));

/** The cells of each row of the table in a section whose first cell is code or `—` (not the header). */
export const tableRows = (name) =>
  section(name)
    .split('\n')
    .filter((l) => /^\| (`|—)/.test(l))
    .map(cells);
