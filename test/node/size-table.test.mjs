// The docs have one size table, written from `npm run size`'s measurement; the size check fails
// when the table says anything else (scripts/build/size-table.mjs).
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { checkSizeTable, SIZE_DOC, sizeTable, withSizeTable } from '../../scripts/build/size-table.mjs';

const root = new URL('../../', import.meta.url);
const rows = [
  ['the shell, loaded with the import', 3298, 3500],
  ['the prefetch half, when first needed', 617],
];
const page = (table) => `# Loading\n\nSizes:\n\n<!-- sizes -->\n${table}<!-- /sizes -->\n\nMore.\n`;

/** A repository root of its own holding SIZE_DOC with `text`. */
async function rootWith(text) {
  const dir = await mkdtemp(join(tmpdir(), 'fc-relink-size-'));
  await mkdir(join(dir, 'docs'));
  await writeFile(join(dir, SIZE_DOC), text);
  return pathToFileURL(`${dir}/`);
}

describe('the size table', () => {
  it('shows each part with its gzip size and, where it has one, its budget', () => {
    assert.equal(
      sizeTable(rows),
      '| part | gzip | budget |\n|---|---|---|\n' +
        '| the shell, loaded with the import | 3,298 B | 3,500 B |\n' +
        '| the prefetch half, when first needed | 617 B | |\n',
    );
  });

  it('passes when the doc shows what was measured', async () => {
    const dir = await rootWith(page(sizeTable(rows)));
    assert.equal(await checkSizeTable(rows, { root: dir }), undefined);
  });

  it('fails when the doc disagrees with the measurement, and leaves the doc as it was', async () => {
    const stale = page(sizeTable([rows[0], ['the prefetch half, when first needed', 661]]));
    const dir = await rootWith(stale);
    assert.match(await checkSizeTable(rows, { root: dir }), /docs\/loading\.md disagrees .*npm run size -- --write/);
    assert.equal(await readFile(new URL(SIZE_DOC, dir), 'utf8'), stale);
  });

  it('rewrites only the marked section when asked to write', async () => {
    const dir = await rootWith(page('| part | gzip | budget |\n|---|---|---|\n| old | 1 B | |\n'));
    assert.equal(await checkSizeTable(rows, { root: dir, write: true }), undefined);
    assert.equal(await readFile(new URL(SIZE_DOC, dir), 'utf8'), page(sizeTable(rows)));
  });

  it('refuses a doc that has lost its sizes section', () => {
    assert.throws(
      () => withSizeTable('# Loading\n', sizeTable(rows)),
      /has no <!-- sizes --> … <!-- \/sizes --> section/,
    );
  });

  it('is the only size table in the README and the docs', async () => {
    const docs = async (dir) =>
      (await readdir(new URL(dir, root), { recursive: true }))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `${dir}${f}`);
    const pages = ['README.md', 'CONTRIBUTING.md', ...(await docs('docs/'))];
    const withTable = [];
    for (const path of pages) {
      if ((await readFile(new URL(path, root), 'utf8')).includes('| part | gzip |')) withTable.push(path);
    }
    assert.deepEqual(withTable, [SIZE_DOC]);
  });
});
