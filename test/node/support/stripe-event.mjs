// A Stripe event as Stripe sends it to a webhook endpoint: the envelope around `object`.
export const stripeEvent = (type, object, fields = {}) => ({
  id: `evt_test_${Math.random().toString(36).slice(2)}`,
  object: 'event',
  api_version: '2026-08-26.preview',
  created: 1_800_000_000,
  livemode: false,
  pending_webhooks: 1,
  request: { id: null, idempotency_key: null },
  type,
  data: { object },
  ...fields,
});
