// The browsers web-test-runner runs the suite in: Chromium (Playwright), Firefox (puppeteer-core
// over WebDriver BiDi) and WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver).
import { ChromeLauncher } from '@web/test-runner-chrome';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import * as puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.mjs';
import { firefoxExecutable, missingFor, startWebKit } from './engines.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** The engines BROWSERS names (default: all), in a stable order; an unknown name is an error. */
export function enginesFromEnv(value = process.env.BROWSERS) {
  if (!value) return ENGINES;
  const names = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0 || names.some((name) => !ENGINES.includes(name))) {
    throw new Error(`BROWSERS=${value}: expected a comma-separated list of ${ENGINES.join(', ')}`);
  }
  return ENGINES.filter((name) => names.includes(name));
}

// Checked when the run starts the engine, not when the config is read: a config that lists an
// engine it does not run (npm run fuzz) works where that engine is missing.
function requireEngine(engine) {
  const missing = missingFor(engine);
  if (missing)
    throw new Error(
      `Cannot run the browser tests in ${engine} here; missing: ${missing}. BROWSERS=chromium runs Chromium alone.`,
    );
}

function chromium() {
  return playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  });
}

/**
 * Firefox, one page at a time, so that it is the visible, focused page: Firefox runs the timers
 * of a page in a background tab at most once a second, and gives no focus events (nor a key's
 * default action) to a page in a window that is not the focused one.
 */
class FirefoxLauncher extends ChromeLauncher {
  constructor() {
    super(
      { browser: 'firefox', headless: true },
      ({ browser }) => browser.defaultBrowserContext(),
      ({ context }) => context.newPage(),
      // puppeteer-core 24 (25 needs Node 22), launching the installed Firefox, not a download.
      puppeteer,
      1,
    );
  }

  async initialize(config, testFiles) {
    requireEngine('firefox');
    this.launchOptions.executablePath = firefoxExecutable();
    await super.initialize(config, testFiles);
  }
}

/**
 * WebKit: Xvfb and WebKitWebDriver start with the run and stop with it. One page at a time:
 * with more, web-test-runner runs test files in iframes of one page rather than as pages.
 */
class WebKitLauncher extends WebdriverLauncher {
  concurrency = 1;
  #webkit = null;

  constructor() {
    super({ capabilities: { browserName: 'MiniBrowser' }, logLevel: 'error' });
  }

  async initialize(config, testFiles) {
    requireEngine('webkit');
    this.#webkit = await startWebKit();
    const { hostname, port, capabilities } = this.#webkit;
    // Classic WebDriver: WebdriverIO would otherwise ask for WebDriver BiDi (webSocketUrl), which
    // WebKitWebDriver refuses ("Failed to match capabilities").
    Object.assign(this.options, {
      hostname,
      port,
      path: '/',
      capabilities: { ...capabilities, 'wdio:enforceWebDriverClassic': true },
    });
    await super.initialize({ ...config, concurrency: 1 }, testFiles);
    this.name = 'WebKit';
  }

  async stop() {
    try {
      await super.stop();
    } finally {
      this.#webkit?.stop();
      this.#webkit = null;
    }
  }
}

const LAUNCHERS = { chromium, firefox: () => new FirefoxLauncher(), webkit: () => new WebKitLauncher() };

/** One web-test-runner launcher per engine. */
export function browsersFor(engines) {
  return engines.map((engine) => LAUNCHERS[engine]());
}
