import { FcRelinkElement } from './shell/fc-relink.js';

// The only module that registers anything. Guarded so that importing it twice, or two copies
// of the package on one page, never throws, and so that it is inert where there is no DOM.
if (typeof customElements !== 'undefined' && !customElements.get('fc-relink')) {
  customElements.define('fc-relink', FcRelinkElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'fc-relink': FcRelinkElement;
  }
}
