// ESLint (npm run lint): correctness rules for the repository's TypeScript and JavaScript, Lit's and
// custom elements' rules for the element, and no focused or skipped test. Layout is Prettier's job
// (.prettierrc.json), so no rule here is about formatting.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import './scripts/lint/typescript-api.js';
import tseslint from 'typescript-eslint';

/** `it.only`, `describe.skip`, Playwright's `test.only`, `test.describe.skip`, `test.fixme`, `this.skip()`, … */
const focusedOrSkipped = [
  {
    selector:
      'MemberExpression[object.name=/^(describe|context|suite|it|specify|test)$/][property.name=/^(only|skip|fixme)$/]',
    message: 'A committed test is never focused or skipped: fix it, or delete it.',
  },
  {
    selector:
      "MemberExpression[object.object.name='test'][object.property.name=/^(describe|step)$/]" +
      '[property.name=/^(only|skip|fixme)$/]',
    message: 'A committed test is never focused or skipped: fix it, or delete it.',
  },
  {
    selector: 'CallExpression[callee.name=/^(x|f)(describe|context|it|specify)$/]',
    message: 'A committed test is never focused or skipped: fix it, or delete it.',
  },
  {
    selector: "CallExpression[callee.object.type='ThisExpression'][callee.property.name='skip']",
    message: 'A committed test is never skipped at run time: a test that cannot run here fails.',
  },
];

export default defineConfig(
  globalIgnores([
    'node_modules/',
    'dist/',
    'demo-dist/',
    'test-output/',
    '.size/',
    'custom-elements.json',
    'docs/project/benchmarks.md',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      // tsc (strict, noUnusedLocals, noUnusedParameters) already reports these for TypeScript;
      // kept for the plain JavaScript. An underscore marks an argument kept for its position, and
      // `const { PORT, ...env } = process.env` is how a key is left out of a copy.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // `let m!: Mounted` before a closure that reads it and the assignment that follows is how a
      // test hands a fake the element it is about to mount; const cannot say that.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Lines of code are kept to 120 by Prettier; comments and strings it leaves alone.
      'max-len': [
        'warn',
        { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true, ignorePattern: '^import |^export .* from ' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/server/**', 'src/testing/msw*.ts'],
    languageOptions: { globals: globals.browser },
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended'], wc.configs['flat/best-practice']],
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
    rules: {
      // LitElement implements every lifecycle callback, so a super call needs no guard.
      'wc/guard-super-call': 'off',
    },
  },
  {
    // A customer text is one string, read and translated whole; splitting it to fit a line helps nobody.
    files: ['src/translations/**'],
    rules: { 'max-len': 'off' },
  },
  {
    files: ['src/server/**', 'src/testing/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['demo/**', 'scripts/bench/pages/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    // The bench's drivers hand functions to page.evaluate, which run in the page.
    files: ['scripts/bench/*.mjs'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // Plain JavaScript checked by tsc through JSDoc has no other way to bring in a file of global types.
    files: ['**/*.{js,mjs}'],
    rules: { '@typescript-eslint/triple-slash-reference': ['error', { path: 'always' }] },
  },
  {
    files: ['scripts/**/*.{js,mjs,mts}', '*.{js,mjs,ts}', 'test/node/**', 'test/smoke/**'],
    ignores: ['scripts/bench/pages/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['test/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.mocha } },
    rules: { 'no-restricted-syntax': ['error', ...focusedOrSkipped] },
  },
);
