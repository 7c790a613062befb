// Any message that can reach a customer, a log or an event passes through here, so that a
// secret an endpoint or Stripe echoes back (or a key an integrator pasted) is never repeated.
const SECRET_PATTERNS: readonly (readonly [RegExp, string])[] = [
  // Client secrets of every Stripe object: fcsess_…_secret_…, pi_…_secret_…, seti_…_secret_…
  [/[A-Za-z0-9]+_(?:[A-Za-z0-9]+_)*secret_[A-Za-z0-9_]+/g, '[client secret]'],
  [/\b(?:sk|rk)_(?:test|live)_[A-Za-z0-9_]+/g, '[secret key]'],
  [/\bpk_(?:test|live)_[A-Za-z0-9_]+/g, '[publishable key]'],
  [/\bwhsec_[A-Za-z0-9_]+/g, '[webhook secret]'],
];

const MAX_LENGTH = 300;

/** Removes secrets and keys from a message, and caps its length. */
export function redact(message: string): string {
  let out = message;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out.length > MAX_LENGTH ? `${out.slice(0, MAX_LENGTH - 1)}…` : out;
}
