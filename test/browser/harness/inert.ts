// Markup shown as inert text: what an XSS case checks once its attempt has ended in an error.
import { expect } from '@esm-bundle/chai';
import type { RelinkErrorDetail } from '../../../src/index.js';
import type { Mounted, RecordedEvent } from './element.js';
import { customerTextOf } from './text.js';
import { sleep } from './time.js';

declare global {
  // Set by a payload's handler if one ever runs (each payload sets its own value).

  var __xss: unknown;
}

/** The number of elements in the document (outside shadow roots), to compare before and after. */
export const elementCount = (): number => document.querySelectorAll('*').length;

/** Resolves once an <img> with a broken src has failed: any injected one would have by then. */
async function imageLoadAttempted(): Promise<void> {
  const probe = new Image();
  const failed = new Promise<void>((resolve) => {
    probe.onerror = () => resolve();
    probe.onload = () => resolve();
  });
  probe.src = `x?probe=${Math.random()}`;
  await Promise.race([failed, sleep(2000)]);
  await sleep(20);
}

/**
 * The outcome is an error whose message holds `payload` literally, the customer reads their own
 * text (never the payload), and nothing in the page became markup.
 */
export async function expectInert(
  m: Mounted,
  outcome: RecordedEvent,
  payload: string | null,
  countBefore: number,
): Promise<RelinkErrorDetail> {
  expect(outcome.type).to.equal('fc-relink-error');
  const detail = outcome.detail as RelinkErrorDetail;
  await m.el.updateComplete;
  const root = m.el.shadowRoot!;
  const status = root.querySelector('[part="status"]')!;
  expect(status.textContent?.trim()).to.equal(customerTextOf(detail));
  if (payload !== null) {
    expect(detail.message).to.include(payload);
    expect(status.textContent).not.to.include(payload);
  }
  // Only the element's own nodes: its box, a button, its slot, the status region, which holds
  // text (and Lit's comment markers), no element.
  const elements = [...root.querySelectorAll('*')].map((e) => e.localName).sort();
  expect(elements).to.deep.equal(['button', 'div', 'div', 'slot', 'span']);
  // The status region holds one span of text (and Lit's comment markers), no other element.
  const elementsIn = (node: Node) =>
    [...node.childNodes].map((n) => n.nodeName).filter((name) => name !== '#text' && name !== '#comment');
  expect(elementsIn(status)).to.deep.equal(['SPAN']);
  expect(elementsIn(status.querySelector('span')!)).to.deep.equal([]);
  expect(elementCount(), 'elements in the document').to.equal(countBefore);
  await imageLoadAttempted();
  expect(globalThis.__xss, 'a handler in the markup ran').to.equal(undefined);
  return detail;
}
