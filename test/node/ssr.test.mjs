// Importing the package where there is no DOM (server-side rendering, Node) must not throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const entries = [
  'fc-relink',
  'fc-relink/element',
  'fc-relink/react',
  'fc-relink/testing',
  'fc-relink/testing/fake',
  'fc-relink/server',
  'fc-relink/jsx-react',
  'fc-relink/jsx-preact',
];

test('every entry imports in Node without a DOM', async () => {
  assert.equal(typeof globalThis.window, 'undefined');
  for (const entry of entries) {
    await assert.doesNotReject(import(entry), entry);
  }
  const main = await import('fc-relink');
  const element = await import('fc-relink/element');
  assert.equal(typeof main.FcRelinkElement, 'function');
  assert.equal(main.FcRelinkElement, element.FcRelinkElement);
  assert.equal(main.RELINK_ERROR_CODES.length, 11);
  assert.equal(typeof globalThis.document, 'undefined');
});

test('the React wrapper renders to a string with react-dom/server', async () => {
  const { createElement } = await import('react');
  const { renderToString } = await import('react-dom/server');
  const { FcRelink } = await import('fc-relink/react');
  const html = renderToString(
    createElement(
      FcRelink,
      { publishableKey: 'pk_test_123', sessionUrl: '/api/relink-session', account: 'fca_1', onSuccess: () => {} },
      'Reconnect',
    ),
  );
  assert.match(html, /^<fc-relink[^>]*>Reconnect<\/fc-relink>$/);
});

test('the custom-elements manifest is exported', async () => {
  const { default: manifest } = await import('fc-relink/custom-elements.json', { with: { type: 'json' } });
  assert.ok(
    manifest.modules.some((m) =>
      m.exports?.some((e) => e.kind === 'custom-element-definition' && e.name === 'fc-relink'),
    ),
  );
});

test('fc-relink/testing/fake imports nothing from msw', async () => {
  const { readFile } = await import('node:fs/promises');
  const seen = new Set();
  const visit = async (url) => {
    if (seen.has(url.href)) return;
    seen.add(url.href);
    const code = await readFile(url, 'utf8');
    assert.doesNotMatch(code, /from ['"]msw/, url.pathname);
    for (const [, spec] of code.matchAll(/(?:from|import)\s*['"](\.[^'"]+)['"]/g)) await visit(new URL(spec, url));
  };
  await visit(new URL('../../dist/testing/fake.js', import.meta.url));
  assert.ok(seen.size > 2);
});
