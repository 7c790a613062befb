// Stripe's error messages can quote what was sent to it: a key, a client secret. The server half
// must not hand those to the customer, so every message from Stripe passes through here. (A copy
// of the element's patterns, so that fc-relink/server depends on nothing browser-side.)
const SECRET_PATTERNS: readonly (readonly [RegExp, string])[] = [
  // Client secrets of every Stripe object: fcsess_…_secret_…, pi_…_secret_…, seti_…_secret_…
  [/[A-Za-z0-9]+_(?:[A-Za-z0-9]+_)*secret_[A-Za-z0-9_]+/g, '[client secret]'],
  // Secret, restricted and ephemeral keys in any mode, including masked echoes (sk_test_****1234).
  [/\b(?:sk|rk|ek)_[A-Za-z0-9_*]+/g, '[secret key]'],
  [/\bwhsec_[A-Za-z0-9_]+/g, '[webhook secret]'],
];

const MAX_LENGTH = 500;

/**
 * Removes secret keys, client secrets and webhook secrets from a message, and caps its length.
 *
 * @example
 * redact('Invalid API Key provided: sk_test_****abcd'); // 'Invalid API Key provided: [secret key]'
 */
export function redact(message: string): string {
  let out = message;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out.length > MAX_LENGTH ? `${out.slice(0, MAX_LENGTH - 1)}…` : out;
}
