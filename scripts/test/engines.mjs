// Firefox and WebKit, as installed from the system's packages (Debian: firefox-esr,
// webkit2gtk-driver, xvfb), for the browser tests and the demo smoke run.
//   FIREFOX_PATH       the Firefox binary (default: firefox-esr, then firefox, on PATH)
//   MINIBROWSER_PATH   WebKitGTK's MiniBrowser (default: where libwebkit2gtk installs it)
//   WEBKIT_WEBDRIVER   the WebKitWebDriver binary (default: WebKitWebDriver on PATH)
// WebKit is driven through WebKitWebDriver under a private Xvfb display. Both run only while a
// test run needs them, on a free display and a free port, and are stopped when it ends: on
// success, failure, Ctrl+C or a termination signal.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

/** The first of `names` found on PATH, or undefined. */
export function onPath(...names) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      const file = join(dir, name);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export function firefoxExecutable() {
  return process.env.FIREFOX_PATH ?? onPath('firefox-esr', 'firefox');
}

export function miniBrowserExecutable() {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH;
  // libwebkit2gtk-4.1 (or 4.0, 6.0) installs it under /usr/lib/<multiarch>/webkit2gtk-<api>/.
  const roots = ['/usr/lib', '/usr/libexec', '/usr/lib64'];
  for (const root of roots) {
    if (!existsSync(root)) continue;
    const dirs = [root, ...readdirSync(root).map((d) => join(root, d))];
    for (const dir of dirs) {
      for (const api of ['webkit2gtk-4.1', 'webkitgtk-6.0', 'webkit2gtk-4.0']) {
        const file = join(dir, api, 'MiniBrowser');
        if (existsSync(file)) return file;
      }
    }
  }
  return undefined;
}

function webKitWebDriverExecutable() {
  return process.env.WEBKIT_WEBDRIVER ?? onPath('WebKitWebDriver');
}

/** What is missing to run an engine here, as an install hint; undefined when nothing is. */
export function missingFor(engine) {
  if (engine === 'firefox' && !firefoxExecutable()) return 'Firefox (apt-get install firefox-esr, or set FIREFOX_PATH)';
  if (engine === 'webkit') {
    const missing = [
      !webKitWebDriverExecutable() && 'WebKitWebDriver (apt-get install webkit2gtk-driver)',
      !miniBrowserExecutable() && 'MiniBrowser (apt-get install libwebkit2gtk-4.1-0, or set MINIBROWSER_PATH)',
      !onPath('Xvfb') && 'Xvfb (apt-get install xvfb)',
    ].filter(Boolean);
    if (missing.length > 0) return missing.join(', ');
  }
  return undefined;
}

// Every process group started here, killed when the Node process ends in any way it can see.
const running = new Set();
function killAll() {
  for (const child of running) killGroup(child);
}
function killGroup(child) {
  running.delete(child);
  try {
    // The group: WebKitWebDriver's MiniBrowser and its web processes go with it.
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
let listening = false;
function killAllOnExit() {
  if (listening) return;
  listening = true;
  process.on('exit', killAll);
  for (const [signal, number] of [
    ['SIGHUP', 1],
    ['SIGINT', 2],
    ['SIGTERM', 15],
  ]) {
    process.on(signal, () => {
      killAll();
      // Alone, behave as Node would have without a listener. (A test runner that listens too,
      // as web-test-runner does, exits by itself once it has stopped its browsers.)
      if (process.listenerCount(signal) === 1) process.exit(128 + number);
    });
  }
}

function start(command, args, options = {}) {
  killAllOnExit();
  // In its own process group, so that it and everything it starts can be killed at once.
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], ...options });
  running.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  child.on('exit', () => running.delete(child));
  return { child, stderr: () => stderr };
}

/** Starts Xvfb on the first free display; resolves with ':N' once it accepts clients. */
async function startXvfb() {
  const xvfb = onPath('Xvfb');
  const { child, stderr } = start(xvfb, ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    child.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    child.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr()}`)));
    child.on('error', reject);
  });
  return { display, stop: () => killGroup(child) };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForDriver(port, child, stderr) {
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode}): ${stderr()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within 10 s: ${stderr()}`);
}

/**
 * Starts a private Xvfb display and WebKitWebDriver on a free port. Resolves with where to
 * connect, the W3C capabilities that make it launch MiniBrowser, and `stop()`.
 */
export async function startWebKit() {
  const missing = missingFor('webkit');
  if (missing) throw new Error(`WebKit cannot run here; missing: ${missing}`);
  const xvfb = await startXvfb();
  try {
    // A port found free may be taken before the driver binds it: try a few.
    for (let tries = 1; ; tries++) {
      const port = await freePort();
      const { child, stderr } = start(webKitWebDriverExecutable(), [`--port=${port}`, '--host=local'], {
        env: { ...process.env, DISPLAY: xvfb.display },
      });
      try {
        await waitForDriver(port, child, stderr);
      } catch (error) {
        killGroup(child);
        if (tries < 3) continue;
        throw error;
      }
      return {
        hostname: '127.0.0.1',
        port,
        capabilities: {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: miniBrowserExecutable(), args: ['--automation'] },
        },
        stop() {
          killGroup(child);
          xvfb.stop();
        },
      };
    }
  } catch (error) {
    xvfb.stop();
    throw error;
  }
}
