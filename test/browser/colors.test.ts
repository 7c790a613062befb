// The colours the element draws by default meet WCAG AA against the page, light or dark (text
// 4.5:1, the focus ring 3:1), computed from what the engine renders; and under forced colors
// (Windows high contrast) the button keeps a boundary, a visible focus ring and a distinct
// disabled look.
import { emulateMedia } from '@web/test-runner-commands';
import { CHECKING, expect, fake, mount, press, sessionFromFake, until, type Mounted } from './harness/index.js';

type Rgb = [number, number, number];

function rgbOf(color: string): Rgb {
  const parts = /rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)/.exec(color);
  if (!parts) throw new Error(`not an rgb colour: ${color}`);
  return [Number(parts[1]), Number(parts[2]), Number(parts[3])];
}

/** WCAG 2 contrast ratio. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: Rgb) => {
    const [r, g, bl] = rgb.map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as Rgb;
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(rgbOf(a)), luminance(rgbOf(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const PAGES = {
  light: { scheme: 'light', background: '#ffffff', text: '#1a1f36' },
  dark: { scheme: 'dark', background: '#121212', text: '#e8e8e8' },
} as const;

/** Gives the page a colour scheme (what light-dark() follows), a background and a text colour. */
function paint(page: (typeof PAGES)[keyof typeof PAGES]): () => void {
  const html = document.documentElement;
  html.style.colorScheme = page.scheme;
  html.style.background = page.background;
  html.style.color = page.text;
  return () => {
    html.style.colorScheme = '';
    html.style.background = '';
    html.style.color = '';
  };
}

/** The page's background, as the engine computed it. */
const pageBackground = () => getComputedStyle(document.documentElement).backgroundColor;

const statusOf = (m: Mounted) => m.el.shadowRoot?.querySelector('[part="status"]') as HTMLElement;

/** An element showing an error (a configuration error ends the attempt at once). */
async function inError(): Promise<Mounted> {
  const m = await mount({ attrs: { 'publishable-key': 'not-a-key' } });
  await m.el.relink();
  expect(m.el.state).to.equal('error');
  return m;
}

/** Focuses the element's button from the keyboard, so that :focus-visible applies. */
async function focusByKeyboard(m: Mounted): Promise<HTMLElement> {
  const before = document.createElement('input');
  m.el.before(before);
  before.focus();
  await press('Tab');
  const button = m.button();
  await until(() => button.matches(':focus-visible'), 'the button focused from the keyboard');
  before.remove();
  return button;
}

const measured: Record<string, string> = {};

describe("the element's default colours", () => {
  after(() => console.log(`contrast ratios: ${JSON.stringify(measured)}`));

  for (const [name, page] of Object.entries(PAGES)) {
    describe(`on a ${name} page`, () => {
      let unpaint: () => void = () => {};
      beforeEach(() => (unpaint = paint(page)));
      afterEach(() => unpaint());

      it('draws error text at 4.5:1 or more against the page', async () => {
        const m = await inError();
        const ratio = contrast(getComputedStyle(statusOf(m)).color, pageBackground());
        measured[`error text, ${name}`] = ratio.toFixed(2);
        expect(ratio).to.be.at.least(4.5);
      });

      it("draws other status text in the page's own text colour", async () => {
        const { fetchSession } = sessionFromFake();
        const m = await mount({ attrs: { account: CHECKING }, props: { fetchSession } });
        fake.customer = { action: 'cancel' };
        await m.el.relink();
        const color = getComputedStyle(statusOf(m)).color;
        expect(rgbOf(color)).to.deep.equal(rgbOf(getComputedStyle(document.documentElement).color));
        measured[`status text, ${name}`] = contrast(color, pageBackground()).toFixed(2);
      });

      it('draws the focus ring at 3:1 or more against the page', async () => {
        const m = await mount();
        const button = await focusByKeyboard(m);
        const style = getComputedStyle(button);
        expect(style.outlineStyle).to.equal('solid');
        expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
        const ratio = contrast(style.outlineColor, pageBackground());
        measured[`focus ring, ${name}`] = ratio.toFixed(2);
        expect(ratio).to.be.at.least(3);
      });

      it("draws the button's label at 4.5:1 or more on its background", async () => {
        const m = await mount();
        const style = getComputedStyle(m.button());
        const ratio = contrast(style.color, style.backgroundColor);
        measured[`button label, ${name}`] = ratio.toFixed(2);
        expect(ratio).to.be.at.least(4.5);
      });
    });
  }

  it('styles a button marked aria-disabled exactly as a disabled one', async () => {
    const m = await mount();
    const button = m.button() as HTMLButtonElement;
    const look = () => {
      const style = getComputedStyle(button);
      return { opacity: style.opacity, cursor: style.cursor };
    };
    const enabled = look();
    button.disabled = true;
    const disabled = look();
    button.disabled = false;
    button.setAttribute('aria-disabled', 'true');
    expect(look()).to.deep.equal(disabled);
    expect(disabled).to.not.deep.equal(enabled);
    button.removeAttribute('aria-disabled');
  });
});

// Forced colors can only be emulated in Chromium here (Playwright's emulateMedia).
if (navigator.userAgent.includes('Chrome/')) {
  describe('under forced colors (Chromium)', () => {
    before(() => emulateMedia({ forcedColors: 'active' }));
    after(() => emulateMedia({ forcedColors: 'none' }));

    it('gives the button a visible boundary', async () => {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const m = await mount();
      const style = getComputedStyle(m.button());
      expect(style.borderTopStyle).to.equal('solid');
      expect(parseFloat(style.borderTopWidth)).to.be.at.least(1);
      expect(contrast(style.borderTopColor, pageBackground())).to.be.at.least(3);
    });

    it('keeps the focus ring visible', async () => {
      const m = await mount();
      const button = await focusByKeyboard(m);
      const style = getComputedStyle(button);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    });

    it("shows disabled in the system's grey, not by opacity alone", async () => {
      const m = await mount();
      const button = m.button() as HTMLButtonElement;
      const enabled = getComputedStyle(button).color;
      for (const mark of [() => (button.disabled = true), () => button.setAttribute('aria-disabled', 'true')]) {
        mark();
        const style = getComputedStyle(button);
        expect(style.color, 'disabled text colour').to.not.equal(enabled);
        expect(style.borderTopColor).to.equal(style.color);
        expect(style.opacity).to.equal('1');
        button.disabled = false;
        button.removeAttribute('aria-disabled');
      }
    });
  });
}
