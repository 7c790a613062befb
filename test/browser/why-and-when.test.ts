// Why the customer is asked, and by when (`reason`, `due`): said in idle, where the status is,
// in the element's language, and read out with the button.
import { CHECKING, clickAndWait, expect, mount } from './harness/index.js';
import '../../src/translations/de.js';
import '../../src/translations/ja.js';

describe('why and by when (reason, due)', () => {
  describe('when a reason is set', () => {
    const sentences: [string, Record<string, string>, string][] = [
      [
        'a connection that stopped working',
        { reason: 'inactive' },
        'Your bank connection stopped working. Reconnect it to keep using this account.',
      ],
      [
        'a connection that expires, with no date',
        { reason: 'expiring' },
        'Your bank connection expires soon. Reconnect it to keep using this account.',
      ],
      [
        'a connection that expires on a day',
        { reason: 'expiring', due: '2027-01-15' },
        'Your bank connection expires on January 15, 2027. Reconnect it to keep using this account.',
      ],
      [
        'new permissions, with no date',
        { reason: 'permissions' },
        'We need your permission to keep using your bank account.',
      ],
      [
        'new permissions by a day',
        { reason: 'permissions', due: '2027-03-01' },
        'We need your permission by March 1, 2027 to keep using your bank account.',
      ],
    ];
    for (const [what, attrs, sentence] of sentences) {
      it(`says why in idle for ${what}`, async () => {
        const m = await mount({ attrs: { account: CHECKING, lang: 'en-US', ...attrs } });
        expect(m.el.state).to.equal('idle');
        expect(m.status()).to.equal(sentence);
      });
    }

    it("writes the date in the element's language", async () => {
      const de = await mount({ attrs: { account: CHECKING, lang: 'de', reason: 'expiring', due: '2027-01-15' } });
      expect(de.status()).to.include('15. Januar 2027');
      const ja = await mount({ attrs: { account: CHECKING, lang: 'ja', reason: 'expiring', due: '2027-01-15' } });
      expect(ja.status()).to.include('2027年1月15日');
    });

    it('keeps a date alone on its calendar day, wherever the customer is', async () => {
      // The last day of the year in UTC is still that day in the customer's own time zone.
      const m = await mount({ attrs: { account: CHECKING, lang: 'en-US', reason: 'expiring', due: '2026-12-31' } });
      expect(m.status()).to.include('December 31, 2026');
    });

    it("writes a date-time as the customer's own day", async () => {
      const due = '2027-06-15T12:00:00Z';
      const m = await mount({ attrs: { account: CHECKING, lang: 'en-US', reason: 'expiring', due } });
      const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).format(new Date(due));
      expect(m.status()).to.include(day);
    });

    const notDates = ['soon', '2027-02-30', '15/01/2027', '2027-01-15T25:00Z', ''];
    for (const due of notDates) {
      it(`leaves out a due that is not a date (${JSON.stringify(due)})`, async () => {
        const m = await mount({ attrs: { account: CHECKING, lang: 'en', reason: 'expiring', due } });
        expect(m.status()).to.equal('Your bank connection expires soon. Reconnect it to keep using this account.');
      });
    }

    it('is read out with the button', async () => {
      const m = await mount({ attrs: { account: CHECKING, reason: 'inactive' } });
      const id = m.button().getAttribute('aria-describedby');
      expect(id).to.be.a('string');
      const described = m.el.shadowRoot?.getElementById(id ?? '');
      expect(described?.textContent).to.equal(m.status());
      expect(described?.getAttribute('part')).to.equal('status');
    });

    it('follows a reason set later, and says nothing once it is removed', async () => {
      const m = await mount({ attrs: { account: CHECKING, lang: 'en' } });
      expect(m.status()).to.equal('');
      m.el.reason = 'permissions';
      await m.el.updateComplete;
      expect(m.status()).to.equal('We need your permission to keep using your bank account.');
      m.el.removeAttribute('reason');
      m.el.reason = null;
      await m.el.updateComplete;
      expect(m.status()).to.equal('');
    });

    it('says what happened once an attempt ends, instead of why', async () => {
      const m = await mount({ attrs: { account: CHECKING, reason: 'inactive' } });
      await clickAndWait(m);
      expect(m.status()).to.equal('Your bank account is reconnected.');
    });
  });

  describe('when no reason is set', () => {
    for (const reason of [null, 'someday']) {
      it(`says nothing in idle (reason ${String(reason)})`, async () => {
        const m = await mount({ attrs: { account: CHECKING, ...(reason ? { reason } : {}) } });
        expect(m.status()).to.equal('');
      });
    }
  });
});
