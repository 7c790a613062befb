// docs/measuring.md's worked example is worked: its funnel code, run on its data, gives its table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const doc = await readFile(new URL('../../docs/measuring.md', import.meta.url), 'utf8');
const section = (name) => {
  const match = doc.match(new RegExp(`<!-- measuring:${name} -->\\n([\\s\\S]*?)<!-- /measuring:${name} -->`));
  assert.ok(match, `docs/measuring.md has a measuring:${name} section`);
  return match[1];
};
const fenced = (text) => text.replace(/^```\w*\n/, '').replace(/```\s*$/, '');

test("the measuring guide's funnel, run on its example, is the table it shows", async () => {
  const rows = JSON.parse(fenced(section('data')));
  const code = fenced(section('code'));
  const { funnel } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const result = funnel(rows);
  const [header, , values] = section('result').trim().split('\n');
  const names = header
    .split('|')
    .map((cell) => cell.trim())
    .filter(Boolean);
  const numbers = values
    .split('|')
    .map((cell) => cell.trim())
    .filter(Boolean)
    .map(Number);
  assert.deepEqual(Object.keys(result), names);
  assert.deepEqual(Object.values(result), numbers);
});
