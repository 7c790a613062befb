// Whether the tab really left for Stripe's hosted page. location.assign() does not say: a URL
// that differs only by its #fragment, an answer of 204, or the customer pressing Stop all leave
// the page where it was, and the attempt must not wait for a return that never comes.
import type { AttemptHost } from '../attempt/index.js';
import { toOrigin } from '../common/hosted-page.js';

/** The element as the hosted half reads it: the attempt's properties, and `hosted-origins`. */
export interface HostedHost extends AttemptHost {
  readonly hostedOrigins?: string | null | undefined;
}

/**
 * How long the tab may stay after it was sent to Stripe's page before the attempt ends. Leaving
 * starts when the page's answer arrives (`pagehide`), which on a slow connection takes seconds;
 * past this, the tab is not going anywhere.
 */
export const LEAVE_TIMEOUT_MS = 10_000;

/**
 * The origins of `hosted-origins` (space-separated), which the page allows besides Stripe's
 * hosted-page hosts, for a fake or a local Stripe; `null` when one of them is not an origin.
 * Set by the page, never by the endpoint's answer.
 */
export function hostedOrigins(value: string | null | undefined): string[] | null {
  const origins = (value ?? '').split(/\s+/).filter(Boolean).map(toOrigin);
  return origins.includes(null) ? null : (origins as string[]);
}

/**
 * Resolves `left` when the page is shown again from the back/forward cache (the customer came
 * back), or `stayed` when it is still here `timeout` ms after the tab was sent away and it never
 * began to leave (`pagehide`). Call it just before `location.assign`.
 */
export function leftOrStayed(timeout = LEAVE_TIMEOUT_MS): Promise<'left' | 'stayed'> {
  return new Promise((resolve) => {
    const done = (how: 'left' | 'stayed') => {
      clearTimeout(timer);
      removeEventListener('pagehide', onHide);
      removeEventListener('pageshow', onShow);
      resolve(how);
    };
    // Leaving has begun: only coming back ends the attempt now.
    const onHide = () => clearTimeout(timer);
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) done('left');
    };
    const timer = setTimeout(() => done('stayed'), timeout);
    addEventListener('pagehide', onHide);
    addEventListener('pageshow', onShow);
  });
}

/**
 * Whether this page was loaded by the browser's back or forward button (not restored from the
 * back/forward cache, which `leftOrStayed` sees): the customer came back from Stripe's page
 * without Stripe sending them.
 */
export function cameBack(): boolean {
  const [entry] = performance.getEntriesByType?.('navigation') ?? [];
  return (entry as PerformanceNavigationTiming | undefined)?.type === 'back_forward';
}
