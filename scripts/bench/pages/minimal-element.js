// The baseline a per-element cost is measured against: a minimal hand-written custom element
// with a shadow root, one stylesheet shared by every instance, a button and a status line. It
// does no work of its own: its click shows a loading text, as any button with feedback would.
const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  :host { display: inline-block; }
  button { font: inherit; color: #fff; background: #635bff; border: none; border-radius: 6px; padding: 0.6em 1.1em; }
  [part='status'] { font-size: 0.9em; min-block-size: calc(2.8em + 1px); min-inline-size: 22em; }
`);

class MinimalRelink extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    const button = document.createElement('button');
    button.type = 'button';
    button.part = 'button';
    button.textContent = 'Reconnect bank account';
    const status = document.createElement('div');
    status.setAttribute('part', 'status');
    status.setAttribute('role', 'status');
    button.addEventListener('click', () => {
      button.setAttribute('aria-busy', 'true');
      status.textContent = 'Connecting…';
    });
    root.append(button, status);
  }
}
customElements.define('minimal-relink', MinimalRelink);
