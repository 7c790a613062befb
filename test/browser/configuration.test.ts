import { CHECKING, TEST_KEY, clickAndWait, expect, fake, mount, type MountOptions } from './harness/index.js';
import en from '../../src/translations/en.js';

// Key-shaped strings are assembled, so that no literal in the repository looks like a leaked key.
const key = (prefix: string, mode: string) => [prefix, mode, '51Abcdefghijklmnopqrstuvwxyz'].join('_');

describe('configuration checks, before any network traffic', () => {
  describe('when the publishable key is not one', () => {
    const keys: [string, string, string][] = [
      ['a secret test key', key('sk', 'test'), 'secret'],
      ['a secret live key', key('sk', 'live'), 'secret'],
      ['a restricted live key', key('rk', 'live'), 'restricted'],
      ['a restricted test key', key('rk', 'test'), 'restricted'],
    ];
    for (const [what, key, kind] of keys) {
      it(`refuses ${what} with invalid_publishable_key, without repeating it`, async () => {
        const m = await mount({ attrs: { 'publishable-key': key } });
        const instancesBefore = fake.instances.length;
        const outcome = await clickAndWait(m);

        expect(outcome.detail).to.deep.include({ code: 'invalid_publishable_key', stage: 'config', retryable: false });
        const { message } = outcome.detail as { message: string };
        expect(message).to.include(kind);
        expect(message).to.include('(pk_test_… or pk_live_…)');
        expect(message).not.to.include(key.slice(8));
        expect(m.status()).not.to.include(key.slice(8));
        expect(m.endpoint.requests).to.have.length(0);
        expect(fake.instances.length).to.equal(instancesBefore);
        expect(document.querySelector('script[src^="https://js.stripe.com"]')).to.equal(null);
      });
    }

    it('refuses a key that is not a Stripe key at all', async () => {
      const m = await mount({ attrs: { 'publishable-key': 'hello' } });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'invalid_publishable_key' });
      expect(m.endpoint.requests).to.have.length(0);
    });

    it('reports a missing key as invalid_config naming publishable-key', async () => {
      const m = await mount({ attrs: { 'publishable-key': '' } });
      const outcome = await clickAndWait(m);
      expect(outcome.detail).to.deep.include({ code: 'invalid_config', stage: 'config' });
      expect((outcome.detail as { message: string }).message).to.include('publishable-key');
      expect(m.endpoint.requests).to.have.length(0);
    });
  });

  describe('when an attribute or property is malformed', () => {
    const invalid: [string, Record<string, string>, string][] = [
      ['a missing session-url', { 'session-url': '' }, 'session-url'],
      ['an account that is not an fca_ id', { account: 'acct_123' }, 'account'],
      ['a stripe-account that is not an acct_ id', { 'stripe-account': 'fca_123' }, 'stripe-account'],
      ['an unknown credentials mode', { credentials: 'sometimes' }, 'credentials'],
      ['a session-url with another scheme', { 'session-url': 'javascript:alert(1)' }, 'session-url'],
      ['a negative session-timeout', { 'session-timeout': '-5' }, 'session-timeout'],
      ['a stripe-timeout longer than a timer can wait', { 'stripe-timeout': '3000000000' }, 'stripe-timeout'],
    ];
    for (const [what, attrs, named] of invalid) {
      it(`reports invalid_config for ${what}, naming ${named}`, async () => {
        const m = await mount({ attrs });
        const outcome = await clickAndWait(m);
        expect(outcome.detail).to.deep.include({ code: 'invalid_config', stage: 'config', retryable: false });
        expect((outcome.detail as { message: string }).message).to.include(named);
        expect(m.endpoint.requests).to.have.length(0);
      });
    }

    // What a plain-JavaScript page can set, whatever the types say.
    const badProperties: [string, Record<string, unknown>, string][] = [
      ['a header name fetch would refuse', { headers: { 'bad header': 'x' } }, '"bad header"'],
      ['a header value with a line break', { headers: { 'x-csrf-token': 'a\r\nx-injected: 1' } }, '"x-csrf-token"'],
      ['headers that are not an object', { headers: 'x-csrf-token: 1' }, 'headers'],
      ['a fetchSession that is not a function', { fetchSession: { url: '/api/relink-session' } }, 'fetchSession'],
      ['a verifySession that is not a function', { verifySession: 'yes' }, 'verifySession'],
    ];
    for (const [what, props, named] of badProperties) {
      it(`reports invalid_config for ${what}, naming ${named}, and sends nothing`, async () => {
        const launches = fake.launches.length;
        const m = await mount({ props: props as NonNullable<MountOptions['props']> });
        const outcome = await clickAndWait(m);
        expect(outcome.detail).to.deep.include({ code: 'invalid_config', stage: 'config', retryable: false });
        const { message } = outcome.detail as { message: string };
        expect(message).to.include(named);
        expect(m.endpoint.requests).to.have.length(0);
        expect(fake.launches.length).to.equal(launches);
      });
    }

    it('never repeats a header value in its message: a header may carry a token', async () => {
      const m = await mount({ props: { headers: { 'x-csrf-token': 'tok-3141\n5926' } } });
      const outcome = await clickAndWait(m);
      expect((outcome.detail as { message: string }).message).not.to.include('3141');
    });

    it('trims whitespace around a pasted key and account', async () => {
      const m = await mount({ attrs: { 'publishable-key': ` ${TEST_KEY}\n`, account: ` ${CHECKING} ` } });
      const outcome = await clickAndWait(m);
      expect(outcome.type).to.equal('fc-relink-success');
      expect(m.endpoint.requests[0]?.body).to.deep.equal({ account: CHECKING, attempt: m.attemptIds()[0] });
    });
  });

  describe('when the configuration is refused', () => {
    it('goes straight from idle to error', async () => {
      const m = await mount({ attrs: { 'publishable-key': key('sk', 'test') } });
      await clickAndWait(m);
      expect(m.events.filter((e) => e.type === 'fc-relink-statechange').map((e) => e.detail)).to.deep.equal([
        { state: 'error', previous: 'idle', attemptId: m.attemptIds()[0] },
      ]);
    });

    it('reports a second configuration error in a row with its own message', async () => {
      const m = await mount({ attrs: { 'publishable-key': 'hello' } });
      const first = await clickAndWait(m);
      m.el.setAttribute('account', 'not-an-account');
      m.el.setAttribute('publishable-key', 'pk_test_123');
      const second = await clickAndWait(m);
      await m.el.updateComplete;
      expect(first.detail).to.deep.include({ code: 'invalid_publishable_key' });
      expect(second.detail).to.deep.include({ code: 'invalid_config' });
      expect((second.detail as { message: string }).message).to.include('account must be fca_');
      // The customer reads that relinking is not available, never which attribute is wrong.
      expect(m.status()).to.equal(en.unavailable);
      expect(m.terminalEvents()).to.have.length(2);
      expect(m.el.state).to.equal('error');
    });
  });

  describe('when the element is disabled', () => {
    it('starts nothing, and says so through relink()', async () => {
      const m = await mount({ attrs: { account: CHECKING, disabled: '' } });
      expect(m.button().disabled).to.equal(true);
      const outcome = await m.el.relink();
      expect(outcome).to.deep.include({ status: 'error' });
      expect(m.events).to.deep.equal([]);
      expect(m.endpoint.requests).to.have.length(0);
      expect(m.el.state).to.equal('idle');
    });
  });
});
