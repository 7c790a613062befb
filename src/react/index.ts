// fc-relink/react: <FcRelink> for React 18 and 19, typed as @lit/react's components. Importing it
// registers <fc-relink> (guarded), since the component renders that tag.
import * as React from 'react';
import type { EventName } from '@lit/react';
import { createComponent } from './create-component.js';
import '../define.js';
import { FcRelinkElement } from '../shell/fc-relink.js';
import type {
  FcRelinkCancelEvent,
  FcRelinkErrorEvent,
  FcRelinkStartEvent,
  FcRelinkStateChangeEvent,
  FcRelinkSuccessEvent,
} from '../shell/events.js';

/**
 * `<fc-relink>` as a React component. Properties (`publishableKey`, `sessionUrl`, `account`,
 * `fetchSession`, `stripe`, `headers`, …) are set on the element; the events arrive as typed
 * props. Nothing starts on mount, so React StrictMode's double mount starts no attempt and loads
 * nothing; a `ref` gives the element, for `ref.current.relink()`.
 *
 * @example
 * ```tsx
 * <FcRelink
 *   publishableKey="pk_test_…"
 *   sessionUrl="/api/relink-session"
 *   account={accountId}
 *   onSuccess={(e) => refresh(e.detail.accounts)}
 *   onError={(e) => setError(e.detail.message)}
 * />
 * ```
 */
export const FcRelink = createComponent({
  react: React,
  tagName: 'fc-relink',
  elementClass: FcRelinkElement,
  displayName: 'FcRelink',
  events: {
    onStart: 'fc-relink-start' as EventName<FcRelinkStartEvent>,
    onSuccess: 'fc-relink-success' as EventName<FcRelinkSuccessEvent>,
    onCancel: 'fc-relink-cancel' as EventName<FcRelinkCancelEvent>,
    onError: 'fc-relink-error' as EventName<FcRelinkErrorEvent>,
    onStateChange: 'fc-relink-statechange' as EventName<FcRelinkStateChangeEvent>,
  },
});

/** Props of `<FcRelink>`. */
export type FcRelinkProps = React.ComponentProps<typeof FcRelink>;

export { FcRelinkElement };
export type * from '../element.js';
