// What the property-based tests generate: a plan for one attempt, made of the element's account,
// an endpoint response (any status a server can send, any headers, any body bytes: valid,
// near-valid, garbage, huge, empty, unicode; after any delay, or never), a Stripe.js behaviour,
// and how the attempt is started. Messages, bodies and headers carry markup and tokens that the
// server and the Stripe.js stand-ins (./server.ts, ./stripe-js.ts) replace with real client
// secrets and planted keys.
import fc from 'fast-check';
import { CHECKING, SAVINGS } from '../harness/index.js';

export { fc };

export { MARKUP, messageArb, RESTRICTED_KEY, SECRET_KEY, TOKEN_KEY, TOKEN_RK, TOKEN_SECRET } from './values.js';
import { messageArb, TOKEN_KEY, TOKEN_SECRET } from './values.js';

// ---------------------------------------------------------------------------------------------
// Endpoint responses.

/** Fields a real session response may carry beyond what the element needs. */
export const extrasArb = fc.array(
  fc.tuple(
    fc.constantFrom(
      'object',
      'status',
      'permissions',
      'accounts',
      'note',
      'livemode_hint',
      'ünïcødé',
      '__proto__',
      'constructor',
      'x',
    ),
    fc.oneof(fc.jsonValue({ maxDepth: 2 }), messageArb),
  ),
  { maxLength: 4 },
);

/** Ways to make a session response invalid: each must give invalid_session_response. */
export const SESSION_MUTATIONS = [
  'secret-missing',
  'secret-number',
  'secret-null',
  'secret-wrong-prefix',
  'secret-no-marker',
  'secret-bad-char',
  'secret-leading-space',
  'secret-empty',
  'options-missing',
  'options-null',
  'options-array',
  'options-string',
  'authorization-missing',
  'authorization-wrong-prefix',
  'authorization-bare-prefix',
  'authorization-bad-char',
  'authorization-number',
  'account-wrong-prefix',
  'account-empty',
  'account-number',
  'account-bad-char',
  'id-wrong-prefix',
  'id-number',
  'id-bad-char',
  'livemode-string',
  'livemode-number',
  'wrapped-in-array',
] as const;
export type SessionMutation = (typeof SESSION_MUTATIONS)[number];

export type BodyPlan =
  | {
      kind: 'session';
      /** Which account the endpoint's session is for: the element's, another, or any. */
      account: 'expected' | 'other' | 'none' | 'absent';
      /** The `livemode` field: matching the test key, contradicting it, or left out. */
      livemode: false | true | 'absent';
      withId: boolean;
      extras: [string, unknown][];
      bom: boolean;
      indent: 0 | 2 | '\t';
      reverseKeys: boolean;
      /** Bytes of padding in an extra field (a huge but valid session). */
      padding: number;
      mutation: SessionMutation | null;
    }
  | { kind: 'error-json'; shape: 'error.message' | 'error' | 'message'; message: string }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'empty' }
  | { kind: 'huge'; size: number; unit: string };

export type ResponsePlan =
  | { kind: 'hang' }
  | { kind: 'network-error'; delayMs: number }
  | { kind: 'http'; status: number; headers: [string, string][]; delayMs: number; body: BodyPlan };

const sessionBodyArb = (mutations: boolean): fc.Arbitrary<BodyPlan> =>
  fc.record({
    kind: fc.constant('session' as const),
    account: fc.constantFrom('expected', 'expected', 'expected', 'other', 'none', 'absent') as fc.Arbitrary<
      'expected' | 'other' | 'none' | 'absent'
    >,
    livemode: fc.constantFrom(false, false, 'absent', true) as fc.Arbitrary<false | true | 'absent'>,
    withId: fc.boolean(),
    extras: extrasArb,
    bom: fc.boolean(),
    indent: fc.constantFrom(0, 2, '\t') as fc.Arbitrary<0 | 2 | '\t'>,
    reverseKeys: fc.boolean(),
    padding: fc.oneof(
      { weight: 12, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: 100_000, max: 1_500_000 }) },
    ),
    mutation: mutations
      ? fc.oneof(
          { weight: 1, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.constantFrom(...SESSION_MUTATIONS) },
        )
      : fc.constant(null),
  });

export const validSessionBodyArb = sessionBodyArb(false);

const bodyArb: fc.Arbitrary<BodyPlan> = fc.oneof(
  { weight: 10, arbitrary: sessionBodyArb(true) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('error-json' as const),
      shape: fc.constantFrom('error.message', 'error', 'message') as fc.Arbitrary<
        'error.message' | 'error' | 'message'
      >,
      message: messageArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue({ maxDepth: 3 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('text' as const),
      text: fc.oneof(
        messageArb,
        fc.constantFrom(
          '<!doctype html><title>502 Bad Gateway</title><h1>Bad Gateway</h1>',
          '{"client_secret":',
          'null',
          '[]',
          '"fcsess_x"',
          'undefined',
          '{',
          '\uFEFF',
        ),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 64 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'empty' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('huge' as const),
      size: fc.integer({ min: 200_000, max: 2_000_000 }),
      unit: fc.constantFrom('a', '{', '[', 'é', '<b>', TOKEN_SECRET),
    }),
  },
);

// What a real server can send that a service worker can also synthesize: statuses 200-599
// (the Response constructor refuses 1xx and anything above 599, and no fetch ever sees a 1xx),
// no body on 204, 205 and 304. Headers exclude what the network stack, not the page, acts on:
// Set-Cookie (forbidden to scripts; msw would copy it into document.cookie), Location (a redirect
// is the browser's to follow, a different fault), Content-Length/-Encoding and Transfer-Encoding
// (framing a synthesized response does not have), WWW-Authenticate (the browser's auth prompt).
export const NULL_BODY_STATUSES = [204, 205, 304];
const statusArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 14, arbitrary: fc.constant(200) },
  { weight: 2, arbitrary: fc.integer({ min: 200, max: 299 }).filter((s) => !NULL_BODY_STATUSES.includes(s)) },
  { weight: 1, arbitrary: fc.constantFrom(...NULL_BODY_STATUSES) },
  { weight: 1, arbitrary: fc.integer({ min: 300, max: 399 }).filter((s) => !NULL_BODY_STATUSES.includes(s)) },
  { weight: 3, arbitrary: fc.integer({ min: 400, max: 499 }) },
  { weight: 3, arbitrary: fc.constantFrom(400, 401, 403, 404, 408, 409, 415, 422, 429) },
  { weight: 3, arbitrary: fc.integer({ min: 500, max: 599 }) },
);

const headerValueArb = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 24 }),
  fc.constantFrom(TOKEN_KEY, `text/plain; note=${TOKEN_KEY}`, `application/json; x=${TOKEN_SECRET}`),
);
const headersArb: fc.Arbitrary<[string, string][]> = fc.array(
  fc.oneof(
    fc.tuple(
      fc.constant('content-type'),
      fc.oneof(
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'application/problem+json',
          'text/html; charset=utf-8',
          'text/plain; charset=iso-8859-1',
          'application/octet-stream',
          'text/event-stream',
          'multipart/form-data; boundary=x',
          '',
        ),
        headerValueArb,
      ),
    ),
    fc.tuple(
      fc.constantFrom(
        'cache-control',
        'retry-after',
        'x-request-id',
        'vary',
        'etag',
        'content-language',
        'access-control-allow-origin',
        'x-content-type-options',
        'link',
        'server',
      ),
      headerValueArb,
    ),
    fc.tuple(fc.stringMatching(/^x-[a-z0-9-]{1,12}$/), headerValueArb),
  ),
  { maxLength: 4 },
);

export const responseArb: fc.Arbitrary<ResponsePlan> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'hang' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('network-error' as const), delayMs: fc.integer({ min: 0, max: 30 }) }),
  },
  {
    weight: 18,
    arbitrary: fc
      .record({
        kind: fc.constant('http' as const),
        status: statusArb,
        headers: headersArb,
        delayMs: fc.oneof(
          { weight: 3, arbitrary: fc.constant(0) },
          { weight: 2, arbitrary: fc.integer({ min: 1, max: 40 }) },
        ),
        body: bodyArb,
      })
      .map((plan): ResponsePlan =>
        NULL_BODY_STATUSES.includes(plan.status) ? { ...plan, body: { kind: 'empty' } } : plan,
      ),
  },
);

/** A valid same-account (or any-account) session, after a short delay: for the Stripe property. */
export const validResponseArb: fc.Arbitrary<ResponsePlan> = fc.record({
  kind: fc.constant('http' as const),
  status: fc.constantFrom(200, 200, 200, 201),
  headers: fc.constant([['content-type', 'application/json']] as [string, string][]),
  delayMs: fc.integer({ min: 0, max: 20 }),
  body: validSessionBodyArb.map((b) =>
    b.kind === 'session'
      ? { ...b, account: 'expected' as const, livemode: b.livemode === true ? false : b.livemode, padding: 0 }
      : b,
  ),
});

// ---------------------------------------------------------------------------------------------
// Stripe.js behaviours.

const STRIPE_ERROR_TYPES = [
  'api_connection_error',
  'api_error',
  'authentication_error',
  'card_error',
  'idempotency_error',
  'invalid_request_error',
  'rate_limit_error',
  'validation_error',
] as const;

const stripeErrorArb: fc.Arbitrary<{ type: string; code?: string; message?: string }> = fc.record(
  {
    type: fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...STRIPE_ERROR_TYPES) },
      { weight: 1, arbitrary: fc.stringMatching(/^[a-z_]{1,16}$/) },
    ),
    code: fc.constantFrom('resource_missing', 'session_expired', 'parameter_invalid_empty', 'unknown'),
    message: messageArb,
  },
  { requiredKeys: ['type'] },
);

/** What the customer does in the (fake) Stripe flow. */
export type CustomerPlan =
  | { action: 'relink'; select: string[] }
  | { action: 'cancel' }
  | { action: 'error'; error: { type: string; code?: string; message?: string } }
  | { action: 'misbehave'; accounts: (string | { id: string; livemode: boolean })[] }
  | { action: 'throw'; message: string };

const accountIdArb = fc.constantFrom(CHECKING, SAVINGS, 'fca_test_elsewhere', 'fca_1Other');
const customerArb: fc.Arbitrary<CustomerPlan> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      action: fc.constant('relink' as const),
      select: fc.subarray([CHECKING, SAVINGS], { minLength: 1 }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ action: 'cancel' as const }) },
  { weight: 2, arbitrary: fc.record({ action: fc.constant('error' as const), error: stripeErrorArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      action: fc.constant('misbehave' as const),
      accounts: fc.array(fc.oneof(accountIdArb, fc.record({ id: accountIdArb, livemode: fc.boolean() })), {
        maxLength: 3,
      }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ action: fc.constant('throw' as const), message: messageArb }) },
);

/** Changes to what the fake Stripe.js really returned, as a faulty Stripe.js (or stand-in) would make. */
export type ResultMutation =
  | { kind: 'none' }
  | { kind: 'drop-session' }
  | { kind: 'session-not-object'; value: unknown }
  | { kind: 'id-other' }
  | { kind: 'id-not-string'; value: unknown }
  | { kind: 'accounts-not-array'; value: unknown }
  | { kind: 'accounts'; accounts: unknown[] }
  | { kind: 'add-error'; error: unknown }
  | { kind: 'falsy-error'; value: unknown }
  | { kind: 'extra-fields'; extras: [string, unknown][] }
  | { kind: 'throwing-getter' };

const nonStringArb = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
);
const hostileAccountArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ id: accountIdArb, livemode: fc.constant(false) }),
  fc.record({
    id: accountIdArb,
    livemode: fc.constant(false),
    object: fc.constant('financial_connections.account'),
    display_name: messageArb,
  }),
  fc.record({ id: accountIdArb, livemode: fc.oneof(fc.constant(true), nonStringArb) }),
  fc.record({ id: fc.oneof(nonStringArb, messageArb), livemode: fc.constant(false) }),
  fc.constant(null),
  fc.anything({ maxDepth: 1 }),
);
const mutationArb: fc.Arbitrary<ResultMutation> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'drop-session' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('session-not-object' as const),
      value: fc.oneof(nonStringArb, fc.string()),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'id-other' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('id-not-string' as const), value: nonStringArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('accounts-not-array' as const),
      value: fc.oneof(nonStringArb, fc.string()),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('accounts' as const),
      accounts: fc.array(hostileAccountArb, { maxLength: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('add-error' as const),
      error: fc.oneof(stripeErrorArb, fc.constant(true), fc.string({ minLength: 1 }), fc.constant({})),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('falsy-error' as const),
      value: fc.constantFrom(null, undefined, 0, '', false),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('extra-fields' as const), extras: extrasArb }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'throwing-getter' as const }) },
);

/** A Stripe.js stand-in's collectFinancialConnectionsAccounts. */
export type CollectPlan =
  /** The fake Stripe.js runs the flow; its result is then mutated. */
  | { kind: 'real'; customer: CustomerPlan; mutation: ResultMutation }
  /** Returns a success for the session synchronously (not a Promise), mutated. */
  | { kind: 'sync'; mutation: ResultMutation }
  | { kind: 'resolve-anything'; value: unknown }
  | { kind: 'reject'; reason: RejectPlan }
  | { kind: 'throw-sync'; reason: RejectPlan }
  | { kind: 'settle-twice'; customer: CustomerPlan; then: 'reject' | 'resolve-other' };

export type RejectPlan =
  | { kind: 'error'; message: string }
  | { kind: 'value'; value: unknown }
  /** Hostile reasons: no prototype (String() throws), a throwing toString, an Error whose message throws. */
  | { kind: 'no-prototype' }
  | { kind: 'throwing-tostring' }
  | { kind: 'poisoned-error' };
const rejectArb: fc.Arbitrary<RejectPlan> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('error' as const), message: messageArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('value' as const),
      value: fc.oneof(fc.anything({ maxDepth: 1 }), messageArb),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'no-prototype' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'throwing-tostring' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'poisoned-error' as const }) },
);

export type StripePlan =
  /** The fake Stripe.js, found as window.Stripe by the real @stripe/stripe-js loader. */
  | { kind: 'loader'; customer: CustomerPlan; flowDelayMs: number }
  /** A Stripe.js stand-in given as the `stripe` property, or as a Promise of it. */
  | { kind: 'instance'; collect: CollectPlan; flowDelayMs: number; asPromise: boolean; loadDelayMs: number }
  | { kind: 'load-reject'; reason: RejectPlan }
  | { kind: 'load-non-stripe'; value: unknown }
  | { kind: 'load-hang' }
  | { kind: 'invalid-instance'; value: unknown };

const collectArb: fc.Arbitrary<CollectPlan> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant('real' as const), customer: customerArb, mutation: mutationArb }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sync' as const), mutation: mutationArb }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('resolve-anything' as const), value: fc.anything({ maxDepth: 2 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reject' as const), reason: rejectArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('throw-sync' as const), reason: rejectArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('settle-twice' as const),
      customer: customerArb,
      then: fc.constantFrom('reject', 'resolve-other') as fc.Arbitrary<'reject' | 'resolve-other'>,
    }),
  },
);

const delayArb = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }) },
);

/** For the endpoint property: mostly a customer who relinks, so that good sessions get through. */
export const relinkingStripeArb = (): fc.Arbitrary<StripePlan> =>
  fc.oneof(
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('loader' as const),
        customer: fc.constant<CustomerPlan>({ action: 'relink', select: [CHECKING] }),
        flowDelayMs: fc.constant(0),
      }),
    },
    { weight: 1, arbitrary: stripeArb },
  );

export const stripeArb: fc.Arbitrary<StripePlan> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('loader' as const), customer: customerArb, flowDelayMs: delayArb }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('instance' as const),
      collect: collectArb,
      flowDelayMs: delayArb,
      asPromise: fc.boolean(),
      loadDelayMs: delayArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('load-reject' as const), reason: rejectArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('load-non-stripe' as const),
      value: fc.oneof(
        fc.constant({}),
        fc.constant(null),
        fc.integer(),
        fc.constant({ collectFinancialConnectionsAccounts: 'no' }),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'load-hang' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('invalid-instance' as const),
      // Truthy: an empty value (false, 0, '') is no instance at all, as a property Preact unsets is.
      value: fc.oneof(
        fc.constant({}),
        fc.integer({ min: 1 }),
        fc.string({ minLength: 1 }),
        fc.constant(true),
        fc.constant({ collectFinancialConnectionsAccounts: 42 }),
      ),
    }),
  },
);

/**
 * How the attempt is started; a second caller always joins the first's attempt. `prefetch-click`:
 * with `prefetch` on, focus arrives (the session is requested at once) and the click follows
 * 20 ms later, while that request is in flight or after it has ended.
 */
export type Trigger = 'click' | 'relink' | 'double-click' | 'relink-twice' | 'prefetch-click';
export const triggerArb: fc.Arbitrary<Trigger> = fc.constantFrom(
  'click',
  'relink',
  'double-click',
  'relink-twice',
  'prefetch-click',
);

export interface Plan {
  /** The element's `account` attribute. */
  account: string | null;
  response: ResponsePlan;
  stripe: StripePlan;
  trigger: Trigger;
  /** After the fuzzed attempt, a good attempt on the same element must succeed. */
  retry: boolean;
}

export const planArb = (response: fc.Arbitrary<ResponsePlan>, stripe: fc.Arbitrary<StripePlan>): fc.Arbitrary<Plan> =>
  fc.record({
    account: fc.constantFrom(CHECKING, CHECKING, null),
    response,
    stripe,
    trigger: triggerArb,
    retry: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  });

/** The account the endpoint's session is for, as the plan says: the element's, another, or none (any account). */
export function sessionAccountOf(plan: Plan, body: Extract<BodyPlan, { kind: 'session' }>): string | null {
  const mine = plan.account ?? CHECKING;
  switch (body.account) {
    case 'expected':
      return mine;
    case 'other':
      return mine === CHECKING ? SAVINGS : CHECKING;
    default:
      return null;
  }
}
