// The bench's report: tables of every figure, the targets checked against this run, printed and
// written as Markdown to BENCH_OUT (docs/project/benchmarks.md).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COLD, DEFAULT, HAND, PREFETCH } from './measure-click.mjs';
import { THROTTLE } from './measure-budgets.mjs';
import { budgetReport } from './report-budgets.mjs';
import { bundleSizes, lazyChunks } from './server.mjs';
import {
  CLS_RUNS,
  CYCLES,
  ENDPOINT_MS,
  FLOW_MS,
  GAP_RETRIES,
  GAP_RETRY_BUDGET,
  GAP_TOLERANCE_MS,
  GAPS,
  HEADLINE_GAP,
  LOAD_RUNS,
  MEMORY_ROUNDS,
  OUT,
  ROOT,
  RUNS,
  SETTING_NAMES,
  STRIPE_MS,
} from './settings.mjs';

/** @typedef {import('./measure-click.mjs').Integration} Integration */
/**
 * @typedef {{
 *   element: Awaited<ReturnType<typeof import('./measure-page.mjs').measureElement>>,
 *   load: Awaited<ReturnType<typeof import('./measure-page.mjs').measureLoad>>,
 *   memory: Awaited<ReturnType<typeof import('./measure-page.mjs').measureMemory>>,
 *   latency: Awaited<ReturnType<typeof import('./measure-click.mjs').measureLatency>>,
 *   shift: Awaited<ReturnType<typeof import('./measure-click.mjs').measureShift>>,
 * }} Results
 */

/** Which fc-relink was measured: the commit, and whether src/ had uncommitted changes then. */
function revision() {
  try {
    const git = (/** @type {string[]} */ ...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'src') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes in src/' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

const fmtMs = (/** @type {number} */ v) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;
const fmtKiB = (/** @type {number} */ v) => `${(v / 1024).toFixed(1)} KiB`;
const fmtRatio = (/** @type {number} */ v) => (v < 0.1 ? v.toFixed(3) : v.toFixed(2));
const fmtX = (/** @type {number} */ v) => `${v >= 10 ? Math.round(v) : v.toFixed(1)}×`;

/**
 * A Markdown table, padded so that it also reads in a terminal.
 * @param {string[]} head @param {(string | number)[][]} rows
 */
function table(head, rows) {
  const cells = [head, ...rows.map((row) => row.map(String))];
  const widths = head.map((_, i) => Math.max(3, ...cells.map((row) => row[i].length)));
  const line = (/** @type {string[]} */ row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join(
    '\n',
  );
}

/**
 * Prints the report and writes it to BENCH_OUT (unless empty).
 * @param {{ results: Results, chromiumVersion: string, startedAt: number, loadAtStart: number[] }} run
 */
export function writeReport({ results, chromiumVersion, startedAt, loadAtStart }) {
  const elapsed = (Date.now() - startedAt) / 1000;
  const measured = revision();
  const { element, load, memory, latency, shift, budgets } = results;
  const { section: budgetSection, lines: budgetLines } = budgetReport(budgets);
  const coldRow = latency.find((row) => row.integration === COLD);
  const reference = latency.find((row) => row.integration === HAND);
  if (!reference) throw new Error('no hand-written reference row');
  const ratio = (/** @type {number} */ value) => value / reference.median;
  const findRow = (/** @type {Integration} */ integration, /** @type {number} */ gap) =>
    latency.find((r) => r.integration === integration && r.gap === gap);

  const rowOrder = (/** @type {(typeof latency)[number]} */ r) =>
    r.integration === HAND ? 0 : r.integration === COLD ? 1 : r.gap === HEADLINE_GAP ? 2 : 3;
  const latencyTable = table(
    [
      'integration',
      'hover → click',
      'median',
      'p95',
      'min–max',
      'median ÷ (a)',
      'speed-up vs (a)',
      'requests / attempt: session, Stripe.js',
      'begun before the click: session, Stripe.js',
    ],
    // (a), then (d), both after a click with nothing before it; then the hover gaps, the headline first.
    [...latency]
      .sort((x, y) => rowOrder(x) - rowOrder(y) || y.gap - x.gap || x.integration.key.localeCompare(y.integration.key))
      .map((r) => [
        r.integration.label,
        r.integration === HAND
          ? `${r.gap} ms (measured ${Math.round(r.gapMeasured)}); any gap`
          : r.integration === COLD
            ? `none: clicked as the pointer arrives (measured ${Math.round(r.gapMeasured)}, max ${Math.round(r.gapMax)}${r.retried ? `; ${r.retried} retried` : ''})`
            : `${r.gap} ms (measured ${Math.round(r.gapMeasured)}, max ${Math.round(r.gapMax)}${r.retried ? `; ${r.retried} retried` : ''})`,
        fmtMs(r.median),
        fmtMs(r.p95),
        `${fmtMs(r.min)}–${fmtMs(r.max)}`,
        r.integration === HAND ? '1' : fmtRatio(ratio(r.median)),
        r.integration === HAND ? '—' : fmtX(reference.median / r.median),
        `${r.sessionsPerRun.toFixed(2)}, ${r.stripePerRun.toFixed(2)}`,
        `${Math.round(r.earlySession * 100)} %, ${Math.round(r.earlyStripe * 100)} %`,
      ]),
  );

  const loadTable = table(
    [
      'page',
      'session requests',
      'js.stripe.com requests',
      'lazy fc-relink chunk requests',
      'all requests',
      'script time (median)',
      'JS heap (median)',
      'layout shift (max)',
    ],
    load.map((p) => [
      p.name,
      p.sessions,
      p.stripe,
      p.fc ? p.lazy : '—',
      p.all,
      fmtMs(p.scriptMs),
      fmtKiB(p.heap),
      p.cls.toFixed(3),
    ]),
  );

  const memoryTable = table(
    [
      'variant',
      `heap after GC vs warm baseline, after ${CYCLES} / ${2 * CYCLES} / ${3 * CYCLES} cycles`,
      'growth round 1 → 3, per cycle',
      'listeners on window + document (before → after)',
      'all JS listeners (before → after)',
      'fc-relink instances alive after each round',
      'census check (1 connected)',
      'session / Stripe.js requests',
    ],
    memory.map(({ name, result }) => {
      const { baseline, rounds, census, sessions, stripe } = result;
      const last = rounds[rounds.length - 1];
      return [
        name,
        rounds.map((r) => `${r.heap - baseline.heap >= 0 ? '+' : ''}${fmtKiB(r.heap - baseline.heap)}`).join(' / '),
        `${((last.heap - rounds[0].heap) / ((rounds.length - 1) * CYCLES)).toFixed(1)} B`,
        `${baseline.listeners} → ${last.listeners}`,
        `${baseline.jsListeners} → ${last.jsListeners}`,
        rounds.map((r) => r.alive).join(' / '),
        census,
        `${sessions} / ${stripe}`,
      ];
    }),
  );

  const elementTable = table(
    ['measure', 'figure'],
    [
      ['import + define (evaluation of the preloaded bundle), median of 3 pages', fmtMs(element.defineMs)],
      ['first render of one element, median of 3', fmtMs(element.firstRenderMs)],
      [`render ${element.many} elements at once, median of 3`, fmtMs(element.renderManyMs)],
      ['JS heap per connected element', fmtKiB(element.heapPerElement)],
      ...bundleSizes.map((b) => [`bundle: ${b.name}`, `${fmtKiB(b.bytes)} min, ${fmtKiB(b.gzip)} gzip`]),
    ],
  );

  const shiftTable = table(
    ['integration', `layout shift, click → terminal state (max of ${CLS_RUNS})`, 'terminal state'],
    shift.map((s) => [s.integration.label, s.shift.toFixed(4), s.terminal]),
  );

  // The targets, checked against this run.
  const headB = findRow(DEFAULT, HEADLINE_GAP);
  const headC = findRow(PREFETCH, HEADLINE_GAP);
  const lastRounds = memory.map((m) => m.result);
  const checks = [
    [
      `(c) at ${HEADLINE_GAP} ms is ≥ 10× faster than (a) (median)`,
      headC ? reference.median / headC.median >= 10 : false,
      headC ? `${fmtX(reference.median / headC.median)}` : 'not measured',
    ],
    [
      '(b) is never slower than (a) (median and p95, every gap)',
      latency
        .filter((r) => r.integration === DEFAULT)
        .every((r) => r.median <= reference.median && r.p95 <= reference.p95),
      latency
        .filter((r) => r.integration === DEFAULT)
        .map((r) => `${r.gap} ms: ${fmtMs(r.median)} / ${fmtMs(r.p95)}`)
        .join('; '),
    ],
    [
      '(d) a cold click is never slower than (a) (median and p95)',
      coldRow ? coldRow.median <= reference.median && coldRow.p95 <= reference.p95 : false,
      coldRow
        ? `${fmtMs(coldRow.median)} / ${fmtMs(coldRow.p95)} against ${fmtMs(reference.median)} / ${fmtMs(reference.p95)}`
        : 'not measured',
    ],
    [
      // Without a lazily loaded chunk to watch, a zero would prove nothing.
      'no lazily loaded fc-relink chunk, session or Stripe.js request at page load (1 and 100 elements)',
      lazyChunks.length > 0 &&
        load.filter((p) => p.fc).every((p) => p.lazy === 0 && p.sessions === 0 && p.stripe === 0),
      lazyChunks.length === 0
        ? 'no lazily loaded chunk found in the build'
        : `${load
            .filter((p) => p.fc)
            .map((p) => `${p.name}: ${p.lazy} + ${p.sessions} + ${p.stripe}`)
            .join('; ')} (chunks watched: ${lazyChunks.map((c) => c.replace('/fc/', '')).join(', ')})`,
    ],
    [
      'no fc-relink instance alive after the create/remove cycles',
      lastRounds.every((m) => m.rounds.every((r) => r.alive === 0) && m.census === 1),
      lastRounds.map((m) => m.rounds.map((r) => r.alive).join('/')).join(', '),
    ],
    [
      'no listener left on window or document',
      lastRounds.every((m) => m.rounds.every((r) => r.listeners === m.baseline.listeners)),
      lastRounds.map((m) => `${m.baseline.listeners}→${m.rounds[m.rounds.length - 1].listeners}`).join(', '),
    ],
    [
      // A retained element costs about a kilobyte, so even a tenth of one per cycle stands out.
      // A retained element is over a kilobyte, so a leak shows as a whole kilobyte per cycle; the
      // heap's own noise is a few KiB whatever the number of cycles, hence the floor.
      'no heap growth from round 1 to 3 beyond noise (under 64 B per cycle, or under 32 KiB in all)',
      lastRounds.every((m) => {
        const growth = m.rounds[m.rounds.length - 1].heap - m.rounds[0].heap;
        return growth < 32 * 1024 || growth / ((m.rounds.length - 1) * CYCLES) < 64;
      }),
      lastRounds
        .map((m) => {
          const growth = m.rounds[m.rounds.length - 1].heap - m.rounds[0].heap;
          return `${fmtKiB(growth)} (${(growth / ((m.rounds.length - 1) * CYCLES)).toFixed(1)} B per cycle)`;
        })
        .join(', '),
    ],
    [
      'no layout shift during an fc-relink attempt',
      shift.filter((s) => s.integration !== HAND).every((s) => s.shift === 0),
      shift.map((s) => `${s.integration.key}: ${s.shift.toFixed(4)}`).join(', '),
    ],
    [
      'no page load requested anything outside the page origin and js.stripe.com',
      load.every((p) => p.foreign === 0),
      load.map((p) => p.foreign).join(', '),
    ],
    [
      'every attempt opened exactly one flow, with a secret this page was given',
      [...latency, ...shift].every((r) => r.problems.length === 0),
      [...latency, ...shift].flatMap((r) => r.problems.map((p) => `${r.integration.key}: ${p}`)).join('; ') || 'yes',
    ],
  ];
  const checkTable = table(
    ['target', 'met', 'this run'],
    checks.map(([name, ok, detail]) => [String(name), ok ? 'yes' : '**no**', String(detail)]),
  );

  const ratioLines = [
    `- cold click, preload="none": (d)/(a) = ${coldRow ? fmtRatio(ratio(coldRow.median)) : '—'}`,
  ].concat(
    GAPS.map((gap) => {
      const b = findRow(DEFAULT, gap);
      const c = findRow(PREFETCH, gap);
      return `- ${gap} ms hover: (b)/(a) = ${b ? fmtRatio(ratio(b.median)) : '—'}, (c)/(a) = ${c ? fmtRatio(ratio(c.median)) : '—'}${gap === HEADLINE_GAP ? ' (headline)' : ''}`;
    }),
  );

  const cpus = os.cpus();
  const machine = [
    `- CPU: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} cores; memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()}); Node ${process.version}`,
    `- Chromium ${chromiumVersion}, headless, through Playwright`,
    // A shared machine's other work shows in every figure; this says how busy it was.
    `- load average (1 min) at start ${loadAtStart[0].toFixed(2)}, at end ${os.loadavg()[0].toFixed(2)}`,
  ];
  const settings = [
    `- merchant endpoint latency BENCH_ENDPOINT_MS=${ENDPOINT_MS}; Stripe.js load latency BENCH_STRIPE_MS=${STRIPE_MS}`,
    `- BENCH_RUNS=${RUNS} attempts per row, each on a fresh browser context (no cache); hover-to-click gaps BENCH_GAPS=${GAPS.join(',')}`,
    `- page load: BENCH_LOAD_RUNS=${LOAD_RUNS} loads per page, measured up to load + 1 s; memory: ${MEMORY_ROUNDS} rounds of BENCH_CYCLES=${CYCLES} create/append/render/remove cycles`,
    `- layout shift: BENCH_CLS_RUNS=${CLS_RUNS} attempts per integration, from the click until the fake customer cancels ${FLOW_MS} ms into the flow`,
  ];

  const headline = [headB, headC].every(Boolean)
    ? `Click to \`collectFinancialConnectionsAccounts\` after a ${HEADLINE_GAP} ms hover, medians: (a) hand-written ${fmtMs(reference.median)}, (b) fc-relink with defaults ${fmtMs(headB?.median ?? NaN)} ((b)/(a) = ${fmtRatio(ratio(headB?.median ?? NaN))}), (c) with \`preload="intent" prefetch\` ${fmtMs(headC?.median ?? NaN)} ((c)/(a) = ${fmtRatio(ratio(headC?.median ?? NaN))}, ${fmtX(reference.median / (headC?.median ?? NaN))} faster). A cold click, (d) with \`preload="none"\` and nothing before the click: ${fmtMs(coldRow?.median ?? NaN)} ((d)/(a) = ${fmtRatio(ratio(coldRow?.median ?? NaN))}).`
    : 'No headline: a row is missing.';

  // Shifts at page load come from the element's upgrade: before its definition runs, an empty
  // <fc-relink> takes no room, and the first render pushes what follows it down.
  const loadShift = Math.max(...load.filter((p) => p.fc).map((p) => p.cls));
  const loadShiftNote =
    loadShift > 0
      ? `\n\nThe layout shift at load (up to ${loadShift.toFixed(3)}) happens when the elements upgrade: until the module has run, an undefined \`<fc-relink>\` takes no room, and its first render moves the text below it. A page can reserve the room (for instance \`fc-relink:not(:defined) { display: inline-block; min-height: … }\`, sized like the rendered element).`
      : '';

  // The command that reproduces this run: every setting given in the environment, then the script.
  const command = [
    ...SETTING_NAMES.filter((name) => process.env[name] !== undefined && process.env[name] !== '').map(
      (name) => `${name}=${process.env[name]}`,
    ),
    'npm run bench',
  ].join(' ');

  const report = `# Benchmarks

Written by \`npm run bench\` (scripts/bench/) on ${new Date(startedAt).toISOString()}, in ${Math.round(elapsed)} s.
Command: \`${command}\`, on fc-relink ${measured}.

## Headline

${headline}

## Machine

${machine.join('\n')}

## Settings

${settings.join('\n')}

## Click to flow

Time from the click (a capturing \`click\` listener on \`window\`, installed before any page script)
to the call of \`collectFinancialConnectionsAccounts\` (recorded by the stand-in Stripe.js), both
\`performance.now()\` in the page. The pointer moves onto the button, rests for the gap, then
presses and releases; the gap column shows the gap measured in the page (pointer over the button
to click), and an attempt whose gap overshot by more than ${GAP_TOLERANCE_MS} ms (a busy machine) is run
again, up to ${GAP_RETRIES} times (and ${GAP_RETRY_BUDGET} times in all; after that an attempt counts as it came). (a) does nothing on hover, so it is measured at the ${HEADLINE_GAP} ms
gap and every ratio is against that figure. (d) is a cold click: \`preload="none"\`, and the
button is pressed as soon as the pointer arrives, so nothing is loaded before the click. Rows run
interleaved, each attempt on a fresh browser context, after one discarded warm-up attempt per
integration.

${latencyTable}

Ratios of medians (below 1 is faster than the hand-written integration):

${ratioLines.join('\n')}

## Page load, before any interaction

Requests and main-thread cost from navigation to load + 1 s, without any pointer or keyboard
input. Script time is Chromium's \`ScriptDuration\` (CDP \`Performance.getMetrics\`) for the whole
page, median of the loads; compare against the no-script baseline. Layout shift here is the
page's own, before any click: the largest sum over the loads. Lazy fc-relink chunks are the
chunks of the build reached only through a dynamic \`import()\` (read from esbuild's metafile):
code only an attempt or a sign of intent may fetch.

${loadTable}${loadShiftNote}

## Memory

Per variant, a fresh page: 100 warm-up cycles, then ${MEMORY_ROUNDS} rounds of ${CYCLES} cycles of
create, set attributes, append, \`await updateComplete\`, remove. Heap is \`Runtime.getHeapUsage\`
after two forced GCs; listeners are \`DOMDebugger.getEventListeners\` on \`window\` and \`document\`;
instances alive are counted with \`Runtime.queryObjects\` on \`FcRelinkElement.prototype\` after GC
(the census check counts 1 while one element is connected, to show that the count works).

${memoryTable}

## Layout shift during an attempt

Sum of every \`layout-shift\` entry (including those with \`hadRecentInput\`) from the click to the
terminal state, with text below the button on the page.

${shiftTable}

## The element's own cost

${elementTable}

## Per element and per click, against the baselines

${budgetSection}

## Targets

${checkTable}

## What is and is not simulated

- Latency is network latency only: the stand-in Stripe.js costs nothing to parse and run, and the
  endpoint answers after a fixed delay. Real Stripe.js adds its own evaluation time to whichever
  integration loads it after the click.
- Every request goes through a Playwright route, which adds a few milliseconds of IPC to each;
  all integrations pay it alike.
- (a) is the lazy, sequential integration: session, then Stripe.js, then the flow, all after the
  click; (d) starts the same work on the click, with the session request and Stripe.js side by
  side. A page that loads Stripe.js at page load instead would be faster after the click and pay
  for Stripe.js on every page view, which is what fc-relink avoids (see Page load).
`;

  console.log(`\nfc-relink bench — Chromium ${chromiumVersion}, ${os.cpus().length} cores, ${Math.round(elapsed)} s\n`);
  console.log(
    `Click to flow (endpoint ${ENDPOINT_MS} ms, Stripe.js ${STRIPE_MS} ms, ${RUNS} runs each)\n${latencyTable}\n`,
  );
  console.log(`${ratioLines.join('\n')}\n`);
  console.log(`Page load\n${loadTable}\n`);
  console.log(`Memory\n${memoryTable}\n`);
  console.log(`Layout shift\n${shiftTable}\n`);
  console.log(`Element\n${elementTable}\n`);
  console.log(`Targets\n${checkTable}\n`);
  console.log(`Budgets (per element and per click, CPU throttled ${THROTTLE}x)\n${budgetLines.join('\n')}\n`);
  if (OUT) {
    const file = path.resolve(ROOT, OUT);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, report);
    console.log(`Wrote ${OUT}`);
  }
}
