// The lint configuration holds the rules the contributors' guide states: no focused or skipped test
// reaches a commit, and what is built or generated is neither linted nor laid out.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';

const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The rules a snippet breaks, linted as if it were the test file at `filePath`. */
async function rulesBroken(code, filePath) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('the lint configuration', () => {
  const focusedOrSkipped = [
    ['a focused mocha suite', "describe.only('a', () => {});"],
    ['a skipped mocha test', "it.skip('a', () => {});"],
    ['an x-prefixed test', "xit('a', () => {});"],
    ['a test skipped at run time', "it('a', function () { this.skip(); });"],
    ['a focused Playwright test', "test.only('a', () => {});"],
    ['a skipped Playwright suite', "test.describe.skip('a', () => {});"],
    ['a Playwright test marked to fix later', "test.fixme('a', () => {});"],
  ];
  for (const [what, code] of focusedOrSkipped) {
    it(`refuses ${what}`, async () => {
      assert.deepEqual(await rulesBroken(`${code}\n`, 'test/browser/example.test.ts'), ['no-restricted-syntax']);
    });
  }

  it('accepts a plain test with a hook', async () => {
    const code = "describe('a', () => {\n  beforeEach(() => {});\n  it('b', () => {});\n});\n";
    assert.deepEqual(await rulesBroken(code, 'test/e2e/example.spec.ts'), []);
  });

  it('reports a duplicate binding in an element template', async () => {
    const code = "import { html } from 'lit';\nexport const view = () => html`<p a=${1} a=${2}></p>`;\n";
    assert.deepEqual(await rulesBroken(code, 'src/example.ts'), ['lit/no-duplicate-template-bindings']);
  });

  for (const path of ['dist/index.js', 'demo-dist/main.js', 'test-output/report.js', 'custom-elements.json']) {
    it(`leaves the generated ${path} alone`, async () => {
      assert.equal(await eslint.isPathIgnored(path), true);
      const info = await prettier.getFileInfo(`${root}${path}`, { ignorePath: `${root}.prettierignore` });
      assert.equal(info.ignored, true);
    });
  }

  it('leaves package-lock.json and the generated benchmarks to npm and the bench', async () => {
    for (const path of ['package-lock.json', 'docs/project/benchmarks.md']) {
      const info = await prettier.getFileInfo(`${root}${path}`, { ignorePath: `${root}.prettierignore` });
      assert.equal(info.ignored, true, path);
    }
  });
});
