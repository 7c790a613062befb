// README.md must say what the code does: these checks fail when one drifts from the other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');

function section(name) {
  const match = readme.match(new RegExp(`<!-- ${name} -->\\n([\\s\\S]*?)<!-- /${name} -->`));
  assert.ok(match, `README has no ${name} section`);
  return match[1];
}

async function importTs(path) {
  const { outputFiles } = await build({ entryPoints: [path], bundle: true, format: 'esm', write: false, logLevel: 'error' });
  return import(`data:text/javascript,${encodeURIComponent(outputFiles[0].text)}`);
}

test('the example integration test in README is the one that runs', async () => {
  const file = await readFile(new URL('../browser/integrator-example.test.ts', import.meta.url), 'utf8');
  const body = file.split('\n').slice(1).join('\n').trim();
  assert.equal(section('example:integrator-test').replace(/^```ts\n|```\s*$/g, '').trim(), body);
});

test('README lists every demo scenario with its expected outcome', async () => {
  const { SCENARIOS } = await importTs('demo/scenarios.ts');
  const rows = section('demo:scenarios').split('\n').filter((line) => line.startsWith('| `'));
  assert.deepEqual(
    rows,
    SCENARIOS.map((s) => `| \`${s.id}\` | ${s.label} | ${s.howTo} | ${s.expect} |`),
  );
});

test('README lists every error code with its stage and default retryability', async () => {
  const { RELINK_ERRORS } = await import('../../dist/index.js');
  const rows = section('api:errors').split('\n').filter((line) => line.startsWith('| `'));
  assert.deepEqual(rows.map((r) => r.split('|')[1].trim().replaceAll('`', '')), Object.keys(RELINK_ERRORS));
  for (const row of rows) {
    const [, code, stage, retryable] = row.split('|').map((c) => c.trim().replaceAll('`', ''));
    assert.ok(stage.startsWith(RELINK_ERRORS[code].stage), `${code}: stage ${stage}`);
    assert.equal(retryable.startsWith('yes'), RELINK_ERRORS[code].retryable || retryable.includes('yes for'), `${code}: retryable ${retryable}`);
  }
});

test('README lists every event', async () => {
  const { FC_RELINK_EVENTS } = await import('../../dist/index.js');
  const rows = section('api:events').split('\n').filter((line) => line.startsWith('| `'));
  assert.deepEqual(rows.map((r) => r.split('|')[1].trim().replaceAll('`', '')), [...FC_RELINK_EVENTS]);
});

test('the package version is the one the code reports', async () => {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
  const { VERSION } = await import('../../dist/index.js');
  assert.equal(VERSION, pkg.version);
});
