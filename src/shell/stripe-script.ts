// Stripe.js's address, and the one Trusted Types policy that may produce it.

/** The script @stripe/stripe-js 10 injects (its release train); a node test checks they agree. */
export const STRIPE_JS = 'https://js.stripe.com/endive/stripe.js';

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}

interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
}

/**
 * The policy named `fc-relink`, made when this module is first evaluated (with the element's
 * module, before any script that runs after `import 'fc-relink'`), so that no other script can
 * claim the name first. Whatever it is asked for, it can only ever produce Stripe.js's URL.
 * `null` where the browser has no Trusted Types (only Chromium has them) or the page's CSP does
 * not allow the name; Stripe.js's plain URL is used then.
 */
export const stripeScriptPolicy: ScriptUrlPolicy | null = createPolicy();

function createPolicy(): ScriptUrlPolicy | null {
  const types = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  try {
    return types?.createPolicy('fc-relink', { createScriptURL: () => STRIPE_JS }) ?? null;
  } catch {
    return null;
  }
}
