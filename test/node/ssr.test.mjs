// Importing the package where there is no DOM (server-side rendering, Node) must not throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('every entry imports in Node without a DOM', async () => {
  assert.equal(typeof globalThis.window, 'undefined');
  const main = await import('../../dist/index.js');
  const element = await import('../../dist/element.js');
  assert.equal(typeof main.FcRelinkElement, 'function');
  assert.equal(main.FcRelinkElement, element.FcRelinkElement);
  assert.deepEqual([...main.RELINK_ERROR_CODES].length, 11);
});

test('importing touches no browser global and defines nothing', async () => {
  await import('../../dist/index.js');
  assert.equal(typeof globalThis.document, 'undefined');
});
