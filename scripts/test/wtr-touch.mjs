// A web-test-runner command that puts a finger on the page and lifts it, as on a touch screen.
// Payload: { type: 'start', position: [x, y] }, { type: 'end' }, or { type: 'reset' } (the page
// is a mouse-and-keyboard page again, for the test file that gets it next).
//   Chromium: the page is switched to DevTools' touch emulation (touch events, a coarse pointer
//             that cannot hover), and fingers go through DevTools' Input domain.
//   Firefox:  touch actions over WebDriver BiDi (pointer events of type touch, touch events).
//   WebKit:   not possible here: WebKitGTK's WebDriver turns touch actions into mouse input.

const emulating = new WeakMap(); // Playwright page → its DevTools session

async function chromiumTouch(page, { type, position: [x, y] = [0, 0] }) {
  let cdp = emulating.get(page);
  if (type === 'reset') {
    if (!cdp) return;
    emulating.delete(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
    await cdp.detach();
    return;
  }
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    emulating.set(page, cdp);
  }
  await cdp.send('Input.dispatchTouchEvent', {
    type: type === 'start' ? 'touchStart' : 'touchEnd',
    touchPoints: type === 'start' ? [{ x, y }] : [],
  });
}

async function firefoxTouch(page, { type, position }) {
  if (type === 'start') await page.touchscreen.touchStart(...position);
  else if (type === 'end') await page.touchscreen.touchEnd();
}

export const touchCommand = {
  name: 'touch-command',
  async executeCommand({ command, payload, session }) {
    if (command !== 'touch') return undefined;
    if (
      !['start', 'end', 'reset'].includes(payload?.type) ||
      (payload.type === 'start' && !Array.isArray(payload.position))
    ) {
      throw new Error(
        "touch: the payload must be { type: 'start', position: [x, y] }, { type: 'end' } or { type: 'reset' }",
      );
    }
    const { browser } = session;
    if (browser.type === 'playwright') await chromiumTouch(browser.getPage(session.id), payload);
    else if (browser.type === 'puppeteer') await firefoxTouch(browser.getPage(session.id), payload);
    else throw new Error(`touch: cannot touch in ${browser.name}: its WebDriver turns touch actions into mouse input`);
    return true;
  },
};
