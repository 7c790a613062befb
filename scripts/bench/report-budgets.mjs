// The report's section on what a page pays per element and per click, beside the baselines,
// and the budget checks printed PASS or FAIL.
import { BUDGET_RUNS, PRELOADS, THROTTLE, budgetChecks } from './measure-budgets.mjs';

/** @typedef {import('./measure-budgets.mjs').Budgets} Budgets */

/** @param {(string | number)[][]} rows */
const table = ([head, ...rows]) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
const ms = (/** @type {number} */ v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');

/** @param {Budgets} b */
export function budgetReport(b) {
  const clickRows = [
    ['native `<button>`', b.click.native],
    ['minimal custom element', b.click.minimal],
    ...PRELOADS.map((preload) => [`fc-relink, preload="${preload}"`, b.click[`fc:${preload}`]]),
  ].map(([name, c]) => {
    const row = /** @type {Budgets['click'][string]} */ (c);
    return [
      String(name),
      ms(row.processing),
      ms(row.inp),
      `${row.measured} of ${row.runs}`,
      `${row.loadingShown} of ${row.runs}`,
    ];
  });
  const elementRows = [
    ['native `<button>` (+ status)', b.element.native],
    ['minimal custom element', b.element.minimal],
    ['fc-relink', b.element.fc],
  ].map(([name, e]) => {
    const row = /** @type {Budgets['element'][string]} */ (e);
    return [String(name), ms(row.render100), ms(row.render1000), row.nodes, `${Math.round(row.heapPerElement)} B`];
  });
  const checks = budgetChecks(b);
  const section = `CPU throttled ${THROTTLE}x (CDP \`Emulation.setCPUThrottlingRate\`), ${BUDGET_RUNS} interleaved runs
(\`BENCH_BUDGET_RUNS\`), each on a fresh page, medians. Baselines in the same runs: a native
\`<button>\` (\`pages/native.html\`) and a minimal hand-written custom element with a shadow root, a
shared stylesheet, a button and a status line (\`pages/minimal-element.js\`); their click shows a
loading text. The first click comes after the pointer rested 800 ms on the button. Click
processing and interaction to next paint are the click's Event Timing entry
(\`processingEnd − processingStart\`, \`duration\`; entries under 16 ms are not reported, hence the
count). Loading in the first paint: a frame callback asked for from a capturing click listener on
\`window\` reads the status text and \`aria-busy\`. Render: create and append N, \`updateComplete\`,
then the next paint. Nodes: every node in one shadow root (text and comments too). Heap:
\`Runtime.getHeapUsage\` after GC before and after 1000 elements. Page load: \`ScriptDuration\` to
load + 1 s, one element with \`import 'fc-relink'\` against Lit with one trivial element
(\`pages/lit.html\`).

${table([['page', 'click processing', 'interaction to next paint', 'clicks with an entry', 'loading in the first paint'], ...clickRows])}

${table([['element', 'render 100', 'render 1000', 'DOM nodes per element', 'heap per element'], ...elementRows])}

Page-load script evaluation: fc-relink ${ms(b.load.fc)}, Lit with one trivial element ${ms(b.load.lit)}.

${table([['budget', 'figure vs limit', 'result'], ...checks.map((c) => [c.name, c.figure, c.pass ? 'PASS' : 'FAIL'])])}`;
  const lines = checks.map((c) => `${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${c.figure}`);
  return { section, lines };
}
