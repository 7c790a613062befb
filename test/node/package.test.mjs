// The package as a consumer gets it: `npm pack`, installed into a scratch project, type-checked
// (strict, without skipLibCheck, under nodenext and bundler resolution) and bundled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');

test('the packed package installs, type-checks and bundles in a consumer project', { timeout: 240_000 }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'fc-relink-consumer-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await run('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: root });
  const tarball = (await readdir(dir)).find((f) => f.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack made a tarball');

  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const dev = pkg.devDependencies;
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      private: true,
      type: 'module',
      dependencies: {
        'fc-relink': `file:./${tarball}`,
        react: dev.react,
        'react-dom': dev['react-dom'],
        '@types/react': dev['@types/react'],
        preact: dev.preact,
      },
    }),
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'], { cwd: dir });
  for (const file of ['main.ts', 'react-app.tsx', 'preact-app.tsx', 'tsconfig.json', 'tsconfig.bundler.json']) {
    await cp(join(root, 'test/consumer', file), join(dir, file));
  }

  // Strict type-checks: typed events, and each @ts-expect-error must be an error.
  for (const config of ['tsconfig.json', 'tsconfig.bundler.json']) {
    await run(process.execPath, [tsc, '-p', config], { cwd: dir }).catch((error) => {
      assert.fail(`tsc -p ${config} failed:\n${error.stdout}${error.stderr}`);
    });
  }

  // Every entry imports in Node (server-side rendering) from the installed package.
  const imports = ['fc-relink', 'fc-relink/element', 'fc-relink/react', 'fc-relink/server'].map((e) => `await import('${e}');`).join('');
  await run(process.execPath, ['--input-type=module', '-e', imports], { cwd: dir });

  // A bundler keeps the registration (sideEffects) and bundles the rest.
  const { outputFiles } = await build({
    entryPoints: [join(dir, 'main.ts')],
    absWorkingDir: dir,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  });
  assert.match(outputFiles[0].text, /customElements\.define\(\s*"fc-relink"/);
  assert.doesNotMatch(outputFiles[0].text, /https:\/\/js\.stripe\.com\/[a-z]+\/stripe\.js.*\n.*document\.head\.appendChild/, 'nothing injected at import');
});
