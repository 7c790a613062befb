// README.md must say what the code does: these checks fail when one drifts from the other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { cells, section, tableRows } from './support/readme.mjs';

async function importTs(path) {
  const { outputFiles } = await build({
    entryPoints: [path],
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'error',
  });
  return import(`data:text/javascript,${encodeURIComponent(outputFiles[0].text)}`);
}

test('the example integration test in README is the one that runs', async () => {
  const file = await readFile(new URL('../browser/integrator-example.test.ts', import.meta.url), 'utf8');
  const body = file.split('\n').slice(1).join('\n').trim();
  assert.equal(
    section('example:integrator-test')
      .replace(/^```ts\n|```\s*$/g, '')
      .trim(),
    body,
  );
});

test('README lists every demo scenario with its expected outcome', async () => {
  const { SCENARIOS } = await importTs('demo/scenarios.ts');
  const rows = section('demo:scenarios')
    .split('\n')
    .filter((line) => line.startsWith('| `'));
  assert.deepEqual(
    rows,
    SCENARIOS.map((s) => `| \`${s.id}\` | ${s.label} | ${s.howTo} | ${s.expect} |`),
  );
});

test('README lists every error code with its stage and default retryability', async () => {
  const { RELINK_ERRORS } = await import('../../dist/index.js');
  const rows = section('api:errors')
    .split('\n')
    .filter((line) => line.startsWith('| `'));
  assert.deepEqual(
    rows.map((r) => r.split('|')[1].trim().replaceAll('`', '')),
    Object.keys(RELINK_ERRORS),
  );
  for (const row of rows) {
    const [, code, stage, retryable] = row.split('|').map((c) => c.trim().replaceAll('`', ''));
    assert.ok(stage.startsWith(RELINK_ERRORS[code].stage), `${code}: stage ${stage}`);
    assert.equal(
      retryable.startsWith('yes'),
      RELINK_ERRORS[code].retryable || retryable.includes('yes for'),
      `${code}: retryable ${retryable}`,
    );
  }
});

test('lists every event in README', async () => {
  const { FC_RELINK_EVENTS } = await import('../../dist/index.js');
  const rows = section('api:events')
    .split('\n')
    .filter((line) => line.startsWith('| `'));
  assert.deepEqual(
    rows.map((r) => r.split('|')[1].trim().replaceAll('`', '')),
    [...FC_RELINK_EVENTS],
  );
});

test('the package version is the one the code reports', async () => {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
  const { VERSION } = await import('../../dist/index.js');
  assert.equal(VERSION, pkg.version);
});

/** The <fc-relink> declaration in the shipped custom-elements.json. */
async function manifestElement() {
  const manifest = JSON.parse(await readFile(new URL('../../dist/custom-elements.json', import.meta.url), 'utf8'));
  return manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'fc-relink');
}

test("README's attribute and property table is custom-elements.json's", async () => {
  const element = await manifestElement();
  // A default written as a shared constant (DEFAULT_SESSION_TIMEOUT) is the constant's value.
  const defaults = await import('../../dist/shell/defaults.js');
  const value = (text) => (text in defaults ? String(defaults[text]) : text);
  const publicFields = element.members.filter(
    (m) => m.kind === 'field' && (m.privacy ?? 'public') === 'public' && !m.static && !m.name.startsWith('#'),
  );
  const expected = [
    ...element.attributes.map((a) => {
      const field = publicFields.find((f) => f.name === (a.fieldName ?? a.name));
      const dflt = a.default ?? field?.default;
      return [a.name, field?.name ?? '', a.type?.text ?? '', dflt === undefined ? null : value(dflt)];
    }),
    ...publicFields
      .filter((f) => !element.attributes.some((a) => (a.fieldName ?? a.name) === f.name))
      .map((f) => ['—', f.name, f.type?.text ?? '', f.default ?? null]),
  ];
  const rows = tableRows('api:attributes');
  assert.deepEqual(rows.map((r) => r[1]).sort(), expected.map((e) => e[1]).sort(), 'the same properties');
  for (const [attribute, property, type, dflt] of expected) {
    const row = rows.find((r) => r[1] === property);
    assert.deepEqual(row.slice(0, 3), [attribute, property, type], property);
    if (dflt !== null) assert.equal(row[3], dflt, `${property} default`);
  }
});

test("README's events, parts, custom properties and slot are custom-elements.json's", async () => {
  const element = await manifestElement();
  const events = section('api:events')
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((r) => cells(r)[0]);
  assert.deepEqual(events.sort(), element.events.map((e) => e.name).sort());
  const css = section('api:css')
    .split('\n')
    .filter((l) => l.startsWith('| '))
    .map(cells)
    .slice(1);
  const parts = css.filter(([name]) => name.startsWith('::part(')).map(([name]) => name.slice(7, -1));
  assert.deepEqual(parts.sort(), element.cssParts.map((p) => p.name).sort());
  const props = css.filter(([name]) => name.startsWith('--'));
  assert.deepEqual(
    props.map(([name, dflt]) => `${name} ${dflt}`).sort(),
    element.cssProperties.map((p) => `${p.name} ${p.description.match(/Default: (.*)\.$/)[1]}`).sort(),
  );
  assert.ok(
    css.some(
      ([name, dflt]) =>
        name === 'default slot' && element.slots.some((s) => s.name === '' && s.description.includes(dflt)),
    ),
  );
});

test("README's framework snippets are the files the framework tests run", async () => {
  const files = {
    react: 'ReconnectBank.react.tsx',
    react19: 'ReconnectBank.react19-element.tsx',
    preact: 'ReconnectBank.preact.tsx',
    vue: 'ReconnectBank.vue',
    svelte: 'ReconnectBank.svelte',
    angular: 'reconnect-bank.component.ts',
  };
  for (const [name, file] of Object.entries(files)) {
    const source = await readFile(new URL(`../frameworks/snippets/${file}`, import.meta.url), 'utf8');
    const shown = section(`snippet:${name}`).replace(/^```\w*\n|```\s*$/g, '');
    assert.equal(shown.trim(), source.trim(), file);
  }
});
