// Which Chromium to drive: $CHROME_PATH, then Debian's /usr/bin/chromium, then Playwright's own
// download (undefined lets Playwright find it), so the same config runs in CI and on a laptop.
import { existsSync } from 'node:fs';

export function chromiumExecutable() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

// Without these, Chromium opens background connections that this sandbox refuses by the dozen.
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-gpu',
];
