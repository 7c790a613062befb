import type {
  FcRelinkCancelEvent,
  FcRelinkErrorEvent,
  FcRelinkStartEvent,
  FcRelinkStateChangeEvent,
  FcRelinkSuccessEvent,
} from './events.js';
import type { FetchSession, RelinkCredentials, StripeLike, VerifySession } from './types.js';

/** `<fc-relink>`'s attributes, as written in markup. */
export interface FcRelinkAttributes {
  'publishable-key'?: string;
  'stripe-account'?: string;
  'session-url'?: string;
  account?: string;
  credentials?: RelinkCredentials;
  disabled?: boolean;
  'session-timeout'?: number | string;
  'stripe-timeout'?: number | string;
  'verify-url'?: string;
}

/** `<fc-relink>`'s properties, which React 19 and Preact set directly on the element. */
export interface FcRelinkProperties {
  publishableKey?: string | null;
  stripeAccount?: string | null;
  sessionUrl?: string | null;
  sessionTimeout?: number;
  stripeTimeout?: number;
  headers?: Record<string, string>;
  fetchSession?: FetchSession | null;
  stripe?: StripeLike | Promise<StripeLike> | null;
  verifyUrl?: string | null;
  verifySession?: VerifySession | null;
}

/** Event listeners as `on<event-name>` props (React 19, Preact): `onfc-relink-success={…}`. */
export interface FcRelinkEventProps {
  'onfc-relink-start'?: (event: FcRelinkStartEvent) => void;
  'onfc-relink-success'?: (event: FcRelinkSuccessEvent) => void;
  'onfc-relink-cancel'?: (event: FcRelinkCancelEvent) => void;
  'onfc-relink-error'?: (event: FcRelinkErrorEvent) => void;
  'onfc-relink-statechange'?: (event: FcRelinkStateChangeEvent) => void;
}

/** Everything `<fc-relink>` accepts in JSX besides the host element's own attributes. */
export type FcRelinkJsxProps = FcRelinkAttributes & FcRelinkProperties & FcRelinkEventProps;
