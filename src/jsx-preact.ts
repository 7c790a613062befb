// fc-relink/jsx-preact: types only. `import type {} from 'fc-relink/jsx-preact'` once, and
// <fc-relink …> type-checks in Preact JSX, events included.
import type { HTMLAttributes } from 'preact';
import type { FcRelinkElement } from './fc-relink.js';
import type { FcRelinkJsxProps } from './jsx-types.js';

export type { FcRelinkAttributes, FcRelinkEventProps, FcRelinkJsxProps, FcRelinkProperties } from './jsx-types.js';

// Preact's documented way to type a custom element: its global `preact.JSX` namespace.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace preact.JSX {
    interface IntrinsicElements {
      'fc-relink': HTMLAttributes<FcRelinkElement> & FcRelinkJsxProps;
    }
  }
}
