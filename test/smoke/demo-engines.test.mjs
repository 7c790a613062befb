// The built QA demo (demo-dist/) in Firefox and WebKit, which Playwright cannot drive here (its
// end-to-end tests, test/e2e/, run in Chromium): a relink that succeeds and one the customer
// cancels, with real clicks and keys, also under the demo's strict Content-Security-Policy
// (Trusted Types enforced). Firefox through puppeteer-core (WebDriver BiDi), WebKit through
// WebdriverIO and WebKitWebDriver. BROWSERS (see scripts/test/wtr-browsers.mjs) picks the engines.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { firefoxExecutable, startWebKit } from '../../scripts/test/engines.mjs';
import { enginesFromEnv } from '../../scripts/test/wtr-browsers.mjs';

/** Serves demo-dist/ (scripts/demo/serve-demo.mjs, on 8080 or the next free port); resolves with its URL. */
async function serveDemo() {
  const { PORT, ...env } = process.env;
  const server = spawn(
    process.execPath,
    [fileURLToPath(new URL('../../scripts/demo/serve-demo.mjs', import.meta.url))],
    {
      env: { ...env, HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const base = await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      const port = /localhost:(\d+)\//.exec(String(chunk))?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    server.on('exit', (code) => reject(new Error(`the demo server exited (${code})`)));
  });
  return { base, stop: () => server.kill() };
}

// Each driver: goto(url), run(fn, ...args) in the page, click(x, y), press(key), close().
async function firefox() {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxExecutable(), headless: true });
  const [page] = await browser.pages();
  return {
    goto: (url) => page.goto(url),
    run: (fn, ...args) => page.evaluate(fn, ...args),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    close: () => browser.close(),
  };
}

async function webkit() {
  const driver = await startWebKit();
  try {
    const { hostname, port, capabilities } = driver;
    const browser = await remote({
      hostname,
      port,
      path: '/',
      logLevel: 'error',
      // Classic WebDriver: WebKitWebDriver refuses WebdriverIO's default request for BiDi.
      capabilities: { ...capabilities, 'wdio:enforceWebDriverClassic': true },
    });
    return {
      goto: (url) => browser.url(url),
      run: (fn, ...args) => browser.execute(fn, ...args),
      async click(x, y) {
        await browser.performActions([
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', duration: 0, origin: 'viewport', x, y },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ]);
        await browser.releaseActions();
      },
      press: (key) => browser.keys([key]),
      async close() {
        try {
          await browser.deleteSession();
        } finally {
          driver.stop();
        }
      },
    };
  } catch (error) {
    driver.stop();
    throw error;
  }
}

/** Polls `fn` in the page until it returns something truthy; fails naming `what` after 10 s. */
async function until(driver, what, fn, ...args) {
  const end = Date.now() + 10_000;
  for (;;) {
    const value = await driver.run(fn, ...args);
    if (value) return value;
    if (Date.now() > end) throw new Error(`${what}: not within 10 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// In-page probes (serialised into the page: no outside references).
// Stripe's frame (an iframe on document.body) and, inside it, the simulated flow.
function centreOf(target) {
  const frame = document.querySelector('iframe[name^="__privateStripeFrame"]');
  const node =
    target === 'relink'
      ? document.querySelector('[data-element="default"] fc-relink')?.shadowRoot?.querySelector('button')
      : frame?.contentDocument?.querySelector('[role="dialog"] button.primary');
  if (!node || node.disabled) return null;
  const box = node.getBoundingClientRect();
  const offset = target === 'relink' ? { x: 0, y: 0 } : frame.getBoundingClientRect();
  return [Math.round(offset.x + box.x + box.width / 2), Math.round(offset.y + box.y + box.height / 2)];
}
function flowHeading(pattern) {
  const frame = document.querySelector('iframe[name^="__privateStripeFrame"]');
  const heading = frame?.contentDocument?.querySelector('[role="dialog"] h2')?.textContent ?? null;
  return pattern && heading ? new RegExp(pattern).test(heading) : heading;
}
function outcome() {
  // The default element's own rows: the restyled one, for the same account, hears of a success too.
  const rows = [...document.querySelectorAll('#log tbody tr.terminal')].filter(
    (r) => r.querySelectorAll('td')[1]?.textContent === 'default',
  );
  const row = rows[0];
  if (!row) return null;
  return {
    event: row.querySelectorAll('td')[2]?.textContent,
    terminalRows: rows.length,
    state: document.querySelector('[data-state-for="default"]')?.textContent,
    secretOnPage: document.documentElement.outerHTML.includes('_secret_') || location.href.includes('_secret_'),
  };
}

/** Whether the page refuses a plain string as a script URL (Trusted Types enforced). */
function trustedTypesEnforced() {
  try {
    document.createElement('script').src = '/not-loaded.js';
    return false;
  } catch {
    return true;
  }
}

async function openScenario(driver, base, scenario) {
  await driver.goto(`${base}/?scenario=${scenario}`);
  await until(driver, 'the demo ready', () => document.documentElement.hasAttribute('data-ready'));
  const [x, y] = await until(driver, 'the relink button', centreOf, 'relink');
  await driver.click(x, y);
}

/** Clicks the flow's primary button on each step, in order, as a customer would. */
async function throughTheFlow(driver, steps) {
  for (const step of steps) {
    await until(driver, `the step "${step}"`, flowHeading, step);
    const [x, y] = await until(driver, `the button of "${step}"`, centreOf, 'primary');
    await driver.click(x, y);
  }
}

const STEPS = [
  'Reconnect your bank account',
  'Sign in to StripeBank',
  'accounts? to reconnect',
  'Your account is reconnected',
];

const DRIVERS = { firefox, webkit };
const engines = enginesFromEnv().filter((engine) => engine in DRIVERS);

describe('the QA demo in Firefox and WebKit', () => {
  let demo;
  before(async () => {
    demo = await serveDemo();
  });
  after(() => demo?.stop());

  for (const engine of engines) {
    describe(`in ${engine}`, () => {
      let driver;
      before(async () => {
        driver = await DRIVERS[engine]();
      });
      after(() => driver?.close());

      for (const [name, prefix] of [
        ['', ''],
        [' under a strict CSP with Trusted Types', '/csp'],
      ]) {
        test(`a same-account relink succeeds${name}`, async () => {
          await openScenario(driver, `${demo.base}${prefix}`, 'same-account');
          await throughTheFlow(driver, STEPS);
          const result = await until(driver, 'the outcome', outcome);
          assert.deepEqual(result, {
            event: 'fc-relink-success',
            terminalRows: 1,
            state: 'success',
            secretOnPage: false,
          });
          assert.equal(
            await driver.run(trustedTypesEnforced),
            Boolean(prefix),
            'Trusted Types enforced (under the CSP only)',
          );
        });
      }

      test('a customer who closes the flow with Escape cancels', async () => {
        await openScenario(driver, demo.base, 'cancel');
        await until(driver, 'the flow open', flowHeading);
        await driver.press('Escape');
        const result = await until(driver, 'the outcome', outcome);
        assert.deepEqual(result, { event: 'fc-relink-cancel', terminalRows: 1, state: 'cancel', secretOnPage: false });
        assert.equal(await driver.run(flowHeading), null, 'the flow closed');
      });
    });
  }
});
