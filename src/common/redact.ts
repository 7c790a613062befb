// Any message that can reach a customer, a log or an event passes through here (in the element
// and in fc-relink/server), so that a secret an endpoint or Stripe echoes back, or a key an
// integrator pasted, is never repeated.
// A secret's random part always has a capital or a digit (or, masked, a `*`); words and
// identifiers in ordinary messages (network_test_failed, client_secret_hash, task_live_queue)
// have none, and are left alone.
const RANDOM = '[A-Za-z0-9]*[A-Z0-9*][A-Za-z0-9*]*';

const SECRET_PATTERNS: readonly (readonly [RegExp, string])[] = [
  // Client secrets of every Stripe object: fcsess_…_secret_…, pi_…_secret_…, seti_…_secret_…,
  // in capitals too (a log that upper-cases what it prints): only `_secret_` is matched in any case.
  [
    new RegExp(`[A-Za-z0-9]+_(?:[A-Za-z0-9]+_)*?${RANDOM}_[Ss][Ee][Cc][Rr][Ee][Tt]_[A-Za-z0-9_]+`, 'g'),
    '[client secret]',
  ],
  // Secret, restricted and ephemeral keys, including Stripe's masked echoes (sk_test_****1234).
  // With its mode a key is unmistakable wherever it stands, even glued to a word (Keysk_test_…).
  [new RegExp(`(?:sk|rk|ek)_(?:test|live)_${RANDOM}`, 'g'), '[secret key]'],
  [new RegExp(`(?<![A-Za-z0-9_])(?:sk|rk|ek)_${RANDOM}`, 'g'), '[secret key]'],
  [new RegExp(`(?<![A-Za-z0-9_])pk_(?:test|live)_${RANDOM}`, 'g'), '[publishable key]'],
  // Like a key with its mode, `whsec_` is unmistakable even glued to a word (SIGNINGSECRETwhsec_…).
  [new RegExp(`whsec_${RANDOM}`, 'g'), '[webhook secret]'],
];

/**
 * Removes client secrets, keys and webhook secrets from a message, and caps its length.
 *
 * @example
 * redact('Invalid API Key provided: sk_test_****abcd'); // 'Invalid API Key provided: [secret key]'
 */
export function redact(message: string, maxLength = 300): string {
  // The patterns see a bounded head of a long message: on megabytes of one word, Firefox's and
  // Safari's regular expressions backtrack for seconds. The head loses its last word, which the
  // cut may have split into a part the patterns no longer recognise as a secret.
  const cut = message.length > maxLength * 4;
  let out = cut ? message.slice(0, maxLength * 4).replace(/[\w*]+$/, '') : message;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return cut || out.length > maxLength ? `${out.slice(0, maxLength - 1)}…` : out;
}
