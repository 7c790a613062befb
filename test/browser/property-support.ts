// Property-based tests of <fc-relink> (fast-check): each run drives a real element in real
// Chromium through one attempt against an arbitrary endpoint response (served by msw's service
// worker) and an arbitrary Stripe.js behaviour, and checks the same invariants every time:
//
//   - exactly one terminal event for the attempt, and nothing after it;
//   - relink() resolves with the outcome the event carries (the same for every caller);
//   - the outcome is the correct one, as a model of the documented contract predicts it
//     (`expectedOutcome` below), with the right code, stage, retryable and status;
//   - the state ends in success, cancel or error, matching the event;
//   - no uncaught error, no unhandled rejection, no console.error;
//   - no client secret nor secret key anywhere observable (an audit after each run);
//   - markup in any message stays text: no element appears in the shadow root, no handler runs;
//   - it never hangs (each run has a deadline well past the element's own timeouts).
//
// Runs per property: `__FUZZ_RUNS__` (set by web-test-runner.fuzz.config.mjs for `npm run fuzz`),
// else 300. The seed is random; fast-check prints it (and the shrunk counterexample) on failure,
// and `__FUZZ_SEED__` / `__FUZZ_PATH__` replay one.
import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import type { SetupWorker } from 'msw/browser';
import {
  FC_RELINK_EVENTS,
  RELINK_ERROR_CODES,
  RELINK_ERRORS,
  type FcRelinkElement,
  type RelinkErrorCode,
  type RelinkOutcome,
  type StripeLike,
} from '../../src/index.js';
import type { FakeCustomerAction, FakeSession, FakeStripeError, SessionEndpoint } from '../../src/testing/index.js';
import { CHECKING, SAVINGS, TEST_KEY, expect, fake, observe, startWorker, stripeNetwork, takeUncaught, type RecordedEvent } from './support.js';

declare global {
  // eslint-disable-next-line no-var
  var __FUZZ_RUNS__: number | undefined;
  // eslint-disable-next-line no-var
  var __FUZZ_SEED__: number | undefined;
  // eslint-disable-next-line no-var
  var __FUZZ_PATH__: string | undefined;
  // eslint-disable-next-line no-var
  var __xssFired: number | undefined;
}

/** Runs per property: 300 in `npm test`, 10,000 in `npm run fuzz`. */
export const RUNS = typeof globalThis.__FUZZ_RUNS__ === 'number' ? globalThis.__FUZZ_RUNS__ : 300;

/** fast-check parameters: a random seed (printed on failure) unless one is given to replay. */
export function fcParameters(): fc.Parameters<[Plan]> {
  const params: fc.Parameters<[Plan]> = { numRuns: RUNS, includeErrorInReport: true };
  if (typeof globalThis.__FUZZ_SEED__ === 'number') params.seed = globalThis.__FUZZ_SEED__;
  if (typeof globalThis.__FUZZ_PATH__ === 'string') params.path = globalThis.__FUZZ_PATH__;
  return params;
}

/** How many runs ended in each outcome (success, cancel, or the error code). */
export const tally: Record<string, number> = {};

/** Prints the tally (in `npm run fuzz`, where it is worth a look). */
export function reportTally(): void {
  if (RUNS > 300) console.log(`outcomes of ${RUNS} runs: ${JSON.stringify(tally)}`);
}

/** A generous per-test time: a run takes a few ms to a few hundred (a timeout plan). */
export const testTimeout = () => 60_000 + RUNS * 400;

// ---------------------------------------------------------------------------------------------
// Secrets the arbitraries plant in messages, bodies and headers. Built from parts so no
// secret-key-shaped literal sits in the source; they are not real keys.
const SECRET_KEY = ['sk', 'test', 'fuzzPlanted'.padEnd(24, '7')].join('_');
const RESTRICTED_KEY = ['rk', 'live', 'fuzzPlanted'.padEnd(24, '3')].join('_');
/** Any secret or restricted key, glued to whatever precedes it. */
const SECRET_KEY_PATTERN = /(?:sk|rk)_(?:test|live)_[A-Za-z0-9]{6,}/;
const TOKEN_SECRET = '\u27e6secret\u27e7';
const TOKEN_KEY = '\u27e6sk\u27e7';
const TOKEN_RK = '\u27e6rk\u27e7';

// Markup an attacker would try; every handler sets a flag that must stay unset.
export const MARKUP: readonly string[] = [
  '<img src=x onerror="window.__xssFired=1">',
  '<script>window.__xssFired=1</script>',
  '<svg onload="window.__xssFired=1"></svg>',
  '"><img src=x onerror=window.__xssFired=1>',
  '<iframe srcdoc="<script>parent.__xssFired=1</script>"></iframe>',
  '<a href="javascript:window.__xssFired=1">x</a>',
  '</div><b>bold</b><div>',
  '&lt;img src=x onerror=window.__xssFired=1&gt;',
  '${window.__xssFired=1}',
  '{{constructor.constructor("window.__xssFired=1")()}}',
];

const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKUP) },
);

/** A message: text, markup, and sometimes a planted client secret or key, glued to anything. */
export const messageArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: textArb },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.oneof(textArb, fc.constantFrom('', 'key: ', 'Invalid API Key provided: ', 'secret=', '"', '(', '_', 'x', 'Key')),
        fc.constantFrom(TOKEN_SECRET, TOKEN_KEY, TOKEN_RK),
        fc.oneof(textArb, fc.constantFrom('', '.', '"', ')', ' and more')),
      )
      .map(([a, b, c]) => a + b + c),
  },
);

// ---------------------------------------------------------------------------------------------
// Endpoint responses.

/** Fields a real session response may carry beyond what the element needs. */
const extrasArb = fc.array(
  fc.tuple(
    fc.constantFrom('object', 'status', 'permissions', 'accounts', 'note', 'livemode_hint', 'ünïcødé', '__proto__', 'constructor', 'x'),
    fc.oneof(fc.jsonValue({ maxDepth: 2 }), messageArb),
  ),
  { maxLength: 4 },
);

/** Ways to make a session response invalid: each must give invalid_session_response. */
const SESSION_MUTATIONS = [
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
type SessionMutation = (typeof SESSION_MUTATIONS)[number];

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
    account: fc.constantFrom('expected', 'expected', 'expected', 'other', 'none', 'absent') as fc.Arbitrary<'expected' | 'other' | 'none' | 'absent'>,
    livemode: fc.constantFrom(false, false, 'absent', true) as fc.Arbitrary<false | true | 'absent'>,
    withId: fc.boolean(),
    extras: extrasArb,
    bom: fc.boolean(),
    indent: fc.constantFrom(0, 2, '\t') as fc.Arbitrary<0 | 2 | '\t'>,
    reverseKeys: fc.boolean(),
    padding: fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 100_000, max: 1_500_000 }) }),
    mutation: mutations
      ? fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...SESSION_MUTATIONS) })
      : fc.constant(null),
  });

export const validSessionBodyArb = sessionBodyArb(false);

const bodyArb: fc.Arbitrary<BodyPlan> = fc.oneof(
  { weight: 10, arbitrary: sessionBodyArb(true) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('error-json' as const),
      shape: fc.constantFrom('error.message', 'error', 'message') as fc.Arbitrary<'error.message' | 'error' | 'message'>,
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
        fc.constantFrom('<!doctype html><title>502 Bad Gateway</title><h1>Bad Gateway</h1>', '{"client_secret":', 'null', '[]', '"fcsess_x"', 'undefined', '{', '\uFEFF'),
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
const NULL_BODY_STATUSES = [204, 205, 304];
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
      fc.constantFrom('cache-control', 'retry-after', 'x-request-id', 'vary', 'etag', 'content-language', 'access-control-allow-origin', 'x-content-type-options', 'link', 'server'),
      headerValueArb,
    ),
    fc.tuple(fc.stringMatching(/^x-[a-z0-9-]{1,12}$/), headerValueArb),
  ),
  { maxLength: 4 },
);

export const responseArb: fc.Arbitrary<ResponsePlan> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'hang' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('network-error' as const), delayMs: fc.integer({ min: 0, max: 30 }) }) },
  {
    weight: 18,
    arbitrary: fc
      .record({
        kind: fc.constant('http' as const),
        status: statusArb,
        headers: headersArb,
        delayMs: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 40 }) }),
        body: bodyArb,
      })
      .map((plan): ResponsePlan => (NULL_BODY_STATUSES.includes(plan.status) ? { ...plan, body: { kind: 'empty' } } : plan)),
  },
);

/** A valid same-account (or any-account) session, after a short delay: for the Stripe property. */
export const validResponseArb: fc.Arbitrary<ResponsePlan> = fc.record({
  kind: fc.constant('http' as const),
  status: fc.constantFrom(200, 200, 200, 201),
  headers: fc.constant([['content-type', 'application/json']] as [string, string][]),
  delayMs: fc.integer({ min: 0, max: 20 }),
  body: validSessionBodyArb.map((b) => (b.kind === 'session' ? { ...b, account: 'expected' as const, livemode: b.livemode === true ? false : b.livemode, padding: 0 } : b)),
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
/** README: stripe_error is retryable for these types, else not. */
const RETRYABLE_STRIPE_TYPES = new Set(['invalid_request_error', 'api_connection_error', 'api_error', 'rate_limit_error']);

const stripeErrorArb: fc.Arbitrary<{ type: string; code?: string; message?: string }> = fc.record(
  {
    type: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...STRIPE_ERROR_TYPES) }, { weight: 1, arbitrary: fc.stringMatching(/^[a-z_]{1,16}$/) }),
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
  { weight: 4, arbitrary: fc.record({ action: fc.constant('relink' as const), select: fc.subarray([CHECKING, SAVINGS], { minLength: 1 }) }) },
  { weight: 2, arbitrary: fc.constant({ action: 'cancel' as const }) },
  { weight: 2, arbitrary: fc.record({ action: fc.constant('error' as const), error: stripeErrorArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      action: fc.constant('misbehave' as const),
      accounts: fc.array(fc.oneof(accountIdArb, fc.record({ id: accountIdArb, livemode: fc.boolean() })), { maxLength: 3 }),
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

const nonStringArb = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer(), fc.boolean(), fc.constant({}), fc.constant([]));
const hostileAccountArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ id: accountIdArb, livemode: fc.constant(false) }),
  fc.record({ id: accountIdArb, livemode: fc.constant(false), object: fc.constant('financial_connections.account'), display_name: messageArb }),
  fc.record({ id: accountIdArb, livemode: fc.oneof(fc.constant(true), nonStringArb) }),
  fc.record({ id: fc.oneof(nonStringArb, messageArb), livemode: fc.constant(false) }),
  fc.constant(null),
  fc.anything({ maxDepth: 1 }),
);
const mutationArb: fc.Arbitrary<ResultMutation> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'drop-session' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('session-not-object' as const), value: fc.oneof(nonStringArb, fc.string()) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'id-other' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('id-not-string' as const), value: nonStringArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('accounts-not-array' as const), value: fc.oneof(nonStringArb, fc.string()) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('accounts' as const), accounts: fc.array(hostileAccountArb, { maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add-error' as const), error: fc.oneof(stripeErrorArb, fc.constant(true), fc.string({ minLength: 1 }), fc.constant({})) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('falsy-error' as const), value: fc.constantFrom(null, undefined, 0, '', false) }) },
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

type RejectPlan =
  | { kind: 'error'; message: string }
  | { kind: 'value'; value: unknown }
  /** Hostile reasons: no prototype (String() throws), a throwing toString, an Error whose message throws. */
  | { kind: 'no-prototype' }
  | { kind: 'throwing-tostring' }
  | { kind: 'poisoned-error' };
const rejectArb: fc.Arbitrary<RejectPlan> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('error' as const), message: messageArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('value' as const), value: fc.oneof(fc.anything({ maxDepth: 1 }), messageArb) }) },
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
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('real' as const), customer: customerArb, mutation: mutationArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sync' as const), mutation: mutationArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve-anything' as const), value: fc.anything({ maxDepth: 2 }) }) },
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

const delayArb = fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }) });

/** For the endpoint property: mostly a customer who relinks, so that good sessions get through. */
export const relinkingStripeArb = (): fc.Arbitrary<StripePlan> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('loader' as const), customer: fc.constant<CustomerPlan>({ action: 'relink', select: [CHECKING] }), flowDelayMs: fc.constant(0) }) },
    { weight: 1, arbitrary: stripeArb },
  );

export const stripeArb: fc.Arbitrary<StripePlan> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('loader' as const), customer: customerArb, flowDelayMs: delayArb }) },
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant('instance' as const), collect: collectArb, flowDelayMs: delayArb, asPromise: fc.boolean(), loadDelayMs: delayArb }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('load-reject' as const), reason: rejectArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('load-non-stripe' as const), value: fc.oneof(fc.constant({}), fc.constant(null), fc.integer(), fc.constant({ collectFinancialConnectionsAccounts: 'no' })) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'load-hang' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('invalid-instance' as const),
      value: fc.oneof(fc.constant({}), fc.integer(), fc.string(), fc.constant(false), fc.constant({ collectFinancialConnectionsAccounts: 42 })),
    }),
  },
);

/**
 * How the attempt is started; a second caller always joins the first's attempt. `prefetch-click`:
 * with `prefetch` on, focus arrives (the session is requested at once) and the click follows
 * 20 ms later, while that request is in flight or after it has ended.
 */
export type Trigger = 'click' | 'relink' | 'double-click' | 'relink-twice' | 'prefetch-click';
export const triggerArb: fc.Arbitrary<Trigger> = fc.constantFrom('click', 'relink', 'double-click', 'relink-twice', 'prefetch-click');

export interface Plan {
  /** The element's `account` attribute. */
  account: string | null;
  response: ResponsePlan;
  stripe: StripePlan;
  trigger: Trigger;
  /** After the fuzzed attempt, a good attempt on the same element must succeed. */
  retry: boolean;
}

// ---------------------------------------------------------------------------------------------
// The model: what the documented contract says the outcome must be.

export type Expected =
  | { status: 'success'; mode: 'same_account' | 'any_account'; accounts: string[]; sessionId: string }
  | { status: 'cancel'; mode: 'same_account' | 'any_account'; sessionId: string }
  | {
      status: 'error';
      code: RelinkErrorCode;
      stage?: string;
      /** Undefined where the contract does not say. */
      retryable?: boolean;
      httpStatus?: number;
      stripeErrorType?: string;
      accounts?: string[];
    };

/** What the run learned while serving the plan: the session it created, and what Stripe.js returned. */
interface RunContext {
  url: string;
  requests: number;
  sessions: FakeSession[];
  session: FakeSession | null;
  /** The body the endpoint sent, when it was a session, to know its `id` and account. */
  sessionJson: { id?: string; account: string | null } | null;
  /** What the Stripe.js stand-in resolved with (after mutation), when it resolved. */
  stripeResult: { value: unknown } | null;
  /** Whether the stand-in's first settlement was a rejection or a throw. */
  stripeRejected: boolean;
  collectCalls: number;
  /** Resolves when the run's checks are done. */
  finished: Promise<void>;
}

function elementAccount(plan: Plan): string {
  return plan.account ?? CHECKING;
}

function sessionAccount(plan: Plan, body: Extract<BodyPlan, { kind: 'session' }>): string | null {
  switch (body.account) {
    case 'expected':
      return elementAccount(plan);
    case 'other':
      return elementAccount(plan) === CHECKING ? SAVINGS : CHECKING;
    default:
      return null;
  }
}

const err = (code: RelinkErrorCode, extra: Omit<Extract<Expected, { status: 'error' }>, 'status' | 'code'> = {}): Expected => ({
  status: 'error',
  code,
  stage: RELINK_ERRORS[code].stage,
  ...extra,
});

/** The outcome of an attempt whose session checked out, from what Stripe.js resolved with. */
function fromStripeResult(raw: unknown, ctx: RunContext): Expected {
  const mode = ctx.sessionJson!.account === null ? 'any_account' : 'same_account';
  if (typeof raw !== 'object' || raw === null) return err('stripe_error');
  const result = raw as { error?: unknown; financialConnectionsSession?: unknown };
  try {
    void result.error;
  } catch {
    return err('stripe_error'); // a result that throws when read
  }
  if (result.error) {
    const type = (result.error as { type?: unknown }).type;
    return typeof type === 'string'
      ? err('stripe_error', { retryable: RETRYABLE_STRIPE_TYPES.has(type), stripeErrorType: type })
      : err('stripe_error');
  }
  const session = result.financialConnectionsSession as { id?: unknown; accounts?: unknown } | null | undefined;
  if (typeof session !== 'object' || session === null || typeof session.id !== 'string' || !Array.isArray(session.accounts)) {
    return err('stripe_error');
  }
  const accounts = session.accounts as unknown[];
  // Each account must at least be shaped like one (an object with a string id): else malformed.
  if (!accounts.every((a) => typeof a === 'object' && a !== null && typeof (a as { id?: unknown }).id === 'string')) {
    return err('stripe_error');
  }
  if (ctx.sessionJson!.id !== undefined && session.id !== ctx.sessionJson!.id) return err('stripe_error');
  const ids = accounts.map((a) => String((a as { id?: unknown } | null)?.id));
  if (accounts.length === 0) return { status: 'cancel', mode, sessionId: session.id };
  // Test key: every returned account must say livemode false (absent fails closed).
  if (accounts.some((a) => (a as { livemode?: unknown } | null)?.livemode !== false)) {
    return err('livemode_mismatch', { stage: 'result', retryable: false, accounts: ids });
  }
  if (mode === 'same_account' && (accounts.length !== 1 || ids[0] !== ctx.sessionJson!.account)) {
    return err('account_mismatch', { retryable: false, accounts: ids });
  }
  return { status: 'success', mode, accounts: ids, sessionId: session.id };
}

/**
 * The correct outcome for a plan, per the README's contract. Called after the run, with what the
 * endpoint and the Stripe.js stand-in actually did (a session id is only known then).
 */
export function expectedOutcome(plan: Plan, ctx: RunContext): Expected {
  const { stripe } = plan;
  if (stripe.kind === 'invalid-instance') return err('invalid_config', { retryable: false });
  const { response } = plan;
  if (response.kind === 'hang' || response.kind === 'network-error') return err('session_request_failed', { retryable: true });
  const { status, body } = response;
  if (status < 200 || status > 299) {
    return err('session_http_error', { httpStatus: status, retryable: status === 408 || status === 429 || status >= 500 });
  }
  if (body.kind !== 'session' || body.mutation !== null) return err('invalid_session_response', { retryable: false });
  const account = sessionAccount(plan, body);
  if (plan.account !== null && account !== plan.account) return err('session_mismatch', { retryable: false });
  if (body.livemode === true) return err('livemode_mismatch', { stage: 'session', retryable: false });
  // The session checks out: now Stripe.js.
  if (stripe.kind === 'load-reject' || stripe.kind === 'load-non-stripe' || stripe.kind === 'load-hang') {
    return err('stripe_load_failed', { retryable: true });
  }
  if (ctx.stripeRejected) return err('stripe_error');
  if (!ctx.stripeResult) throw new Error('model: Stripe.js never settled, yet the attempt ended');
  return fromStripeResult(ctx.stripeResult.value, ctx);
}

/** Whether Stripe's flow should have opened (fc-relink-start dispatched, collect called). */
function flowOpens(plan: Plan): boolean {
  const { response, stripe } = plan;
  if (stripe.kind === 'invalid-instance' || stripe.kind.startsWith('load-')) return false;
  if (response.kind !== 'http' || response.status > 299 || response.body.kind !== 'session' || response.body.mutation) return false;
  const account = sessionAccount(plan, response.body);
  return !(plan.account !== null && account !== plan.account) && response.body.livemode !== true;
}

// ---------------------------------------------------------------------------------------------
// Serving a plan.

const encoder = new TextEncoder();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function plant(text: string, ctx: RunContext): string {
  return text
    .replaceAll(TOKEN_SECRET, ctx.session!.client_secret)
    .replaceAll(TOKEN_KEY, SECRET_KEY)
    .replaceAll(TOKEN_RK, RESTRICTED_KEY);
}

function plantDeep(value: unknown, ctx: RunContext): unknown {
  if (typeof value === 'string') return plant(value, ctx);
  if (Array.isArray(value)) return value.map((v) => plantDeep(v, ctx));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plantDeep(v, ctx)]));
  }
  return value;
}

const MUTATED: Record<SessionMutation, (s: Record<string, unknown>, o: Record<string, unknown>) => unknown> = {
  'secret-missing': (s) => void delete s.client_secret,
  'secret-number': (s) => void (s.client_secret = 42),
  'secret-null': (s) => void (s.client_secret = null),
  'secret-wrong-prefix': (s) => void (s.client_secret = String(s.client_secret).replace('fcsess_', 'seti_')),
  'secret-no-marker': (s) => void (s.client_secret = String(s.client_secret).replace('_secret_', '_')),
  'secret-bad-char': (s) => void (s.client_secret = `${String(s.client_secret)}-x`),
  'secret-leading-space': (s) => void (s.client_secret = ` ${String(s.client_secret)}`),
  'secret-empty': (s) => void (s.client_secret = ''),
  'options-missing': (s) => void delete s.relink_options,
  'options-null': (s) => void (s.relink_options = null),
  'options-array': (s) => void (s.relink_options = [s.relink_options]),
  'options-string': (s) => void (s.relink_options = 'fcauth_test_stripebank'),
  'authorization-missing': (_, o) => void delete o.authorization,
  'authorization-wrong-prefix': (_, o) => void (o.authorization = 'fca_test_checking'),
  'authorization-bare-prefix': (_, o) => void (o.authorization = 'fcauth_'),
  'authorization-bad-char': (_, o) => void (o.authorization = 'fcauth_test<b>'),
  'authorization-number': (_, o) => void (o.authorization = 7),
  'account-wrong-prefix': (_, o) => void (o.account = 'fcauth_test_stripebank'),
  'account-empty': (_, o) => void (o.account = ''),
  'account-number': (_, o) => void (o.account = 1),
  'account-bad-char': (_, o) => void (o.account = 'fca_test checking'),
  'id-wrong-prefix': (s) => void (s.id = 'fca_test_checking'),
  'id-number': (s) => void (s.id = 5),
  'id-bad-char': (s) => void (s.id = 'fcsess_<img src=x onerror=window.__xssFired=1>'),
  'livemode-string': (s) => void (s.livemode = 'false'),
  'livemode-number': (s) => void (s.livemode = 0),
  'wrapped-in-array': () => undefined,
};

function sessionBytes(plan: Plan, body: Extract<BodyPlan, { kind: 'session' }>, ctx: RunContext): Uint8Array {
  const session = ctx.session!;
  const account = sessionAccount(plan, body);
  const options: Record<string, unknown> = { authorization: session.relink_options.authorization };
  if (body.account !== 'absent') options.account = account;
  let json: Record<string, unknown> = {};
  if (body.withId) json.id = session.id;
  json.object = 'financial_connections.session';
  json.client_secret = session.client_secret;
  json.relink_options = options;
  if (body.livemode !== 'absent') json.livemode = body.livemode;
  for (const [key, value] of body.extras) {
    if (!Object.hasOwn(json, key) || key === 'object') {
      Object.defineProperty(json, key, { value: plantDeep(value, ctx), enumerable: true, writable: true, configurable: true });
    }
  }
  if (body.padding > 0) json.padding = 'x'.repeat(body.padding);
  if (body.reverseKeys) json = Object.fromEntries(Object.entries(json).reverse());
  let value: unknown = json;
  if (body.mutation) {
    MUTATED[body.mutation](json, options);
    if (body.mutation === 'wrapped-in-array') value = [json];
  }
  ctx.sessionJson = body.mutation ? null : { ...(body.withId ? { id: session.id } : {}), account };
  return encoder.encode((body.bom ? '\uFEFF' : '') + JSON.stringify(value, null, body.indent));
}

function bodyBytes(plan: Plan, body: BodyPlan, ctx: RunContext): Uint8Array | null {
  switch (body.kind) {
    case 'session':
      return sessionBytes(plan, body, ctx);
    case 'error-json': {
      const message = plant(body.message, ctx);
      const json = body.shape === 'error.message' ? { error: { message, type: 'api_error' } } : body.shape === 'error' ? { error: message } : { message };
      return encoder.encode(JSON.stringify(json));
    }
    case 'json':
      return encoder.encode(JSON.stringify(plantDeep(body.value, ctx)) ?? '');
    case 'text':
      return encoder.encode(plant(body.text, ctx));
    case 'bytes':
      return body.bytes;
    case 'empty':
      return null;
    case 'huge':
      return encoder.encode(plant(body.unit, ctx).repeat(Math.ceil(body.size / body.unit.length)));
  }
}

function useEndpoint(plan: Plan, ctx: RunContext, w: SetupWorker): void {
  w.resetHandlers(
    stripeNetwork,
    http.post(ctx.url, async () => {
      ctx.requests += 1;
      // Every response has a real session behind it, so a planted client secret is a real one.
      const { response } = plan;
      const body = response.kind === 'http' ? response.body : null;
      const account = body?.kind === 'session' ? sessionAccount(plan, body) : (plan.account ?? CHECKING);
      const session = fake.createSession({ account });
      ctx.session = session;
      ctx.sessions.push(session);
      // Never answered while the run lasts; released after it, so that no service worker event
      // stays pending forever (Chromium may restart a worker that holds them, and a restarted
      // msw worker can miss requests).
      if (response.kind === 'hang') return ctx.finished.then(() => HttpResponse.error());
      await sleep(response.delayMs);
      if (response.kind === 'network-error') return HttpResponse.error();
      const headers = new Headers();
      for (const [name, value] of response.headers) headers.append(name, plant(value, ctx));
      return new HttpResponse(bodyBytes(plan, response.body, ctx), { status: response.status, headers });
    }),
  );
}

/** An Error that throws (another such Error) when its message is read. */
class PoisonedError extends Error {
  override get message(): string {
    throw new PoisonedError();
  }
}

/** A context with a session to plant: the run's, or a fresh one (audited like the run's). */
function withSession(ctx: RunContext): RunContext {
  if (ctx.session) return ctx;
  const session = fake.createSession();
  ctx.sessions.push(session);
  return { ...ctx, session };
}

function rejectionOf(reason: RejectPlan, ctx: RunContext): unknown {
  switch (reason.kind) {
    case 'error':
      return new Error(plant(reason.message, withSession(ctx)));
    case 'value':
      return typeof reason.value === 'string' ? plant(reason.value, withSession(ctx)) : reason.value;
    case 'no-prototype':
      return Object.assign(Object.create(null), { message: 'no prototype' });
    case 'throwing-tostring':
      return {
        toString() {
          throw new Error('toString refused');
        },
      };
    case 'poisoned-error':
      return new PoisonedError();
  }
}

function customerAction(customer: CustomerPlan, ctx: RunContext): FakeCustomerAction {
  switch (customer.action) {
    case 'relink':
      // Stripe lets the customer choose only in an any-account session.
      return ctx.sessionJson?.account === null ? { action: 'relink', select: customer.select } : { action: 'relink' };
    case 'cancel':
      return { action: 'cancel' };
    case 'error': {
      const error: FakeStripeError = { type: customer.error.type as FakeStripeError['type'] };
      if (customer.error.code !== undefined) error.code = customer.error.code;
      if (customer.error.message !== undefined) error.message = plant(customer.error.message, ctx);
      return { action: 'error', error };
    }
    case 'misbehave':
      return { action: 'misbehave', accounts: customer.accounts };
    case 'throw':
      throw new Error(plant(customer.message, ctx));
  }
}

function setCustomer(customer: CustomerPlan, flowDelayMs: number, ctx: RunContext): void {
  fake.customer = async () => {
    if (flowDelayMs) await sleep(flowDelayMs);
    try {
      return customerAction(customer, ctx);
    } catch (error) {
      ctx.stripeRejected = true;
      throw error;
    }
  };
}

function mutate(result: unknown, mutation: ResultMutation, ctx: RunContext): unknown {
  const r = { ...(result as Record<string, unknown>) };
  const session = r.financialConnectionsSession as Record<string, unknown> | undefined;
  const s = session ? { ...session } : undefined;
  if (s) r.financialConnectionsSession = s;
  switch (mutation.kind) {
    case 'none':
      return r;
    case 'drop-session':
      delete r.financialConnectionsSession;
      delete r.error;
      return r;
    case 'session-not-object':
      r.financialConnectionsSession = mutation.value;
      delete r.error;
      return r;
    case 'id-other':
      if (s) s.id = fake.createSession().id;
      return r;
    case 'id-not-string':
      if (s) s.id = mutation.value;
      return r;
    case 'accounts-not-array':
      if (s) s.accounts = mutation.value;
      return r;
    case 'accounts':
      // Not planted with secrets: accounts are Stripe's data, passed on as Stripe.js returned
      // them; a Stripe.js that echoes the client secret into an account is outside the model.
      if (s) s.accounts = mutation.accounts;
      return r;
    case 'add-error':
      r.error = typeof mutation.error === 'object' && mutation.error !== null ? plantDeep(mutation.error, ctx) : mutation.error;
      return r;
    case 'falsy-error':
      r.error = mutation.value;
      return r;
    case 'extra-fields':
      for (const [k, v] of mutation.extras) if (k !== 'error' && k !== 'financialConnectionsSession') r[k] = v;
      return r;
    case 'throwing-getter':
      return Object.defineProperty(r, 'error', {
        enumerable: true,
        get() {
          throw new Error('getter refused');
        },
      });
  }
}

/** One Stripe.js instance made by the fake constructor, for stand-ins that wrap the real fake. */
let baseInstance: StripeLike | null = null;
const base = () => (baseInstance ??= fake.Stripe(TEST_KEY));

function standIn(plan: Extract<StripePlan, { kind: 'instance' }>, ctx: RunContext): StripeLike {
  const { collect } = plan;
  const record = (value: unknown) => {
    ctx.stripeResult ??= { value };
    return value;
  };
  const real = async (clientSecret: string, customer: CustomerPlan) => {
    setCustomer(customer, plan.flowDelayMs, ctx);
    return base().collectFinancialConnectionsAccounts({ clientSecret });
  };
  const fn = ({ clientSecret }: { clientSecret: string }): unknown => {
    ctx.collectCalls += 1;
    switch (collect.kind) {
      case 'real':
        return real(clientSecret, collect.customer).then(
          (result) => record(mutate(result, collect.mutation, ctx)),
          (error: unknown) => {
            ctx.stripeRejected = true;
            throw error;
          },
        );
      case 'sync': {
        const session = ctx.session!;
        const id = session.relink_options.account ?? CHECKING;
        const account = fake.authorizations.get(session.relink_options.authorization)!.accounts.find((a) => a.id === id);
        return record(mutate({ financialConnectionsSession: { id: session.id, accounts: [{ ...account }] } }, collect.mutation, ctx));
      }
      case 'resolve-anything':
        return sleep(plan.flowDelayMs).then(() => record(collect.value));
      case 'reject':
        return sleep(plan.flowDelayMs).then(() => {
          ctx.stripeRejected = true;
          throw rejectionOf(collect.reason, ctx);
        });
      case 'throw-sync':
        ctx.stripeRejected = true;
        throw rejectionOf(collect.reason, ctx);
      case 'settle-twice':
        // A thenable that settles twice: the first settlement must be the only one that counts.
        return {
          then(onFulfilled: (v: unknown) => void, onRejected: (e: unknown) => void) {
            real(clientSecret, collect.customer).then(
              (result) => {
                onFulfilled(record(result));
                if (collect.then === 'reject') onRejected(new Error('second settlement'));
                else onFulfilled({ financialConnectionsSession: { id: 'fcsess_other', accounts: [] } });
              },
              (error: unknown) => {
                ctx.stripeRejected = true;
                onRejected(error);
                onFulfilled({ financialConnectionsSession: { id: 'fcsess_other', accounts: [] } });
              },
            );
          },
        };
    }
  };
  return { collectFinancialConnectionsAccounts: fn as StripeLike['collectFinancialConnectionsAccounts'] };
}

/** The `stripe` property for the plan (null: the loader finds the fake window.Stripe). */
function stripeProperty(plan: Plan, ctx: RunContext): StripeLike | Promise<StripeLike> | null {
  const { stripe } = plan;
  switch (stripe.kind) {
    case 'loader': {
      fake.customer = async () => {
        ctx.collectCalls += 1;
        if (stripe.flowDelayMs) await sleep(stripe.flowDelayMs);
        try {
          return customerAction(stripe.customer, ctx);
        } catch (error) {
          ctx.stripeRejected = true;
          throw error;
        }
      };
      return null;
    }
    case 'instance': {
      const instance = standIn(stripe, ctx);
      if (!stripe.asPromise) return instance;
      return sleep(stripe.loadDelayMs).then(() => instance);
    }
    case 'load-reject':
      return sleep(5).then(() => Promise.reject(rejectionOf(stripe.reason, ctx)));
    case 'load-non-stripe':
      return Promise.resolve(stripe.value as StripeLike);
    case 'load-hang':
      return new Promise<never>(() => {});
    case 'invalid-instance':
      return stripe.value as StripeLike;
  }
}

// ---------------------------------------------------------------------------------------------
// Running one plan and checking the invariants.

const TERMINAL = new Set(['fc-relink-success', 'fc-relink-cancel', 'fc-relink-error']);
const ALLOWED_SHADOW_TAGS = new Set(['BUTTON', 'SLOT', 'DIV']);
let runNumber = 0;

function safeStringify(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) => {
        if (typeof v === 'bigint') return `${v}n`;
        if (typeof v === 'object' && v !== null) {
          if (seen.has(v)) return '[cycle]';
          seen.add(v);
        }
        return v;
      }) ?? String(value)
    );
  } catch {
    return '';
  }
}

/** The document's HTML with every open shadow root's, attributes included. */
function deepHTML(root: Element): string {
  let out = root.outerHTML;
  const walk = (node: Element | ShadowRoot) => {
    for (const child of node.querySelectorAll('*')) {
      if (child.shadowRoot) {
        out += child.shadowRoot.innerHTML;
        walk(child.shadowRoot);
      }
    }
  };
  walk(root);
  return out;
}

function storageText(): string {
  const dump = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`).join('\n');
  return dump(localStorage) + dump(sessionStorage);
}

/** After the run settles: no client secret of this run nor any secret key anywhere observable. */
async function auditRun(secrets: readonly string[], events: readonly RecordedEvent[], consoleLines: readonly string[], label: string): Promise<void> {
  await sleep(0);
  const places: Record<string, string> = {
    'DOM, shadow roots and attributes': deepHTML(document.documentElement),
    'event details': safeStringify(events),
    console: consoleLines.join('\n'),
    location: location.href,
    cookie: document.cookie,
    'web storage': storageText(),
    title: document.title,
  };
  for (const [place, text] of Object.entries(places)) {
    for (const secret of secrets) {
      expect(text.includes(secret), `${label}: a client secret in ${place}`).to.equal(false);
    }
    const key = SECRET_KEY_PATTERN.exec(text);
    const context = key ? ` (…${text.slice(Math.max(0, key.index - 30), key.index + key[0].length + 10)}…)` : '';
    expect(key?.[0] ?? null, `${label}: a secret key in ${place}${context}`).to.equal(null);
  }
}

function describeValue(value: unknown): string {
  try {
    return value instanceof Error ? `${value.name}: ${value.message}` : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function outcomeOfEvent(event: RecordedEvent): RelinkOutcome {
  if (event.type === 'fc-relink-error') return { status: 'error', error: event.detail };
  if (event.type === 'fc-relink-cancel') return { status: 'cancel', ...event.detail };
  return { status: 'success', ...(event.detail as object) } as RelinkOutcome;
}

function checkAgainstModel(expected: Expected, outcome: RelinkOutcome, label: string): void {
  expect(outcome.status, `${label}: outcome`).to.equal(expected.status);
  if (expected.status === 'error' && outcome.status === 'error') {
    const { error } = outcome;
    expect(error.code, `${label}: code (message: ${error.message})`).to.equal(expected.code);
    expect(RELINK_ERROR_CODES).to.include(error.code);
    expect(error.stage, `${label}: stage`).to.equal(expected.stage ?? RELINK_ERRORS[error.code].stage);
    expect(error.retryable, `${label}: retryable`).to.be.a('boolean');
    if (expected.retryable !== undefined) expect(error.retryable, `${label}: retryable`).to.equal(expected.retryable);
    expect(error.message, `${label}: message`).to.be.a('string').and.not.equal('');
    if (expected.httpStatus !== undefined) expect(error.status, `${label}: status`).to.equal(expected.httpStatus);
    if (expected.stripeErrorType !== undefined) expect(error.stripeError?.type, `${label}: stripeError.type`).to.equal(expected.stripeErrorType);
    if (expected.accounts !== undefined) expect(error.accounts, `${label}: accounts`).to.deep.equal(expected.accounts);
  } else if (expected.status === 'success' && outcome.status === 'success') {
    expect(outcome.mode, `${label}: mode`).to.equal(expected.mode);
    expect(outcome.sessionId, `${label}: sessionId`).to.equal(expected.sessionId);
    expect(outcome.accounts.map((a) => String(a?.id)), `${label}: accounts`).to.deep.equal(expected.accounts);
  } else if (expected.status === 'cancel' && outcome.status === 'cancel') {
    expect(outcome.mode, `${label}: mode`).to.equal(expected.mode);
    expect(outcome.sessionId, `${label}: sessionId`).to.equal(expected.sessionId);
  }
}

/** Records an element's events (as support.ts's observe does, without keeping the element). */
function record(el: FcRelinkElement) {
  const events: RecordedEvent[] = [];
  const waiters: ((event: RecordedEvent) => void)[] = [];
  for (const type of FC_RELINK_EVENTS) {
    el.addEventListener(type, (event) => {
      const recorded = { type: event.type, detail: (event as CustomEvent).detail } as RecordedEvent;
      events.push(recorded);
      if (TERMINAL.has(event.type)) waiters.shift()?.(recorded);
    });
  }
  return {
    events,
    nextOutcome: () => new Promise<RecordedEvent>((resolve) => waiters.push(resolve)),
    terminalEvents: () => events.filter((e) => TERMINAL.has(e.type)),
    status: () => el.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() ?? '',
    button: () => el.shadowRoot?.querySelector('button') as HTMLButtonElement,
  };
}

async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer = 0;
  const hang = new Promise<never>((_, reject) => {
    timer = window.setTimeout(() => reject(new Error(`hung: ${what} not settled within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** Drives one element through the plan's attempt (and the retry) and checks every invariant. */
export async function runPlan(plan: Plan): Promise<void> {
  const w = await startWorker();
  runNumber += 1;
  const label = `run ${runNumber}`;
  let finish!: () => void;
  const ctx: RunContext = {
    url: new URL(`/api/property-session/${runNumber}`, location.href).href,
    requests: 0,
    sessions: [],
    session: null,
    sessionJson: null,
    stripeResult: null,
    stripeRejected: false,
    collectCalls: 0,
    finished: new Promise<void>((resolve) => (finish = resolve)),
  };
  globalThis.__xssFired = undefined;
  // Anything uncaught since the last run's checks is that run's (a late rejection, say).
  expect(takeUncaught().map(describeValue), `${label}: uncaught errors after the previous run`).to.deep.equal([]);
  const launchesBefore = fake.launches.length;

  // Console, captured for this run (on top of support.ts's capture for the whole test).
  const consoleLines: string[] = [];
  const consoleErrors: string[] = [];
  const originals = new Map<string, (...args: unknown[]) => void>();
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method];
    originals.set(method, original);
    console[method] = (...args: unknown[]) => {
      const line = args.map((a) => (typeof a === 'string' ? a : safeStringify(a) || describeValue(a))).join(' ');
      consoleLines.push(line);
      if (method === 'error') consoleErrors.push(line);
      original.apply(console, args);
    };
  }

  const el = document.createElement('fc-relink');
  try {
    useEndpoint(plan, ctx, w);
    el.setAttribute('publishable-key', TEST_KEY);
    el.setAttribute('session-url', ctx.url);
    if (plan.account !== null) el.setAttribute('account', plan.account);
    // Hangs are never answered, so a short timeout has no race; everything else answers
    // within tens of ms and gets a timeout it can never reach on a loaded machine.
    el.setAttribute('session-timeout', plan.response.kind === 'hang' ? '150' : '20000');
    el.setAttribute('stripe-timeout', plan.stripe.kind === 'load-hang' ? '150' : '20000');
    el.textContent = 'Reconnect <fuzz>';
    el.stripe = stripeProperty(plan, ctx);
    el.prefetch = plan.trigger === 'prefetch-click';
    const m = record(el);
    // support.ts's own checks (one terminal event per attempt, its secret-leak audit) run after
    // the test over every element it observed: worth it for npm test's runs, too slow (they grow
    // with the square of the runs) for the fuzz's; the audit after each run here covers both.
    if (RUNS <= 1000) observe(el, { sessions: ctx.sessions } as unknown as SessionEndpoint);
    document.body.append(el);
    await el.updateComplete;

    const event = m.nextOutcome();
    let first: Promise<RelinkOutcome>;
    let second: Promise<RelinkOutcome>;
    if (plan.trigger === 'prefetch-click') {
      m.button().dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
      await sleep(20);
      m.button().click();
      first = el.relink();
      second = el.relink();
    } else if (plan.trigger === 'click' || plan.trigger === 'double-click') {
      m.button().click();
      if (plan.trigger === 'double-click') m.button().click();
      first = el.relink();
      second = el.relink();
    } else {
      first = el.relink();
      if (plan.trigger === 'relink-twice') m.button().click();
      second = el.relink();
    }
    expect(second, `${label}: a second caller joins the attempt`).to.equal(first);
    const [outcome, terminal] = await withDeadline(Promise.all([first, event]), 10_000, 'the attempt');
    // Let anything late surface: a second event, a stray rejection, a late render.
    await sleep(plan.stripe.kind === 'instance' ? plan.stripe.flowDelayMs + 5 : 5);
    await el.updateComplete;

    expect(m.terminalEvents().length, `${label}: terminal events`).to.equal(1);
    expect(outcome, `${label}: relink() resolves with the event's outcome`).to.deep.equal(outcomeOfEvent(terminal));
    expect(Object.isFrozen(terminal.detail), `${label}: a frozen detail`).to.equal(true);
    expect(el.state, `${label}: state`).to.equal(terminal.type.replace('fc-relink-', ''));
    expect(el.getAttribute('state'), `${label}: state attribute`).to.equal(el.state);
    if (plan.stripe.kind === 'loader') {
      const launch = fake.launches[launchesBefore];
      if (launch?.result) ctx.stripeResult = { value: launch.result };
    }
    const expected = expectedOutcome(plan, ctx);
    const kind = expected.status === 'error' ? expected.code : expected.status;
    tally[kind] = (tally[kind] ?? 0) + 1;
    checkAgainstModel(expected, outcome, `${label} ${JSON.stringify(expected)}`);

    // The state walks from idle through loading (a configuration error skips it) to the
    // terminal state, each change naming the one before, and the terminal event comes last.
    expect(m.events.at(-1)?.type, `${label}: the terminal event is the last`).to.equal(terminal.type);
    const changes = m.events.flatMap((e) => (e.type === 'fc-relink-statechange' ? [e.detail] : []));
    changes.forEach((change, i) => expect(change.previous, `${label}: statechange ${i}`).to.equal(i === 0 ? 'idle' : changes[i - 1]!.state));
    expect(changes[0]?.state, `${label}: first state`).to.equal(expected.status === 'error' && expected.code === 'invalid_config' ? 'error' : 'loading');
    expect(changes.at(-1)?.state, `${label}: last state`).to.equal(el.state);

    const opened = flowOpens(plan);
    expect(m.events.some((e) => e.type === 'fc-relink-start'), `${label}: fc-relink-start`).to.equal(opened);
    expect(ctx.collectCalls, `${label}: Stripe flows opened`).to.equal(opened ? 1 : 0);
    if (plan.stripe.kind === 'invalid-instance') expect(ctx.requests, `${label}: endpoint requests`).to.equal(0);
    // A prefetch that failed before the click is forgotten, and the click asks again.
    else if (plan.trigger === 'prefetch-click') expect(ctx.requests, `${label}: endpoint requests`).to.be.within(1, 2);
    else expect(ctx.requests, `${label}: endpoint requests`).to.equal(1);

    // Markup stays text: the shadow root holds only the element's own nodes.
    const tags = [...el.shadowRoot!.querySelectorAll('*')].map((n) => n.tagName);
    expect(tags.filter((t) => !ALLOWED_SHADOW_TAGS.has(t)), `${label}: elements in the shadow root`).to.deep.equal([]);
    if (outcome.status === 'error') expect(m.status(), `${label}: status text`).to.equal(outcome.error.message.trim());

    if (plan.retry) {
      // The next attempt works, whatever the last one met.
      el.stripe = null;
      fake.customer = { action: 'relink' };
      const good: Plan = { ...plan, response: { kind: 'http', status: 200, headers: [], delayMs: 0, body: { kind: 'session', account: 'expected', livemode: 'absent', withId: true, extras: [], bom: false, indent: 0, reverseKeys: false, padding: 0, mutation: null } } };
      useEndpoint(good, ctx, w);
      el.setAttribute('session-timeout', '20000');
      el.setAttribute('stripe-timeout', '20000');
      const again = await withDeadline(el.relink(), 10_000, 'the retry');
      expect(again.status, `${label}: the next attempt (${JSON.stringify(again)})`).to.equal('success');
      expect(m.terminalEvents().length, `${label}: terminal events after the retry`).to.equal(2);
    }

    await auditRun(ctx.sessions.map((s) => s.client_secret), m.events, consoleLines, label);
    expect(globalThis.__xssFired, `${label}: markup ran`).to.equal(undefined);
    expect(consoleErrors, `${label}: console.error`).to.deep.equal([]);
    expect(takeUncaught().map(describeValue), `${label}: uncaught errors`).to.deep.equal([]);
  } finally {
    finish();
    el.remove();
    for (const [method, original] of originals) (console as unknown as Record<string, unknown>)[method] = original;
    fake.customer = { action: 'relink' };
  }
}

export const planArb = (response: fc.Arbitrary<ResponsePlan>, stripe: fc.Arbitrary<StripePlan>): fc.Arbitrary<Plan> =>
  fc.record({
    account: fc.constantFrom(CHECKING, CHECKING, null),
    response,
    stripe,
    trigger: triggerArb,
    retry: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  });

export { fc };
