// The page-load baseline: Lit with one trivial element, what any Lit component costs a page.
import { LitElement, html } from 'lit';

class TrivialElement extends LitElement {
  render() {
    return html`<button type="button">Reconnect bank account</button>`;
  }
}
customElements.define('trivial-element', TrivialElement);
