// Every message the element or fc-relink/server shows passes through redact(): secrets go, and
// ordinary words that merely look like a key's prefix stay.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redact } from '../../dist/common/redact.js';

// Built from parts, so that no key-shaped literal sits in the source.
const key = (...parts) => parts.join('_');

test('removes client secrets, keys (masked too), glued keys and webhook secrets', () => {
  const cases = [
    [`Session ${key('fcsess', '1NxYz9', 'secret', 'aB3dE')} was used`, 'Session [client secret] was used'],
    [`Session ${key('fcsess', 'test', '9', 'secret', 'zzz')} was used`, 'Session [client secret] was used'],
    [`Invalid API Key provided: ${key('sk', 'test', '****1234')}`, 'Invalid API Key provided: [secret key]'],
    [`STRIPE_KEY_${key('sk', 'live', '51GluedRRRR')}`, 'STRIPE_KEY_[secret key]'],
    [`Key${key('sk', 'test', 'fuzzPlanted777')}!`, 'Key[secret key]!'],
    [`1${key('rk', 'live', 'abcdef123456')}`, '1[secret key]'],
    [`see ${key('whsec', 'abc123')}`, 'see [webhook secret]'],
    [`pk: ${key('pk', 'test', '51Abc')}`, 'pk: [publishable key]'],
  ];
  for (const [message, expected] of cases) assert.equal(redact(message), expected);
});

test('removes a webhook secret glued to a word, and a client secret in capitals', () => {
  const cases = [
    [`SIGNINGSECRET${key('whsec', 'abc123XYZ')}`, 'SIGNINGSECRET[webhook secret]'],
    [`STRIPE_WEBHOOK_SECRET_${key('whsec', 'abc123XYZ')}`, null],
    [`Session ${key('FCSESS', '1NXYZ9', 'SECRET', 'AB3DE')} was used`, 'Session [client secret] was used'],
    [`Session ${key('fcsess', '1NxYz9', 'SECRET', 'aB3dE')} was used`, 'Session [client secret] was used'],
  ];
  for (const [message, expected] of cases) {
    const out = redact(message);
    assert.doesNotMatch(out, /abc123XYZ|AB3DE|aB3dE/i, message);
    if (expected !== null) assert.equal(out, expected);
  }
});

test('leaves ordinary words and identifiers alone', () => {
  for (const message of [
    'network_test_failed',
    'Error in task_live_queue',
    'risk_live_score, disk_test_volume, bookmark_live_sync',
    'user_sk_12',
    'config.pk_test_mode',
    'client_secret_hash is missing',
    'webhook_secret_missing',
    'WEBHOOK_SECRET_MISSING',
    'CLIENT_SECRET_HASH is missing',
    'the whsec_ prefix',
  ]) {
    assert.equal(redact(message), message);
  }
});

test('caps a long message', () => {
  assert.equal(redact('x'.repeat(400)).length, 300);
});

test('caps a message of megabytes quickly, and a secret the cap falls in goes whole', () => {
  const started = performance.now();
  const huge = redact(`HTTP 500: ${'x'.repeat(5 * 1024 * 1024)}`);
  assert.ok(performance.now() - started < 200, 'took too long');
  assert.equal(huge, 'HTTP 500: …');
  // Long client secrets, redacted to far shorter text: the one a long message is cut in lands
  // inside the first 300 characters, whatever the offset of the cut.
  const secret = key('fcsess', '1NxYz9LongRandomPart', 'secret', 'aB3dE'.repeat(20));
  for (let pad = 0; pad <= secret.length + 1; pad++) {
    const out = redact(`${'a'.repeat(pad)} ${`${secret} `.repeat(40)}`);
    assert.ok(out.length <= 300);
    assert.ok(!out.includes('fcsess_') && !out.includes('aB3dE'), `a part of a secret shows (pad ${pad}): ${out}`);
  }
});
