// The one size table of the docs, in docs/loading.md between `<!-- sizes -->` and `<!-- /sizes -->`,
// is npm run size's own figures: the check fails when the table says anything else, and
// `npm run size -- --write` rewrites it from the measurement.
import { readFile, writeFile } from 'node:fs/promises';

export const SIZE_DOC = 'docs/loading.md';
const START = '<!-- sizes -->\n';
const END = '<!-- /sizes -->';

const bytes = (n) => `${n.toLocaleString('en-US')} B`;

/** The Markdown table of `rows`: `[part, gzip bytes, budget in bytes or undefined]`. */
export function sizeTable(rows) {
  const lines = ['| part | gzip | budget |', '|---|---|---|'];
  for (const [part, size, budget] of rows)
    lines.push(`| ${part} | ${bytes(size)} | ${budget ? `${bytes(budget)} ` : ''}|`);
  return `${lines.join('\n')}\n`;
}

/** `text` with its sizes section holding `table`; throws when the section is missing. */
export function withSizeTable(text, table) {
  const start = text.indexOf(START);
  const end = text.indexOf(END, start);
  if (start < 0 || end < 0) throw new Error(`${SIZE_DOC} has no ${START.trim()} … ${END} section for the size table.`);
  return text.slice(0, start + START.length) + table + text.slice(end);
}

/**
 * Compares the doc's table with `rows`, or writes it when `write` is set. Resolves with what is
 * wrong, or undefined.
 */
export async function checkSizeTable(rows, { write = false, root = new URL('../../', import.meta.url) } = {}) {
  const file = new URL(SIZE_DOC, root);
  const text = await readFile(file, 'utf8');
  const expected = withSizeTable(text, sizeTable(rows));
  if (expected === text) return undefined;
  if (write) {
    await writeFile(file, expected);
    console.log(`Wrote the size table in ${SIZE_DOC}.`);
    return undefined;
  }
  return `the size table in ${SIZE_DOC} disagrees with this measurement (run \`npm run size -- --write\`)`;
}
