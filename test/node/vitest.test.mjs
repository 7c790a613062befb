// fc-relink/react and fc-relink/testing under Vitest, in jsdom and in happy-dom, with msw/node:
// the package sits in a scratch project's node_modules, as an integrator's install puts it, so
// Vitest loads it (and what it imports) with Node's own resolution, not the browser's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { section } from './support/readme.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
// What the example imports, and what the installed fc-relink imports in turn.
const DEPENDENCIES = [
  ...['react', 'react-dom', 'scheduler', 'msw', 'lit', '@lit', '@stripe'],
  ...['vitest', 'jsdom', 'happy-dom'],
];

async function scratchProject() {
  const dir = await mkdtemp(join(tmpdir(), 'fc-relink-vitest-'));
  const installed = join(dir, 'node_modules/fc-relink');
  await mkdir(installed, { recursive: true });
  // A copy, not a link: Vitest treats a file whose real path is under node_modules as installed.
  await cp(join(root, 'package.json'), join(installed, 'package.json'));
  await cp(join(root, 'dist'), join(installed, 'dist'), { recursive: true });
  for (const name of DEPENDENCIES) await symlink(join(root, 'node_modules', name), join(dir, 'node_modules', name));
  for (const file of ['integrator.test.tsx', 'vitest.config.mjs', 'node20.mjs']) {
    await cp(join(root, 'test/vitest', file), join(dir, file));
  }
  return dir;
}

test('the Vitest example in docs/testing.md is the one that runs', async () => {
  const file = await readFile(join(root, 'test/vitest/integrator.test.tsx'), 'utf8');
  const body = file.split('\n').slice(1).join('\n').trim();
  assert.equal(
    section('example:vitest-test')
      .replace(/^```tsx\n|```\s*$/g, '')
      .trim(),
    body,
  );
});

for (const environment of ['jsdom', 'happy-dom']) {
  const name = `<FcRelink> sets its props on the element and relinks under Vitest in ${environment}, with no config`;
  test(name, { timeout: 120_000 }, async (t) => {
    const dir = await scratchProject();
    t.after(() => rm(dir, { recursive: true, force: true }));
    const vitest = join(dir, 'node_modules/vitest/vitest.mjs');
    const args = [vitest, 'run', '--environment', environment];
    const env = { ...process.env, NO_COLOR: '1' };
    const result = await run(process.execPath, args, { cwd: dir, env }).catch((error) => error);
    assert.equal(result.code ?? 0, 0, `vitest failed:\n${result.stdout}${result.stderr}`);
    assert.match(result.stdout, /Tests\s+2 passed/);
  });
}
