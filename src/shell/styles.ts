import { css } from 'lit';

// Constructable stylesheets: no inline <style>, so the element works under a strict
// Content-Security-Policy (style-src without 'unsafe-inline'). Logical properties only, so that
// a right-to-left language lays the element out mirrored. (Comments stay out of the css``
// template: they would ship.) Left to right is set here, whatever the page's direction, so that
// only a right-to-left translation needs a `dir` attribute.
//
// The label's slot gets a box (a slot has none by default): Firefox sends no touch events, and no
// click, for a tap on text whose nearest element has no box.
//
// The status line keeps room for two lines from the start and its text never widens the
// element, so a state change moves nothing around it (only a text longer than two lines grows
// it). The extra pixel: engines round each line box to their layout unit (Firefox: 1/60 px), so
// two lines can exceed 2.8em by a fraction, and that fraction would move the page. The live
// region stays in the accessibility tree while empty, or its first message is not announced.
export const styles = css`
  :host { display: inline-block; font: var(--fc-relink-font, inherit); }
  :host([hidden]) { display: none; }
  .box { display: flex; flex-direction: column; align-items: flex-start; direction: ltr; unicode-bidi: isolate; }
  .box[dir='rtl'] { direction: rtl; }
  button {
    font: inherit;
    cursor: pointer;
    color: var(--fc-relink-color, #fff);
    background: var(--fc-relink-background, #635bff);
    border: var(--fc-relink-border, none);
    border-radius: var(--fc-relink-radius, 6px);
    padding: var(--fc-relink-padding, 0.6em 1.1em);
  }
  slot { display: inline; }
  button:focus-visible { outline: var(--fc-relink-focus-ring, 2px solid #0a2540); outline-offset: 2px; }
  button:disabled { cursor: default; opacity: 0.65; }
  [part='status'] {
    color: var(--fc-relink-status-color, inherit);
    font-size: 0.9em;
    line-height: 1.4;
    min-block-size: calc(2.8em + 1px);
    margin-block-start: var(--fc-relink-gap, 0.5em);
    min-inline-size: var(--fc-relink-status-width, 22em);
    contain: inline-size;
  }
  :host([state='error']) [part='status'] { color: var(--fc-relink-error-color, #c0123c); }
`;
