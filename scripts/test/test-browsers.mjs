// `npm run test:browser [-- files…]`: the browser suite in Chromium, then Firefox, then WebKit
// (BROWSERS picks some), one web-test-runner run each: on a small machine, three engines at once
// take longer than one after another, and their timing-sensitive tests suffer. Every engine runs
// even when one fails; the exit code is 1 if any failed.
// The property-based tests get 300 runs per property in Chromium and fewer in the others, which
// run them several times slower (`npm run fuzz` is Chromium's, with 10,000).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { enginesFromEnv } from './wtr-browsers.mjs';

const PROPERTY_RUNS = { chromium: 300, firefox: 50, webkit: 50 };

const wtr = fileURLToPath(new URL('../../node_modules/.bin/web-test-runner', import.meta.url));

let current = null;
// A terminal's Ctrl+C reaches the child too; a signal sent to this process alone is passed on,
// so that the child stops its browsers (and WebKit's Xvfb and driver) before both exit.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (current) current.kill(signal);
    else process.exit(1);
  });
}

function run(engine) {
  return new Promise((resolve) => {
    const env = {
      ...process.env,
      BROWSERS: engine,
      PROPERTY_RUNS: process.env.PROPERTY_RUNS ?? String(PROPERTY_RUNS[engine]),
    };
    current = spawn(wtr, process.argv.slice(2), { env, stdio: 'inherit' });
    current.on('exit', (code, signal) => {
      current = null;
      resolve(signal ? 128 : (code ?? 1));
    });
  });
}

const results = [];
for (const engine of enginesFromEnv()) {
  const started = performance.now();
  const code = await run(engine);
  results.push({ engine, code, seconds: Math.round((performance.now() - started) / 1000) });
  if (code >= 128) break; // interrupted: stop here
}
console.log(
  `\nBrowser tests: ${results.map(({ engine, code, seconds }) => `${engine} ${code === 0 ? 'passed' : 'FAILED'} (${seconds} s)`).join(', ')}`,
);
process.exit(results.every(({ code }) => code === 0) ? 0 : 1);
