// What each element costs a page, as structure rather than time (the timings are measured by
// `npm run bench`, never asserted): how many nodes an element adds, how many observers it asks
// for, and that a click is answered in the very frame that follows it.
import ar from '../../src/translations/ar.js';
import en from '../../src/translations/en.js';
import { CHECKING, clickAndWait, expect, mount, type Mounted } from './harness/index.js';

/**
 * What the DOM says once the click's task has rendered (its microtasks, before any other task):
 * what the first frame after the click paints. The status text, aria-busy, the `state` attribute.
 */
async function afterClickTask(m: Mounted): Promise<[string, string | null, string | null]> {
  m.button().click();
  await m.el.updateComplete;
  return [m.status(), m.button().getAttribute('aria-busy'), m.el.getAttribute('state')];
}

/** Every node in the element's shadow root: elements, text and comments (Lit's markers). */
function shadowNodes(m: Mounted): number {
  const root = m.el.shadowRoot as ShadowRoot;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let count = 0;
  while (walker.nextNode()) count += 1;
  return count;
}

describe('what an element costs', () => {
  // First in this file: the attempt half is fetched once per page, and it must not be here yet.
  describe('when clicked with preload="none", before the attempt half is here', () => {
    it('shows loading and is aria-busy in the click’s own task; a configuration error goes idle to error', async () => {
      const m = await mount({ attrs: { preload: 'none', 'publishable-key': '' } });
      expect(await afterClickTask(m)).to.deep.equal([en.loading, 'true', 'idle']);
      expect(m.events.filter((e) => e.type === 'fc-relink-statechange')).to.deep.equal([]);
      const outcome = await m.nextOutcome();
      expect(outcome.detail).to.deep.include({ code: 'invalid_config' });
      const changes = m.events.filter((e) => e.type === 'fc-relink-statechange').map((e) => e.detail);
      expect(changes).to.deep.equal([{ state: 'error', previous: 'idle', attemptId: m.attemptIds()[0] }]);
      expect(m.button().getAttribute('aria-busy')).to.equal(null);
    });
  });

  describe('when clicked', () => {
    it('shows loading and is aria-busy in the click’s own task, in every preload mode', async () => {
      for (const preload of ['none', 'intent', 'visible', 'eager']) {
        const m = await mount({ attrs: { preload, account: CHECKING } });
        const outcome = m.nextOutcome();
        const [status, busy] = await afterClickTask(m);
        expect([preload, status, busy]).to.deep.equal([preload, en.loading, 'true']);
        expect((await outcome).type).to.equal('fc-relink-success');
      }
    });
  });

  describe('when many elements are on the page', () => {
    it('adds at most 8 nodes per element in its shadow root while idle', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      expect(shadowNodes(m)).to.be.at.most(8);
    });

    it('observes the document for lang changes once, not once per element', async () => {
      const observe = MutationObserver.prototype.observe;
      const targets: Node[] = [];
      MutationObserver.prototype.observe = function (target: Node, options?: MutationObserverInit) {
        targets.push(target);
        return observe.call(this, target, options);
      };
      try {
        const list = document.createElement('div');
        document.body.append(list);
        for (let i = 0; i < 10; i += 1) list.append(document.createElement('fc-relink'));
        const elements = [...list.children] as (HTMLElement & { updateComplete: Promise<unknown> })[];
        await Promise.all(elements.map((el) => el.updateComplete));
        expect(targets.filter((target) => target === document.documentElement).length).to.be.at.most(1);
        list.remove();
      } finally {
        MutationObserver.prototype.observe = observe;
      }
    });

    it('still follows a lang set on the page after many elements connected', async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      const second = await mount({ attrs: { account: CHECKING } });
      document.documentElement.lang = 'ar';
      try {
        await new Promise((resolve) => setTimeout(resolve, 0));
        await Promise.all([m.el.updateComplete, second.el.updateComplete]);
        const box = (el: Mounted) => el.button().parentElement?.getAttribute('dir');
        expect([box(m), box(second)]).to.deep.equal(['rtl', 'rtl']);
        expect(m.button().textContent).to.equal(ar.label);
      } finally {
        document.documentElement.removeAttribute('lang');
      }
      await clickAndWait(m);
    });
  });
});
