// What each feature of fc-relink costs in its own code (gzip), measured as scripts/own-size.mjs
// measures the whole: bundle `import 'fc-relink'` minified with esbuild, subtract a bundle of
// the parts of Lit and @stripe/stripe-js/pure it uses. Each row builds a copy of src/ with one
// feature taken out and reports how much smaller that is. Run: `node scripts/size-features.mjs`.
// (Not part of `npm test`: it answers "what would reaching a smaller budget cost?")
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { compactTemplates } from '../rollup.config.mjs';
import { LIT_AND_LOADER, bundle as bundleIn, gzip } from './bundle-size.mjs';

const root = join(import.meta.dirname, '..');
// Inside the repository, so that lit and @stripe/stripe-js resolve as they do for src/.
const work = join(root, '.size', 'features');
// The css`…` and html`…` whitespace the npm build removes (rollup.config.mjs), so figures match.
const compact = {
  name: 'compact-templates',
  setup(b) {
    b.onLoad({ filter: /\/src\/.*\.ts$/ }, (args) => {
      const code = readFileSync(args.path, 'utf8');
      return { contents: compactTemplates.transform(code, args.path)?.code ?? code, loader: 'ts' };
    });
  },
};

const bundle = (contents, extra) => bundleIn(contents, work, extra);

mkdirSync(work, { recursive: true });
const base = gzip(await bundle(LIT_AND_LOADER));

/** Copies src/, applies `edits` ([file, from, to]; each must apply), and measures own code. */
async function ownWith(edits = []) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(join(root, 'src'), join(work, 'src'), { recursive: true });
  // The package's own sideEffects rule, for the copy.
  writeFileSync(join(work, 'package.json'), JSON.stringify({ type: 'module', sideEffects: ['./src/index.ts', './src/define.ts'] }));
  for (const [file, from, to] of edits) {
    const path = join(work, 'src', file);
    const text = readFileSync(path, 'utf8');
    const changed = text.replace(from, to);
    if (changed === text) throw new Error(`${file}: the edit for this feature no longer applies; update scripts/size-features.mjs`);
    writeFileSync(path, changed);
  }
  return gzip(await bundle(`import './src/index.ts';`, { plugins: [compact] })) - base;
}

const features = {
  'verify-url / verifySession (the server confirms a success)': [
    ['internal/attempt.ts', /await verifyRelink\([^)]*\);/, ''],
  ],
  'Trusted Types: injecting Stripe.js through a one-URL policy': [
    ['internal/stripe.ts', 'if (!stripeJsOnPage()) await injectStripeJs();', ''],
  ],
  'prefetch (session requested on intent, matched, kept, dropped)': [
    ['internal/warmup.ts', /#prefetch\(\): void \{[\s\S]*?\n {2}\}\n/, '#prefetch(): void {}\n'],
    ['internal/warmup.ts', /take\(config: AttemptConfig, signal: AbortSignal\): Promise<ValidSession> \| null \{[\s\S]*?\n {2}\}\n/, 'take(): null { return null; }\n'],
  ],
  'preload="visible" and "eager"': [
    ['internal/warmup.ts', /preloadChanged\(\): void \{[\s\S]*?\n {2}\}\n/, 'preloadChanged(): void {}\n'],
  ],
  'styles (the CSS and its custom properties)': [['fc-relink.styles.ts', /css`[^`]*`/, 'css``']],
  'redaction of secrets in every message': [
    ['internal/redact.ts', /const RANDOM[\s\S]*$/, 'export function redact(message: string, _max = 300): string { return message; }\n'],
  ],
  'status texts shown to the customer': [
    ['fc-relink.ts', /(loading|open|verifying|success|cancel): '[^']*'/g, "$1: ''"],
  ],
};

const whole = await ownWith();
console.log(`fc-relink's own code, built from src/ as every row is: ${whole} B gzip (scripts/own-size.mjs measures dist/, a few bytes apart; target 5000 B)\n`);
console.log('| without | own code | saves |');
console.log('|---|---|---|');
for (const [name, edits] of Object.entries(features)) {
  const size = await ownWith(edits);
  console.log(`| ${name} | ${size} B | ${whole - size} B |`);
}

// Every error message's words (kept: the codes, the ids and values they interpolate): blanked in
// the minified bundle of our code alone, as a JS parse would find them.
const ours = await bundle(`import './src/index.ts';`, { plugins: [compact], external: ['lit', 'lit/*', '@stripe/*'] });
const wordless = blankMessages(ours);
await transform(wordless, { loader: 'js', format: 'esm' }); // still JavaScript
const saved = gzip(ours) - gzip(wordless);
console.log(`| the words of every error message (approximate: measured without Lit) | ${whole - saved} B | ${saved} B |`);
if (process.env.SHOW) writeFileSync(join(root, '.size', 'wordless.js'), wordless);
rmSync(work, { recursive: true, force: true });

/**
 * Empties the text of string literals and template-literal parts that read as prose (a space, a
 * letter), except in tagged templates (css`…`, html`…`), the error table and the status texts
 * measured above. A small tokenizer for esbuild's minified output, which has no comments.
 */
function blankMessages(code) {
  const prose = (text) => / /.test(text) && /[a-z]/i.test(text) && !/^invalid_config \d/.test(text);
  const status = (at) => /(?:loading|open|verifying|success|cancel):$/.test(code.slice(Math.max(0, at - 12), at));
  let out = '';
  let i = 0;
  let depth = 0; // open braces
  const templates = []; // for each template expression we are in: its brace depth, and whether the template is tagged
  // Scans template text from i (just after ` or }) to its end (` or ${), and emits it.
  const templateText = (tagged) => {
    let j = i;
    while (code[j] !== '`' && !(code[j] === '$' && code[j + 1] === '{')) j += code[j] === '\\' ? 2 : 1;
    const text = code.slice(i, j);
    out += prose(text) && !tagged ? '' : text;
    if (code[j] === '`') {
      out += '`';
      i = j + 1;
    } else {
      out += '${';
      templates.push({ depth, tagged });
      i = j + 2;
    }
  };
  while (i < code.length) {
    const c = code[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (code[j] !== c) j += code[j] === '\\' ? 2 : 1;
      const text = code.slice(i + 1, j);
      out += prose(text) && !status(i) ? c + c : code.slice(i, j + 1);
      i = j + 1;
    } else if (c === '`') {
      const tagged = /[\w$]$/.test(out);
      out += '`';
      i += 1;
      templateText(tagged);
    } else if (c === '}' && templates.length && templates.at(-1).depth === depth) {
      out += '}';
      i += 1;
      templateText(templates.pop().tagged);
    } else if (c === '/' && (/(?:^|[(,=:[!&|?{};])$/.test(out) || /\b(?:return|typeof|case|in|of)$/.test(out))) {
      // A regular expression literal.
      let j = i + 1;
      let inClass = false;
      while (code[j] !== '/' || inClass) {
        if (code[j] === '\\') j += 1;
        else if (code[j] === '[') inClass = true;
        else if (code[j] === ']') inClass = false;
        j += 1;
      }
      j += 1;
      while (/[a-z]/.test(code[j] ?? '')) j += 1;
      out += code.slice(i, j);
      i = j;
    } else {
      if (c === '{') depth += 1;
      if (c === '}') depth -= 1;
      out += c;
      i += 1;
    }
  }
  return out;
}
