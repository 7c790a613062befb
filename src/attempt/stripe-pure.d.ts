// @stripe/stripe-js/pure's bundled types re-export without a file extension, which Node's module
// resolution cannot follow; these are the types of the file fc-relink imports.
declare module '@stripe/stripe-js/pure/index.mjs' {
  export { loadStripe } from '@stripe/stripe-js';
}
