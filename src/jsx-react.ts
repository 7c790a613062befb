// fc-relink/jsx-react: types only. `import type {} from 'fc-relink/jsx-react'` once, and
// <fc-relink …> type-checks in React 19 JSX without the wrapper, events included.
import type * as React from 'react';
import type { FcRelinkElement } from './shell/fc-relink.js';
import type { FcRelinkOwnJsxProps } from './jsx-types.js';

export type { FcRelinkEventProps, FcRelinkOwnJsxProps } from './jsx-types.js';

/**
 * Everything `<fc-relink>` takes in React 19 JSX: React's props for any HTML element, and the
 * element's own ({@link FcRelinkOwnJsxProps}), which win where a name is in both.
 *
 * @example
 * ```tsx
 * <fc-relink publishable-key="pk_test_…" session-url="/api/relink-session" prefetch preload="eager"
 *   headers={{ 'x-csrf-token': token }} onfc-relink-success={(event) => refresh(event.detail.accounts)} />
 * ```
 */
export type FcRelinkJsxProps = React.ClassAttributes<FcRelinkElement> &
  Omit<React.HTMLAttributes<FcRelinkElement>, keyof FcRelinkOwnJsxProps<'react'>> &
  FcRelinkOwnJsxProps<'react'>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'fc-relink': FcRelinkJsxProps;
    }
  }
}
