// The values the property tests' arbitraries plant in what they generate: secrets (as tokens the
// stand-ins replace), markup, and messages made of them. See ./arbitraries.ts.
import fc from 'fast-check';

// Secrets the arbitraries plant in messages, bodies and headers. Built from parts so no
// secret-key-shaped literal sits in the source; they are not real keys.
export const SECRET_KEY = ['sk', 'test', 'fuzzPlanted'.padEnd(24, '7')].join('_');
export const RESTRICTED_KEY = ['rk', 'live', 'fuzzPlanted'.padEnd(24, '3')].join('_');
/** Where the run's client secret goes. */
export const TOKEN_SECRET = '\u27e6secret\u27e7';
/** Where SECRET_KEY goes. */
export const TOKEN_KEY = '\u27e6sk\u27e7';
/** Where RESTRICTED_KEY goes. */
export const TOKEN_RK = '\u27e6rk\u27e7';

// Markup an attacker would try; every handler sets a flag that must stay unset.
export const MARKUP: readonly string[] = [
  '<img src=x onerror="window.__xssFired=1">',
  '<script>window.__xssFired=1</script>',
  '<svg onload="window.__xssFired=1"></svg>',
  '"><img src=x onerror=window.__xssFired=1>',
  '<iframe srcdoc="<script>parent.__xssFired=1</script>"></iframe>',
  '<a href="javascript:window.__xssFired=1">x</a>',
  '</div><b>bold</b><div>',
  '&lt;img src=x onerror=window.__xssFired=1&gt;',
  '${window.__xssFired=1}',
  '{{constructor.constructor("window.__xssFired=1")()}}',
];

const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKUP) },
);

/** A message: text, markup, and sometimes a planted client secret or key, glued to anything. */
export const messageArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: textArb },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.oneof(
          textArb,
          fc.constantFrom('', 'key: ', 'Invalid API Key provided: ', 'secret=', '"', '(', '_', 'x', 'Key'),
        ),
        fc.constantFrom(TOKEN_SECRET, TOKEN_KEY, TOKEN_RK),
        fc.oneof(textArb, fc.constantFrom('', '.', '"', ')', ' and more')),
      )
      .map(([a, b, c]) => a + b + c),
  },
);
