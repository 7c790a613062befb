import { css } from 'lit';

// Constructable stylesheets: no inline <style>, so the element works under a strict
// Content-Security-Policy (style-src without 'unsafe-inline'). Logical properties only, so that
// a right-to-left language lays the element out mirrored. The comments inside the css``
// template are stripped by the build (rollup.config.mjs): they do not ship. Left to right is
// set here, whatever the page's direction, so that only a right-to-left translation needs a
// `dir` attribute.
export const styles = css`
  /*
   * Never wider than its container (a 200 px sidebar, a 320 px phone, text at 200%): a word too
   * long for the room breaks rather than spills or is cut.
   */
  :host {
    display: inline-block;
    max-inline-size: 100%;
    overflow-wrap: anywhere;
    font: var(--fc-relink-font, inherit);
  }
  :host([hidden]) { display: none; }
  /*
   * The defaults, for a light page and for a dark one (the page's color-scheme, which the
   * element inherits). Each meets WCAG AA against the page: error text 6.19:1 on white and
   * 7.53:1 on #121212 (4.5:1 needed), focus ring 15.54:1 and 8.97:1 (3:1 needed). Where
   * light-dark() is missing, the light values stand: a page is light unless it says otherwise.
   */
  .box {
    --_error: #c0123c;
    --_ring: #0a2540;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    direction: ltr;
    unicode-bidi: isolate;
  }
  .box[dir='rtl'] {
    direction: rtl;
  }
  @supports (color: light-dark(#000, #fff)) {
    .box {
      --_error: light-dark(#c0123c, #ff7a90);
      --_ring: light-dark(#0a2540, #8ab4ff);
    }
  }
  /* A label too long for the container wraps rather than being cut. */
  button {
    font: inherit;
    cursor: pointer;
    max-inline-size: 100%;
    color: var(--fc-relink-color, #fff);
    background: var(--fc-relink-background, #635bff);
    border: var(--fc-relink-border, none);
    border-radius: var(--fc-relink-radius, 6px);
    padding: var(--fc-relink-padding, 0.6em 1.1em);
  }
  /*
   * The label's slot gets a box (a slot has none by default): Firefox sends no touch events, and
   * no click, for a tap on text whose nearest element has no box.
   */
  slot { display: inline; }
  button:focus-visible { outline: var(--fc-relink-focus-ring, 2px solid var(--_ring)); outline-offset: 2px; }
  /* Busy: aria-disabled keeps the button focusable, and it looks the same as disabled. */
  button:disabled,
  button[aria-disabled='true'] { cursor: default; opacity: 0.65; }
  /*
   * The status line: as wide as --fc-relink-status-width where there is room, else as wide as the
   * container. It keeps room for
   * --fc-relink-status-lines lines from the start, so a state change moves nothing around it
   * while the text fits in them (a longer text grows it). The extra pixel: engines round each
   * line box to their layout unit (Firefox: 1/60 px), so the lines can exceed their em height by a
   * fraction, and that fraction would move the page. The live region stays in the
   * accessibility tree while empty, or its first message is not announced.
   */
  [part='status'] {
    color: var(--fc-relink-status-color, inherit);
    font-size: 0.9em;
    line-height: 1.4;
    inline-size: var(--fc-relink-status-width, 22em);
    max-inline-size: 100%;
    min-block-size: calc(var(--fc-relink-status-lines, 2) * 1.4em + 1px);
    margin-block-start: var(--fc-relink-gap, 0.5em);
  }
  :host([state='error']) [part='status'] { color: var(--fc-relink-error-color, var(--_error)); }
  /*
   * Forced colors (Windows high contrast): the page's colours and backgrounds are replaced, so
   * the button needs a border to be seen as one, and disabled shows in the system's grey rather
   * than by opacity alone. The focus ring needs nothing: an outline keeps its style and width,
   * in the system's colour.
   */
  @media (forced-colors: active) {
    button { border: 1px solid ButtonText; }
    button:disabled,
    button[aria-disabled='true'] { color: GrayText; border-color: GrayText; opacity: 1; }
  }
`;
