// README.md's marked sections and tables, for the tests that hold README to what the code does.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');

/** The text between `<!-- name -->` and `<!-- /name -->`. */
export function section(name) {
  const match = readme.match(new RegExp(`<!-- ${name} -->\\n([\\s\\S]*?)<!-- /${name} -->`));
  assert.ok(match, `README has no ${name} section`);
  return match[1];
}

/** A table row's cells, trimmed, with `\|` read as a pipe and the backticks around a cell removed. */
export const cells = (row) => row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim().replaceAll('\\|', '|').replace(/^`|`$/g, ''));

/** The cells of each row of the table in a section whose first cell is code or `—` (not the header). */
export const tableRows = (name) => section(name).split('\n').filter((l) => /^\| (`|—)/.test(l)).map(cells);
