// The shipped translations: each says everything English says, for a customer, in its own
// language, and registers itself when imported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';

const SHIPPED = ['en', 'ja', 'fr', 'de', 'es', 'it', 'nl', 'pt', 'ar'];
const load = async (code) => (await import(`fc-relink/translations/${code}`)).default;

test('every shipped language is a module of fc-relink/translations, and no other', async () => {
  const files = (await readdir(new URL('../../src/translations/', import.meta.url))).map((file) =>
    file.replace(/\.ts$/, ''),
  );
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
    for (const [key, text] of Object.entries(t))
      assert.ok(typeof text === 'string' && text.trim().length > 0, `${code}.${key}`);
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

test('the errors a customer can meet never read the same: each says what happened and what to do', async () => {
  const errors = ['retry', 'blocked', 'unavailable', 'signedOut', 'unconfirmed', 'otherAccount'];
  for (const code of SHIPPED) {
    const t = await load(code);
    assert.equal(new Set(errors.map((key) => t[key])).size, errors.length, code);
  }
});

test('a text with a date holds the {date} placeholder exactly once, and no other text has braces', async () => {
  const dated = /^reason\w+(On|By)$/;
  const en = await load('en');
  const datedKeys = Object.keys(en).filter((key) => dated.test(key));
  for (const key of ['reasonExpiringOn', 'reasonPermissionsBy']) assert.ok(datedKeys.includes(key), key);
  for (const code of SHIPPED) {
    for (const [key, text] of Object.entries(await load(code))) {
      if (dated.test(key)) {
        assert.equal(text.split('{date}').length, 2, `${code}.${key} has {date} once`);
        assert.doesNotMatch(text.replace('{date}', ''), /[{}]/, `${code}.${key}`);
      } else {
        assert.doesNotMatch(text, /[{}]/, `${code}.${key}`);
      }
    }
  }
});

test('the text for Stripe out of reach is short in English: at most 80 characters', async () => {
  const { blocked } = await load('en');
  assert.ok(blocked.length <= 80, `${blocked.length} characters`);
});
