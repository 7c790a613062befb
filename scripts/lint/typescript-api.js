// typescript-eslint parses with TypeScript's JavaScript API, which TypeScript 7 (the native compiler
// that type-checks and emits this package) does not ship. TypeScript's side-by-side package,
// @typescript/typescript6, carries the 6.0 API: inside the ESLint process, and only there, the
// module `typescript` is that API. tsc, the build and the tests keep TypeScript 7. Imported by
// eslint.config.js before typescript-eslint; remove it once typescript-eslint reads TypeScript 7.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const seven = require.resolve('typescript');
const six = require.resolve('@typescript/typescript6');
require(six);
require.cache[seven] = require.cache[six];
