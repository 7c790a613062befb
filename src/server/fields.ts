// Reading what Stripe (or a stand-in for it) sent, without trusting its shape: a field is text
// only when it is a non-empty string, and an object only when it is a plain record.

export const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
