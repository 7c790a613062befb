// A translation is integrator data that plain JavaScript can get wrong: a text that is not a
// string reads in English for that key, and a direction is ltr or rtl, never blanking the element.
import { registerTranslation, type FcRelinkElement, type RelinkTranslation } from '../../src/index.js';
import en from '../../src/translations/en.js';
import { CHECKING, clickAndWait, expect, fake, mount, takeUncaught } from './harness/index.js';

const label = (el: FcRelinkElement) => el.shadowRoot?.querySelector('slot')?.textContent?.trim();
const statusOf = (el: FcRelinkElement) => el.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() ?? '';
const boxOf = (el: FcRelinkElement) => el.shadowRoot?.querySelector('button')?.parentElement;

describe('a translation with texts that are not strings', () => {
  it('reads each such text in English, and the element still renders and works', async () => {
    const wrong: [string, unknown][] = [
      ['n1', 42],
      ['n2', null],
      ['n3', { text: 'Reconnect' }],
      ['n4', ['Reconnect']],
      ['n5', Symbol('label')],
    ];
    for (const [code, value] of wrong) {
      const translation = { ...en, $code: code, $name: code, label: value, cancel: value };
      registerTranslation(translation as unknown as RelinkTranslation);
      const m = await mount({ attrs: { lang: code, account: CHECKING } });
      expect(label(m.el), `${code}: the label`).to.equal(en.label);
      fake.customer = { action: 'cancel' };
      expect((await clickAndWait(m)).type).to.equal('fc-relink-cancel');
      expect(statusOf(m.el), `${code}: the status`).to.equal(en.cancel);
      fake.customer = { action: 'relink' };
      m.el.remove();
    }
    expect(takeUncaught()).to.deep.equal([]);
  });

  it('lays out ltr or rtl only: any other $dir (or $code) reads as English does', async () => {
    registerTranslation({ ...en, $code: 'd1', $name: 'Sideways', $dir: 'sideways' as 'ltr' });
    const m = await mount({ attrs: { lang: 'd1' } });
    expect(getComputedStyle(boxOf(m.el)!).direction).to.equal('ltr');
    registerTranslation({ ...en, $code: 'd2', $name: 'Right', $dir: 'rtl', label: 'Right' });
    const r = await mount({ attrs: { lang: 'd2' } });
    expect(getComputedStyle(boxOf(r.el)!).direction).to.equal('rtl');
    expect(() => registerTranslation({ ...en, $code: 7 as unknown as string })).not.to.throw();
  });
});
