// The element on any page: in a 200 px sidebar, on a 320 px phone, with text at 200%, in every
// shipped language, nothing spills out of its container or is cut, whatever text it shows; and
// the room it reserves for its status keeps content below still while the text fits in it.
import { registerTranslation, type FcRelinkElement, type RelinkText, type RelinkTranslation } from '../../src/index.js';
import ar from '../../src/translations/ar.js';
import de from '../../src/translations/de.js';
import en from '../../src/translations/en.js';
import es from '../../src/translations/es.js';
import fr from '../../src/translations/fr.js';
import italian from '../../src/translations/it.js';
import ja from '../../src/translations/ja.js';
import nl from '../../src/translations/nl.js';
import pt from '../../src/translations/pt.js';
import { expect, fake, mount, sessionFromFake, until } from './harness/index.js';

const LANGUAGES = [en, de, fr, es, italian, nl, pt, ja, ar];
// Every text the status line can show (a reason's `{date}` stands in for a written date).
const TEXTS: RelinkText[] = [
  'reasonInactive',
  'reasonExpiring',
  'reasonExpiringOn',
  'reasonPermissions',
  'reasonPermissionsBy',
  'loading',
  'open',
  'redirecting',
  'verifying',
  'success',
  'cancel',
  'retry',
  'blocked',
  'unavailable',
  'signedOut',
  'unconfirmed',
  'otherAccount',
];
// [container width, root font size]: a sidebar, a phone, each also at 200% text, and a desktop column.
const SIZES: [number, number][] = [
  [200, 16],
  [200, 32],
  [320, 16],
  [320, 32],
  [600, 16],
];

const statusOf = (el: FcRelinkElement) => el.shadowRoot?.querySelector<HTMLElement>('[part="status"]') as HTMLElement;
const buttonOf = (el: FcRelinkElement) => el.shadowRoot?.querySelector<HTMLElement>('button') as HTMLElement;

/** Every box a node's text is drawn in. */
function textBoxes(node: Node): DOMRect[] {
  const range = document.createRange();
  range.selectNodeContents(node);
  return [...range.getClientRects()];
}

/** What spills: the element out of its container, text out of the button or status, sideways scrolling. */
function overflowIn(container: HTMLElement, el: FcRelinkElement): string[] {
  const found: string[] = [];
  const box = container.getBoundingClientRect();
  const within = (r: DOMRect, outer: DOMRect) => r.left >= outer.left - 0.5 && r.right <= outer.right + 0.5;
  if (!within(el.getBoundingClientRect(), box)) found.push('element wider than its container');
  const button = buttonOf(el);
  const status = statusOf(el);
  const label = el.shadowRoot?.querySelector('slot') as HTMLSlotElement;
  if (!textBoxes(label).every((r) => within(r, button.getBoundingClientRect()))) found.push('label outside the button');
  if (!textBoxes(status).every((r) => within(r, box))) found.push('status text outside the container');
  for (const [name, part] of [
    ['button', button],
    ['status', status],
  ] as const) {
    if (part.scrollWidth > part.clientWidth + 1) found.push(`${name} scrolls sideways`);
  }
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth) found.push('the page scrolls sideways');
  return found;
}

/** Registers a translation per text of `language` whose `cancel` is that text; returns their tags. */
function oneTextEach(language: RelinkTranslation): Map<RelinkText, string> {
  const tags = new Map<RelinkText, string>();
  for (const text of TEXTS) {
    const $code = `${language.$code}-x-${text}`;
    registerTranslation({ ...language, $code, cancel: language[text] });
    tags.set(text, $code);
  }
  return tags;
}

/** A container `width` px wide at the page's left edge, root text at `fontSize` px. */
function containerOf(width: number, fontSize: number): HTMLElement {
  document.documentElement.style.fontSize = `${fontSize}px`;
  const container = document.createElement('div');
  container.style.cssText = `inline-size: ${width}px; font-size: 1rem; margin: 0;`;
  document.body.append(container);
  return container;
}

/** Lines the status text takes. */
function linesOf(el: FcRelinkElement): number {
  const status = statusOf(el);
  const lineHeight = parseFloat(getComputedStyle(status).lineHeight);
  const tops = new Set(textBoxes(status).map((r) => Math.round(r.top / (lineHeight / 2))));
  return tops.size;
}

// Per language: the most lines any of its texts takes in a 320 px container, for the docs.
const mostLines: Record<string, number> = {};

describe('<fc-relink> in any container', () => {
  afterEach(() => {
    document.documentElement.style.fontSize = '';
    document.querySelectorAll('[data-layout-container]').forEach((c) => c.remove());
  });
  after(() => console.log(`status lines at 320 px (most of any text): ${JSON.stringify(mostLines)}`));

  for (const language of LANGUAGES) {
    it(`fits in ${language.$code}, with each of its texts, at every size`, async () => {
      const tags = oneTextEach(language);
      for (const [width, fontSize] of SIZES) {
        const container = containerOf(width, fontSize);
        container.dataset.layoutContainer = '';
        const { fetchSession } = sessionFromFake();
        const m = await mount({ parent: container, attrs: { lang: language.$code }, props: { fetchSession } });
        const where = `${language.$code} at ${width} px, ${fontSize} px text`;
        expect(overflowIn(container, m.el), `${where}, idle`).to.deep.equal([]);
        const idleHeight = m.el.getBoundingClientRect().height;
        fake.customer = { action: 'cancel' };
        await m.el.relink();
        for (const [text, tag] of tags) {
          m.el.lang = tag;
          await until(() => m.status() === language[text], `${where}: ${text} shown`);
          expect(overflowIn(container, m.el), `${where}, ${text}`).to.deep.equal([]);
          const lines = linesOf(m.el);
          const code = language.$code;
          if (width === 320 && fontSize === 16) mostLines[code] = Math.max(mostLines[code] ?? 0, lines);
          // The promise the docs make: while a text fits in the reserved lines, nothing moves.
          if (lines <= 2) {
            expect(m.el.getBoundingClientRect().height, `${where}, ${text}: height`).to.be.closeTo(idleHeight, 0.01);
          }
        }
        m.el.remove();
        container.remove();
      }
    });
  }

  it('reserves as many lines as --fc-relink-status-lines says, so a longer text moves nothing either', async () => {
    const container = containerOf(320, 16);
    container.dataset.layoutContainer = '';
    const tags = oneTextEach(de);
    const { fetchSession } = sessionFromFake();
    // German's longest text, whichever it is.
    const longest = [...tags.keys()].reduce((a, b) => (de[b].length > de[a].length ? b : a));
    const lang = tags.get(longest) as string;
    const m = await mount({ parent: container, attrs: { lang }, props: { fetchSession } });
    fake.customer = { action: 'cancel' };
    await m.el.relink();
    const lines = linesOf(m.el);
    expect(lines, 'the longest German text takes more than the default two lines').to.be.greaterThan(2);
    m.el.style.setProperty('--fc-relink-status-lines', String(lines));
    const withText = m.el.getBoundingClientRect().height;
    m.el.lang = tags.get('success') as string;
    await until(() => m.status() === de.success, 'a short text');
    expect(m.el.getBoundingClientRect().height).to.be.closeTo(withText, 0.01);
  });
});
