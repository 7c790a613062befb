// The why-notes beside the element's CSS rules stay in the source: the build strips them from
// css`…` templates, so no comment ships in dist/ (npm modules or the CDN build). Needs
// `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cssComments } from '../../rollup.config.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function* jsFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsFiles(path);
    else if (entry.name.endsWith('.js')) yield path;
  }
}

/** The comments inside the css`…` templates of a source file, each as its first words. */
function templateComments(source) {
  const templates = source.match(/\bcss`[^`]*`/g) ?? [];
  const comments = templates.flatMap((t) => t.match(/\/\*[\s\S]*?\*\//g) ?? []);
  return comments.map((c) =>
    c
      .replace(/[/*\s]+/g, ' ')
      .trim()
      .slice(0, 40),
  );
}

test('the build strips comments from css templates and leaves the rules', () => {
  const source =
    'const s = css`\n  /* why */\n  a { color: red; }\n  /*\n   * more\n   */\n  b { margin: 0; }\n`;\n' +
    'const c = "/* not css */";';
  const { code } = cssComments.transform(source, 'x.ts');
  assert.equal(code, 'const s = css`\n  a { color: red; }\n  b { margin: 0; }\n`;\nconst c = "/* not css */";');
  assert.equal(cssComments.transform('const x = 1;', 'x.ts'), null);
});

test("no comment of the element's stylesheet ships in dist/", async () => {
  const comments = templateComments(await readFile(join(root, 'src/shell/styles.ts'), 'utf8'));
  assert.ok(comments.length >= 5, 'the stylesheet keeps its why-notes in the source');
  const styles = await readFile(join(root, 'dist/shell/styles.js'), 'utf8');
  assert.ok(styles.includes('forced-colors: active'), 'the rules ship');
  assert.equal(templateComments(styles).length, 0, 'no comment in the built stylesheet');
  for await (const file of jsFiles(join(root, 'dist'))) {
    const text = (await readFile(file, 'utf8')).replace(/\s+/g, ' ');
    for (const comment of comments) assert.ok(!text.includes(comment), `${file} ships "${comment}"`);
  }
});
