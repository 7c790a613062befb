// A web-test-runner command that presses or releases one key, in every engine: `sendKeys` from
// @web/test-runner-commands cannot hold a key down through WebDriver (WebKit here), and names
// keys the Playwright way, which puppeteer's WebDriver BiDi keyboard (Firefox) does not all know.
// Payload: { down: key } or { up: key }, with `key` a KeyboardEvent.key value ('Enter', ' ').

// WebDriver's code points for the named keys the tests use; a character stands for itself.
const WEBDRIVER_KEYS = { Enter: '\uE007', Tab: '\uE004', Escape: '\uE00C', Shift: '\uE008' };

function webdriverKey(key) {
  if ([...key].length === 1) return key;
  const value = WEBDRIVER_KEYS[key];
  if (!value) throw new Error(`key: no WebDriver code for ${key}`);
  return value;
}

export const keyCommand = {
  name: 'key-command',
  async executeCommand({ command, payload, session }) {
    if (command !== 'key') return undefined;
    const down = payload?.down !== undefined;
    const key = down ? payload.down : payload?.up;
    if (typeof key !== 'string') throw new Error('key: the payload must be { down: key } or { up: key }');
    const { browser } = session;
    switch (browser.type) {
      case 'playwright':
      case 'puppeteer': {
        const { keyboard } = browser.getPage(session.id);
        await (down ? keyboard.down(key) : keyboard.up(key));
        return true;
      }
      case 'webdriver':
        await browser.driverManager.performActions(session.id, [
          { type: 'key', id: 'keyboard', actions: [{ type: down ? 'keyDown' : 'keyUp', value: webdriverKey(key) }] },
        ]);
        return true;
      default:
        throw new Error(`key: not supported for browser type ${browser.type}`);
    }
  },
};
