// The stand-in for Stripe.js that the bench serves at https://js.stripe.com/<release>/stripe.js,
// after the simulated load latency. A classic script, like the real one: it only defines
// window.Stripe. Creating the instance and opening the "flow" cost nothing here, so every
// millisecond measured is network latency plus the integration's own work.
(() => {
  // How long the pretend customer keeps Stripe's modal open before closing it (a cancel).
  // Only the layout-shift runs wait for it; the latency runs stop at the call itself.
  const FLOW_MS = Number(window.__benchFlowMs ?? 400);

  /** @type {{ at: number, clientSecret: unknown }[]} */
  const calls = (window.__collectCalls = []);

  /** @param {string} key @param {object} [options] */
  function Stripe(key, options) {
    return {
      /** @param {{ clientSecret?: unknown }} [args] */
      collectFinancialConnectionsAccounts(args) {
        const at = performance.now();
        calls.push({ at, clientSecret: args?.clientSecret });
        // The first call is the figure; later ones (a defect) still show up in __collectCalls.
        if (window.__collectAt === undefined) window.__collectAt = at;
        // The session id is the client secret's prefix, so a cancel names the session that was
        // opened; fc-relink checks that (src/attempt/result.ts) and reports fc-relink-cancel.
        const id = String(args?.clientSecret ?? '').split('_secret_')[0];
        return new Promise((resolve) =>
          setTimeout(() => {
            window.__flowClosedAt = performance.now();
            resolve({ financialConnectionsSession: { id, accounts: [] } });
          }, FLOW_MS),
        );
      },
      registerAppInfo() {},
      _registerWrapper() {},
      _key: key,
      _options: options,
    };
  }
  // @stripe/stripe-js warns (test keys) unless the script's release matches the one it asked for.
  Stripe.version = 'endive';
  window.Stripe = Stripe;
})();
