import { expect } from '@esm-bundle/chai';
import { FcRelinkElement as Unregistered } from '../../src/element.js';

// No harness here: it imports fc-relink, which registers <fc-relink>, and the first group is
// about a page that has not.
describe('registering the element', () => {
  describe('when only fc-relink/element is imported', () => {
    it('defines nothing', () => {
      expect(customElements.get('fc-relink')).to.equal(undefined);
      expect(Unregistered).to.be.a('function');
    });

    it('lets the class be registered under another name', async () => {
      class MyRelink extends Unregistered {}
      customElements.define('my-relink', MyRelink);
      const el = document.body.appendChild(document.createElement('my-relink')) as Unregistered;
      await el.updateComplete;
      expect(el.shadowRoot?.querySelector('button')).not.to.equal(null);
      expect(el.getAttribute('state')).to.equal('idle');
      el.remove();
    });
  });

  describe('when fc-relink is imported', () => {
    it('registers <fc-relink>, and importing it again never throws', async () => {
      const first = await import('../../src/index.js');
      expect(customElements.get('fc-relink')).to.equal(first.FcRelinkElement);
      await import('../../src/index.js');
      expect(customElements.get('fc-relink')).to.equal(first.FcRelinkElement);
    });

    it('leaves the first registration alone when a second copy of the package is on the page', async () => {
      const first = customElements.get('fc-relink');
      // The built package is a separate module graph with its own class: a true second copy.
      const copy = (await import(/* built by npm test before this runs */ '../../dist/index.js' as string)) as {
        FcRelinkElement: CustomElementConstructor;
      };
      expect(copy.FcRelinkElement).not.to.equal(first);
      expect(customElements.get('fc-relink')).to.equal(first);
    });
  });
});
