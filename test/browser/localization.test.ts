import { registerTranslation, type FcRelinkElement, type RelinkTranslation } from '../../src/index.js';
import ar from '../../src/translations/ar.js';
import de from '../../src/translations/de.js';
import en from '../../src/translations/en.js';
import fr from '../../src/translations/fr.js';
import ja from '../../src/translations/ja.js';
import pt from '../../src/translations/pt.js';
import { CHECKING, clickAndWait, expect, fake, mount, until } from './harness/index.js';

const label = (el: FcRelinkElement) => el.shadowRoot?.querySelector('slot')?.textContent?.trim();
const statusOf = (el: FcRelinkElement) => el.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() ?? '';

/** Runs `body` with `<html lang>` set to `lang`, and restores it. */
async function withPageLang(lang: string, body: () => Promise<void>): Promise<void> {
  const html = document.documentElement;
  const before = html.getAttribute('lang');
  html.setAttribute('lang', lang);
  try {
    await body();
  } finally {
    if (before === null) html.removeAttribute('lang');
    else html.setAttribute('lang', before);
  }
}

describe("the customer's language", () => {
  describe('when the element resolves its language', () => {
    it('reads English where nothing on the page names a language', async () => {
      await withPageLang('', async () => {
        const m = await mount();
        expect(label(m.el)).to.equal(en.label);
      });
    });

    it("follows its own lang first, then the closest ancestor's, then <html lang>", async () => {
      await withPageLang('de', async () => {
        const outer = document.body.appendChild(document.createElement('section'));
        outer.lang = 'fr';
        const m = await mount({ parent: outer, attrs: { lang: 'ja' } });
        expect(label(m.el)).to.equal(ja.label);
        m.el.removeAttribute('lang');
        await until(() => label(m.el) === fr.label, "the ancestor's language");
        outer.removeAttribute('lang');
        await until(() => label(m.el) === de.label, "the page's language");
        outer.remove();
      });
    });

    it('finds the language of an ancestor across a shadow root', async () => {
      const host = document.body.appendChild(document.createElement('div'));
      host.lang = 'ja';
      const root = host.attachShadow({ mode: 'open' });
      const m = await mount({ parent: root });
      expect(label(m.el)).to.equal(ja.label);
      host.lang = 'fr';
      await until(() => label(m.el) === fr.label, 're-rendered in French');
      host.remove();
    });

    it('takes the exact tag first, then its primary subtag, else English', async () => {
      const brazil: RelinkTranslation = { ...pt, $code: 'pt-BR', label: 'Reconectar conta (Brasil)' };
      registerTranslation(brazil);
      const m = await mount({ attrs: { lang: 'pt-BR' } });
      expect(label(m.el)).to.equal('Reconectar conta (Brasil)');
      m.el.lang = 'pt-PT';
      await until(() => label(m.el) === pt.label, 'the primary subtag');
      m.el.lang = 'FR-ca';
      await until(() => label(m.el) === fr.label, 'a tag in any case');
      m.el.lang = 'ko';
      await until(() => label(m.el) === en.label, 'English for a language with no translation');
      registerTranslation({ ...pt, $code: 'pt-BR' });
    });

    it("re-renders when the page's <html lang> changes", async () => {
      await withPageLang('en', async () => {
        const m = await mount();
        document.documentElement.lang = 'ja';
        await until(() => label(m.el) === ja.label, 're-rendered in Japanese');
      });
    });
  });

  describe('when a translation is registered', () => {
    it('shows a registered translation at once, on every element already on the page', async () => {
      const m = await mount({ attrs: { lang: 'sv' } });
      expect(label(m.el)).to.equal(en.label);
      registerTranslation({ ...en, $code: 'sv', $name: 'Svenska', label: 'Återanslut bankkonto' });
      await until(() => label(m.el) === 'Återanslut bankkonto', 're-rendered in Swedish');
    });

    it('reads in English a text a translation leaves out', async () => {
      const partial = {
        $code: 'xx',
        $name: 'Partial',
        $dir: 'ltr',
        label: 'Partial label',
      } as unknown as RelinkTranslation;
      registerTranslation(partial);
      const m = await mount({ attrs: { lang: 'xx', account: CHECKING } });
      expect(label(m.el)).to.equal('Partial label');
      fake.customer = { action: 'cancel' };
      await clickAndWait(m);
      expect(statusOf(m.el)).to.equal(en.cancel);
      fake.customer = { action: 'relink' };
    });

    it('lets the slot override the translated label', async () => {
      const m = await mount({ attrs: { lang: 'ja' } });
      m.el.textContent = 'Fix my bank connection';
      const slot = m.el.shadowRoot?.querySelector('slot') as HTMLSlotElement;
      expect(
        slot
          .assignedNodes()
          .map((node) => node.textContent)
          .join(''),
      ).to.equal('Fix my bank connection');
    });
  });

  describe('when the status line speaks to the customer', () => {
    it("shows the translated text of each state, and the developer's diagnosis only in the event", async () => {
      const m = await mount({ attrs: { lang: 'ja', account: CHECKING }, scenario: 'server-error' });
      const outcome = await clickAndWait(m);
      expect(outcome.type).to.equal('fc-relink-error');
      expect((outcome.detail as { message: string }).message).to.match(/The session endpoint answered HTTP 500/);
      expect(statusOf(m.el)).to.equal(ja.retry);
    });

    it('tells a retryable error, Stripe out of reach and a final error apart', async () => {
      const retryable = await mount({ attrs: { account: CHECKING }, scenario: 'rate-limited' });
      await clickAndWait(retryable);
      expect(statusOf(retryable.el)).to.equal(en.retry);

      const final = await mount({ attrs: { account: CHECKING }, scenario: 'forbidden' });
      await clickAndWait(final);
      expect(statusOf(final.el)).to.equal(en.unavailable);

      const blocked = Promise.reject(new Error('Failed to load Stripe.js'));
      blocked.catch(() => {});
      const unreachable = await mount({ attrs: { account: CHECKING }, props: { stripe: blocked } });
      await clickAndWait(unreachable);
      expect(statusOf(unreachable.el)).to.equal(en.blocked);
    });

    it('never shows the customer an endpoint, a status, a code or an attribute name', async () => {
      const m = await mount({ attrs: { 'publishable-key': 'pk_wrong' } });
      const outcome = await clickAndWait(m);
      expect((outcome.detail as { message: string }).message).to.include('publishable-key');
      expect(statusOf(m.el)).to.equal(en.unavailable);
      expect(statusOf(m.el)).not.to.match(/publishable|invalid_|HTTP|session|fca_/);
    });

    it("announces each state's text once: the live region changes only when the text does", async () => {
      const m = await mount({ attrs: { account: CHECKING, lang: 'fr' } });
      const status = m.el.shadowRoot?.querySelector('[part="status"]') as HTMLElement;
      const texts: string[] = [];
      const observer = new MutationObserver(() => texts.push(status.textContent?.trim() ?? ''));
      observer.observe(status, { childList: true, characterData: true, subtree: true });
      fake.customer = { action: 'cancel' };
      await clickAndWait(m);
      await m.el.updateComplete;
      m.el.requestUpdate();
      await m.el.updateComplete;
      observer.disconnect();
      fake.customer = { action: 'relink' };
      const distinct = texts.filter((text, i) => text !== texts[i - 1]);
      expect(distinct).to.deep.equal([fr.loading, fr.open, fr.cancel]);
      expect(texts.filter((text) => text === fr.cancel)).to.have.length(1);
    });
  });

  describe('when the language is right to left', () => {
    it('lays the element out mirrored in Arabic', async () => {
      const m = await mount({ attrs: { lang: 'ar' } });
      const box = m.button().parentElement as HTMLElement;
      expect(box.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(m.button()).direction).to.equal('rtl');
      m.el.style.width = '30em';
      const [host, button] = [m.el.getBoundingClientRect(), m.button().getBoundingClientRect()];
      expect(Math.round(button.right)).to.equal(Math.round(host.right));
      expect(label(m.el)).to.equal(ar.label);
    });
  });

  describe("when Stripe's flow opens", () => {
    const localeOfLastInstance = () => fake.instances[fake.instances.length - 1]?.locale;

    for (const [lang, locale] of [
      ['ja', 'ja'],
      ['pt-BR', 'pt-BR'],
      ['ko-KR', 'ko'],
      ['tlh', 'auto'],
      ['', 'auto'],
    ] as const) {
      it(`opens it in ${locale} for an element in "${lang || 'no language'}"`, async () => {
        await withPageLang('', async () => {
          const m = await mount({
            attrs: {
              account: CHECKING,
              ...(lang ? { lang } : {}),
              'publishable-key': `pk_test_locale${lang.replace('-', '')}`,
            },
          });
          await clickAndWait(m);
          expect(localeOfLastInstance()).to.equal(locale);
        });
      });
    }
  });
});
