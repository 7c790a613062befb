// The shipped translations: each says everything English says, for a customer, in its own
// language, and registers itself when imported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';

const SHIPPED = ['en', 'ja', 'fr', 'de', 'es', 'it', 'nl', 'pt', 'ar'];
const load = async (code) => (await import(`fc-relink/translations/${code}`)).default;

test('every shipped language is a module of fc-relink/translations, and no other', async () => {
  const files = (await readdir(new URL('../../src/translations/', import.meta.url))).map((file) => file.replace(/\.ts$/, ''));
  assert.deepEqual(files.sort(), [...SHIPPED].sort());
});

test('every translation has exactly the keys English has, in the same order', async () => {
  const en = await load('en');
  for (const code of SHIPPED) {
    assert.deepEqual(Object.keys(await load(code)), Object.keys(en), code);
  }
});

test('every translation names its language, its direction and a text for each key', async () => {
  for (const code of SHIPPED) {
    const t = await load(code);
    assert.equal(t.$code, code);
    assert.equal(t.$dir, code === 'ar' ? 'rtl' : 'ltr', `${code} direction`);
    for (const [key, text] of Object.entries(t)) assert.ok(typeof text === 'string' && text.trim().length > 0, `${code}.${key}`);
  }
});

test('no text a customer reads names a URL, an error code, an HTTP status or an attribute', async () => {
  const technical = /https?:|\/\/|[a-z]+_[a-z]+|HTTP|\b[45]\d\d\b|session-url|publishable|fca_|fcsess_/;
  for (const code of SHIPPED) {
    for (const [key, text] of Object.entries(await load(code))) {
      if (!key.startsWith('$')) assert.doesNotMatch(text, technical, `${code}.${key}`);
    }
  }
});

test('a retryable error, Stripe out of reach and a final error never read the same', async () => {
  for (const code of SHIPPED) {
    const { retry, blocked, unavailable } = await load(code);
    assert.equal(new Set([retry, blocked, unavailable]).size, 3, code);
  }
});
