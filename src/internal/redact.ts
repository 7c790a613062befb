// Any message that can reach a customer, a log or an event passes through here (in the element
// and in fc-relink/server), so that a secret an endpoint or Stripe echoes back, or a key an
// integrator pasted, is never repeated.
const SECRET_PATTERNS: readonly (readonly [RegExp, string])[] = [
  // Client secrets of every Stripe object: fcsess_…_secret_…, pi_…_secret_…, seti_…_secret_…
  [/[A-Za-z0-9]+_(?:[A-Za-z0-9]+_)*secret_[A-Za-z0-9_]+/g, '[client secret]'],
  // Secret, restricted and ephemeral keys in any mode, including Stripe's masked echoes
  // (sk_test_****1234). A key with its mode is unmistakable wherever it stands, even glued to a
  // word (Keysk_test_…); without a mode, only a letter before it makes it part of a word (risk_).
  [/(?:sk|rk|ek)_(?:test|live)_[A-Za-z0-9_*]+/g, '[secret key]'],
  [/(?<![A-Za-z])(?:sk|rk|ek)_[A-Za-z0-9_*]+/g, '[secret key]'],
  [/(?<![A-Za-z])pk_(?:test|live)_[A-Za-z0-9_]+/g, '[publishable key]'],
  [/(?<![A-Za-z])whsec_[A-Za-z0-9_]+/g, '[webhook secret]'],
];

/**
 * Removes client secrets, keys and webhook secrets from a message, and caps its length.
 *
 * @example
 * redact('Invalid API Key provided: sk_test_****abcd'); // 'Invalid API Key provided: [secret key]'
 */
export function redact(message: string, maxLength = 300): string {
  let out = message;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out.length > maxLength ? `${out.slice(0, maxLength - 1)}…` : out;
}
