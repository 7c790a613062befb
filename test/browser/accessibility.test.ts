// Accessibility, measured: axe-core checks the element in every state, in English and in Arabic
// (right to left), and must find nothing.
import type { FcRelinkElement } from '../../src/index.js';
import { http, HttpResponse } from 'msw';
import {
  CHECKING,
  VERIFY_ENDPOINT,
  clickAndWait,
  expect,
  fake,
  holdFlows,
  mount,
  until,
  useHandlers,
  type Mounted,
} from './harness/index.js';

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}
interface Axe {
  run(context: Element, options: object): Promise<{ violations: AxeViolation[]; passes: unknown[] }>;
}

/** axe-core, loaded once as the classic script it ships as. */
async function axe(): Promise<Axe> {
  const global = window as { axe?: Axe };
  if (!global.axe) {
    await new Promise<void>((resolve, reject) => {
      const script = Object.assign(document.createElement('script'), { src: '/node_modules/axe-core/axe.min.js' });
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('axe-core did not load'));
      document.head.append(script);
    });
  }
  return global.axe as Axe;
}

/** The element in a page landmark, as a page would place it. */
async function mountInPage(attrs: Record<string, string>, scenario?: 'hang'): Promise<Mounted & { main: HTMLElement }> {
  const main = document.body.appendChild(document.createElement('main'));
  const m = await mount({ parent: main, attrs: { account: CHECKING, ...attrs }, ...(scenario ? { scenario } : {}) });
  return { ...m, main };
}

async function expectNoViolations(el: FcRelinkElement, what: string): Promise<void> {
  await el.updateComplete;
  const { violations, passes } = await (
    await axe()
  ).run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  });
  const found = violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
  );
  expect(found, `${what}: axe-core violations`).to.deep.equal([]);
  expect(passes.length, `${what}: axe-core checked something`).to.be.greaterThan(0);
}

const stateOf = (m: Mounted) => m.el.getAttribute('state');

for (const lang of ['en', 'ar']) {
  describe(`accessibility in ${lang === 'en' ? 'English' : 'Arabic'} (axe-core)`, () => {
    afterEach(() => {
      fake.customer = { action: 'relink' };
      for (const main of document.querySelectorAll('main')) main.remove();
    });

    it('finds nothing when idle', async () => {
      const m = await mountInPage({ lang });
      await expectNoViolations(m.el, 'idle');
    });

    it('finds nothing while loading', async () => {
      const m = await mountInPage({ lang }, 'hang');
      m.button().click();
      await until(() => stateOf(m) === 'loading', 'loading');
      await expectNoViolations(m.el, 'loading');
      m.main.remove();
    });

    it("finds nothing while Stripe's flow is open", async () => {
      const held = holdFlows();
      const m = await mountInPage({ lang });
      const outcome = m.nextOutcome();
      m.button().click();
      await until(() => held.length === 1, 'the flow opens');
      await expectNoViolations(m.el, 'open');
      held[0]?.act({ action: 'cancel' });
      await outcome;
    });

    it('finds nothing while the server verifies', async () => {
      const m = await mountInPage({ lang, 'verify-url': VERIFY_ENDPOINT });
      let answer!: () => void;
      const answered = new Promise<void>((resolve) => (answer = resolve));
      await useHandlers(
        http.post(VERIFY_ENDPOINT, async () => {
          await answered;
          return HttpResponse.json({
            status: 'succeeded',
            relink_result: { authorization: 'fcauth_test_stripebank', account: CHECKING, failure_reason: null },
          });
        }),
      );
      const outcome = m.nextOutcome();
      m.button().click();
      await until(() => stateOf(m) === 'verifying', 'verifying');
      await expectNoViolations(m.el, 'verifying');
      answer();
      expect((await outcome).type).to.equal('fc-relink-success');
    });

    for (const [state, customer] of [
      ['success', { action: 'relink' }],
      ['cancel', { action: 'cancel' }],
      ['error', { action: 'error', error: { type: 'api_error', message: 'Stripe is down' } }],
    ] as const) {
      it(`finds nothing after ${state}`, async () => {
        fake.customer = customer;
        const m = await mountInPage({ lang });
        await clickAndWait(m);
        expect(stateOf(m)).to.equal(state);
        await expectNoViolations(m.el, state);
      });
    }
  });
}
