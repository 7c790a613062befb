// fc-relink/jsx-react: types only. `import type {} from 'fc-relink/jsx-react'` once, and
// <fc-relink …> type-checks in React 19 JSX without the wrapper, events included.
import type * as React from 'react';
import type { FcRelinkElement } from './fc-relink.js';
import type { FcRelinkJsxProps } from './jsx-types.js';

export type { FcRelinkAttributes, FcRelinkEventProps, FcRelinkJsxProps, FcRelinkProperties } from './jsx-types.js';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'fc-relink': React.DetailedHTMLProps<React.HTMLAttributes<FcRelinkElement>, FcRelinkElement> & FcRelinkJsxProps;
    }
  }
}
