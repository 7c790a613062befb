// fc-relink/jsx-preact: types only. `import type {} from 'fc-relink/jsx-preact'` once, and
// <fc-relink …> type-checks in Preact JSX, events included.
import type { HTMLAttributes } from 'preact';
import type { FcRelinkElement } from './shell/fc-relink.js';
import type { FcRelinkOwnJsxProps } from './jsx-types.js';

export type { FcRelinkEventProps, FcRelinkOwnJsxProps } from './jsx-types.js';

/**
 * Everything `<fc-relink>` takes in Preact JSX: Preact's props for any HTML element, and the
 * element's own ({@link FcRelinkOwnJsxProps}), which win where a name is in both.
 *
 * @example
 * ```tsx
 * <fc-relink publishable-key="pk_test_…" session-url="/api/relink-session" prefetch preload="eager"
 *   headers={{ 'x-csrf-token': token }} onfc-relink-success={(event) => refresh(event.detail.accounts)} />
 * ```
 */
export type FcRelinkJsxProps = Omit<HTMLAttributes<FcRelinkElement>, keyof FcRelinkOwnJsxProps<'preact'>> &
  FcRelinkOwnJsxProps<'preact'>;

// Preact's documented way to type a custom element: its global `preact.JSX` namespace.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace preact.JSX {
    interface IntrinsicElements {
      'fc-relink': FcRelinkJsxProps;
    }
  }
}
