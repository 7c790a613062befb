// The package as a consumer gets it: `npm pack`, installed into a scratch project, type-checked
// (strict, without skipLibCheck, under nodenext and bundler resolution), bundled, and the bundle
// run in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../scripts/test/chromium.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');

test(
  'the packed package installs, type-checks and bundles in a consumer project, and loads nothing on import',
  { timeout: 240_000 },
  async (t) => {
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
    await run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'],
      { cwd: dir },
    );
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
    const imports = ['fc-relink', 'fc-relink/element', 'fc-relink/react', 'fc-relink/server']
      .map((e) => `await import('${e}');`)
      .join('');
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
    const seen = await loadInChromium(outputFiles[0].text);
    assert.equal(seen.defined, true, 'importing fc-relink registers <fc-relink>');
    // Importing the package, and an element on the page with no one near it, load nothing:
    // Stripe.js only comes with intent or an attempt.
    assert.deepEqual(seen.stripeRequests, [], 'no request to js.stripe.com');
    assert.deepEqual(seen.stripeScripts, [], 'no Stripe.js script injected');
    assert.deepEqual(seen.sessionRequests, [], 'no session request');
  },
);

/**
 * Runs a consumer's bundle in a page of Chromium (every request answered by a route, nothing
 * reaching the network), then puts an <fc-relink> on the page and waits: what did they load?
 */
async function loadInChromium(bundle) {
  const origin = 'http://consumer.test';
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const stripeRequests = [];
    const sessionRequests = [];
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin === origin && url.pathname === '/') {
        return route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><script type="module" src="/main.js"></script>',
        });
      }
      if (url.origin === origin && url.pathname === '/main.js')
        return route.fulfill({ contentType: 'text/javascript', body: bundle });
      if (url.hostname === 'js.stripe.com') stripeRequests.push(url.href);
      if (url.pathname === '/api/relink-session') sessionRequests.push(url.href);
      return route.abort('blockedbyclient');
    });
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page
      .waitForFunction(() => customElements.get('fc-relink') !== undefined, undefined, { timeout: 5000 })
      .catch(() => {});
    const defined = await page.evaluate(async () => {
      const el = document.createElement('fc-relink');
      el.setAttribute('publishable-key', 'pk_test_123');
      el.setAttribute('session-url', '/api/relink-session');
      document.body.append(el);
      // Long enough for anything an import or a connected element would start on its own.
      await new Promise((resolve) => setTimeout(resolve, 500));
      return customElements.get('fc-relink') !== undefined;
    });
    const stripeScripts = await page.evaluate(() =>
      [...document.scripts].map((script) => script.src).filter((src) => src.includes('js.stripe.com')),
    );
    return { defined, stripeRequests, stripeScripts, sessionRequests };
  } finally {
    await browser.close();
  }
}
