// The secret-leak audit: secrets the test knows of (issued by a mocked endpoint or the fake, or
// planted by a test) must appear nowhere observable, and nothing the element produced may even
// look like a secret. "Looks like a secret" is the product's own redaction (src/common/redact.ts):
// what it would scrub from a message must not be in the page either.
import { expect } from '@esm-bundle/chai';
import { redact } from '../../../src/common/redact.js';
import { safeStringify } from './text.js';

/** What redact() puts in place of a secret (a publishable key is not one). */
const SECRET_MARKERS = ['[client secret]', '[secret key]', '[webhook secret]'];

const count = (text: string, marker: string) => text.split(marker).length - 1;

/**
 * Where `text` holds something shaped like a secret: the redacted text around the first one
 * (so that a report never repeats the secret itself), or null.
 */
export function secretShapeIn(text: string): string | null {
  const redacted = redact(text, Number.POSITIVE_INFINITY);
  for (const marker of SECRET_MARKERS) {
    if (count(redacted, marker) > count(text, marker)) {
      const at = redacted.indexOf(marker);
      return `${marker} in …${redacted.slice(Math.max(0, at - 40), at + marker.length + 20)}…`;
    }
  }
  return null;
}

/**
 * The markup of `root`, with every open shadow root and every same-origin frame's document
 * inside it; `shadowOnly` keeps only what lives in shadow roots (what an element renders).
 */
export function domText(root: Node, shadowOnly = false): string {
  let out = '';
  // By nodeType, not instanceof: a frame's nodes are instances of the frame's own Element.
  const walk = (node: Node, inShadow: boolean) => {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      if (!shadowOnly || inShadow) out += element.outerHTML;
      if (element.shadowRoot) {
        out += element.shadowRoot.innerHTML;
        element.shadowRoot.childNodes.forEach((child) => walk(child, true));
      }
      if (element.localName === 'iframe' || element.localName === 'frame') {
        let inner: Document | null = null;
        try {
          inner = (element as HTMLIFrameElement).contentDocument;
        } catch {
          // A cross-origin frame: nothing of ours can be in it.
        }
        if (inner?.documentElement) walk(inner.documentElement, inShadow);
      }
    }
    node.childNodes.forEach((child) => walk(child, inShadow));
  };
  walk(root, false);
  return out;
}

function storageText(): string {
  const dump = (s: Storage) =>
    Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i) ?? '')}`).join('\n');
  return `${dump(localStorage)}\n${dump(sessionStorage)}`;
}

export interface Observed {
  /** Event details the element dispatched. */
  events: unknown;
  /** Console lines written meanwhile. */
  console: readonly string[];
}

/**
 * Audits the page: no secret in `secrets` anywhere observable (the whole DOM with shadow roots,
 * attributes and frames, event details, console, URL and history, title, cookies, web storage),
 * and nothing secret-shaped in what the element produced (the same places, but only shadow roots
 * of the DOM: the light DOM is the page's own, and a test may set publishable-key="sk_…" there
 * to check that the element refuses it).
 */
export function assertNoLeak(secrets: Iterable<string>, observed: Observed, label: string): void {
  const events = safeStringify(observed.events);
  const shared: Record<string, string> = {
    'event details': events,
    console: observed.console.join('\n'),
    'URL and history': `${location.href} ${safeStringify(history.state)}`,
    title: document.title,
    cookies: document.cookie,
    'web storage': storageText(),
  };
  const everywhere = { DOM: domText(document.documentElement), ...shared };
  for (const secret of secrets) {
    for (const [place, text] of Object.entries(everywhere)) {
      expect(text.includes(secret), `${label}: a secret (${secret.slice(0, 12)}…) in ${place}`).to.equal(false);
    }
  }
  const produced = { 'shadow DOM': domText(document.documentElement, true), ...shared };
  for (const [place, text] of Object.entries(produced)) {
    expect(secretShapeIn(text), `${label}: something secret-shaped in ${place}`).to.equal(null);
  }
}
