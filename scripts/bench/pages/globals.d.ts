// What the bench pages put on window, for editors and `tsc --checkJs` over scripts/bench/*.mjs and
// pages/*.js. Types only; nothing imports this at run time.
/** What the bench needs of <fc-relink>: an element that renders asynchronously (Lit). */
export type FcRelinkLike = HTMLElement & { updateComplete: Promise<boolean> };

declare global {
  interface Window {
    /** Set by probe.js before any page script. */
    __bench: {
      clickAt: number | null;
      hoverAt: number | null;
      shifts: { startTime: number; value: number }[];
    };
    /** The stand-in Stripe.js: when collectFinancialConnectionsAccounts was first called. */
    __collectAt?: number;
    /** The stand-in Stripe.js: every call, with the client secret it was given. */
    __collectCalls: { at: number; clientSecret: unknown }[];
    /** The stand-in Stripe.js: when the pretend customer closed the flow. */
    __flowClosedAt?: number;
    /** How long the pretend customer keeps the flow open (set by the bench). */
    __benchFlowMs?: number;
    /** The micro page: import and define of the bundle, in ms. */
    __defineMs?: number;
    Stripe?: unknown;
  }
}
