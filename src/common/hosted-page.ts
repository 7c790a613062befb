// Where a hosted relink may send the customer: Stripe's own hosted pages, over https. The
// endpoint's answer names the page, and it is untrusted (a proxy, or an attacker on the
// network, can answer), yet the tab follows it right after the customer asked to reconnect their
// bank: a look-alike bank login on another host must never be followed. One rule, for the
// element and for fc-relink/server.

/**
 * The hosts of Stripe's hosted Financial Connections pages. Stripe's API reference describes
 * the session's `url` ("the hosted URL for this Session") without naming its host; Stripe's own
 * SDKs open the hosted authentication flow on `auth.stripe.com` (stripe-ios, HostedAuthUrlBuilder)
 * and watch for the bank-login step on `connections-auth.stripe.com` (stripe-android, partner
 * auth), and Stripe's Connect-hosted pages are on `connect.stripe.com`.
 * ASSUMED: hosted relink links are on one of these. If Stripe answers another host, the element
 * and the hosted handler refuse it (the app can add it through `hosted-origins` / `hostedOrigins`).
 */
export const STRIPE_HOSTED_HOSTS: readonly string[] = [
  'auth.stripe.com',
  'connect.stripe.com',
  'connections-auth.stripe.com',
];

/**
 * `value` as a URL to send the tab to, when it is `https:` on one of Stripe's hosts (no port, no
 * credentials), or on one of `origins` (the app's own opt-in, for a fake or a local Stripe);
 * otherwise `null`.
 *
 * @example
 * hostedPageUrl('https://connect.stripe.com/relink/…'); // the URL
 * hostedPageUrl('http://localhost:8000/hosted.html', ['http://localhost:8000']); // the URL
 */
export function hostedPageUrl(value: unknown, origins: readonly string[] = []): string | null {
  if (typeof value !== 'string') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  const stripe = url.protocol === 'https:' && url.port === '' && STRIPE_HOSTED_HOSTS.includes(url.hostname);
  return stripe || origins.includes(url.origin) ? url.href : null;
}

/**
 * An origin the app allows besides Stripe's (`http://localhost:8000`), normalised; `null` when
 * `value` is not an http(s) origin (a path, a bare host name).
 *
 * @example
 * toOrigin('http://localhost:8000/'); // 'http://localhost:8000'
 */
export function toOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const bare = url.pathname === '/' && url.search === '' && url.hash === '' && `${url.username}${url.password}` === '';
  return /^https?:$/.test(url.protocol) && bare ? url.origin : null;
}
