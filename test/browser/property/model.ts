// The model: the outcomes the documented contract allows for a plan. It is written from the
// contract (README's error table and its account selection rules), in its own terms, not from
// the element's code: it reads what a plan makes the endpoint and Stripe.js do, says what that
// amounts to ("a session for another account", "a result for another session", "no accounts"),
// and applies the contract's rules to that. Where the contract lets two rules apply at once and
// does not say which one wins (an account of the wrong mode that is also the wrong account, say),
// either outcome is allowed.
import type { RelinkErrorCode, RelinkStage } from '../../../src/index.js';
import { CHECKING } from '../harness/index.js';
import { sessionAccountOf, type CustomerPlan, type Plan, type ResultMutation } from './arbitraries.js';

type Mode = 'same_account' | 'any_account';

export type Expected =
  | { status: 'success'; mode: Mode; accounts: string[]; sessionId: string }
  | { status: 'cancel'; mode: Mode; sessionId: string }
  | {
      status: 'error';
      code: RelinkErrorCode;
      stage: RelinkStage;
      /** Undefined where the contract does not say. */
      retryable?: boolean;
      httpStatus?: number;
      stripeErrorType?: string;
      accounts?: string[];
    };

/** README's error table: each code's stage and whether a new attempt may succeed. */
const CODES: Record<RelinkErrorCode, { stage: RelinkStage; retryable: boolean | 'it depends' }> = {
  invalid_config: { stage: 'config', retryable: false },
  invalid_publishable_key: { stage: 'config', retryable: false },
  session_request_failed: { stage: 'session', retryable: true },
  session_http_error: { stage: 'session', retryable: 'it depends' },
  invalid_session_response: { stage: 'session', retryable: false },
  session_mismatch: { stage: 'session', retryable: false },
  stripe_load_failed: { stage: 'stripe', retryable: true },
  stripe_error: { stage: 'stripe', retryable: 'it depends' },
  account_mismatch: { stage: 'result', retryable: false },
  livemode_mismatch: { stage: 'result', retryable: false },
  verification_failed: { stage: 'verify', retryable: true },
};

/** README: session_http_error is retryable for 408, 429 and 5xx. */
const retryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;
/** README: stripe_error is retryable for these Stripe error types, and no other. */
const RETRYABLE_STRIPE_TYPES = ['invalid_request_error', 'api_connection_error', 'api_error', 'rate_limit_error'];

type ErrorExtra = Omit<Extract<Expected, { status: 'error' }>, 'status' | 'code' | 'stage'> & { stage?: RelinkStage };
function error(code: RelinkErrorCode, extra: ErrorExtra = {}): Expected {
  const { stage, retryable } = CODES[code];
  return { status: 'error', code, stage, ...(typeof retryable === 'boolean' ? { retryable } : {}), ...extra };
}

/** What the run learned only while it ran: ids the fake made up. */
export interface Facts {
  /** The session the endpoint created for the attempt. */
  sessionId: string;
  /** The id a stand-in put in place of it (a result for another session), if any. */
  otherSessionId: string | null;
}

/** The session as the element gets it, when the endpoint answered one that checks out. */
interface GoodSession {
  mode: Mode;
  /** The account of a same-account session. */
  account: string | null;
  /** Whether the endpoint told the session's id (so that a result for another one can be told apart). */
  idKnown: boolean;
}

/** The session stage: the session, when it checks out; else the outcomes the contract allows. */
function sessionVerdict(plan: Plan): Expected[] | GoodSession {
  const { response } = plan;
  if (response.kind === 'hang' || response.kind === 'network-error') return [error('session_request_failed')];
  const { status, body } = response;
  if (status < 200 || status > 299)
    return [error('session_http_error', { httpStatus: status, retryable: retryableStatus(status) })];
  if (body.kind !== 'session' || body.mutation !== null) return [error('invalid_session_response')];
  const account = sessionAccountOf(plan, body);
  const broken: Expected[] = [];
  // "account is set and the session is any-account, or for another account"
  if (plan.account !== null && account !== plan.account) broken.push(error('session_mismatch'));
  // "the session disagrees with the key's mode" (the key is a test key)
  if (body.livemode === true) broken.push(error('livemode_mismatch', { stage: 'session' }));
  if (broken.length > 0) return broken;
  return { mode: account === null ? 'any_account' : 'same_account', account, idKnown: body.withId };
}

/** What Stripe.js answered, in the contract's terms. */
type StripeAnswer =
  /** It rejected or threw: there is no result at all. */
  | { kind: 'failed' }
  /** Not Stripe's shape (no session, ids or accounts of the wrong kind), or it throws when read. */
  | { kind: 'malformed' }
  /** An arbitrary value: whatever it is, it is not a result to succeed with. */
  | { kind: 'anything' }
  /** `{ error }`, the error being Stripe's shape when it has a string `type`. */
  | { kind: 'error'; type: unknown }
  | { kind: 'session'; forThisSession: boolean; accounts: { id: string; livemode: unknown }[] };

/** An account is an object with a string id; anything else is not Stripe's shape. */
const isAccount = (value: unknown): value is { id: string; livemode?: unknown } =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';

/** What the fake Stripe.js answers for what the customer does. */
function customerAnswer(customer: CustomerPlan, session: GoodSession): StripeAnswer {
  switch (customer.action) {
    case 'relink': {
      // Stripe lets the customer choose only in an any-account session.
      const ids = session.mode === 'same_account' ? [session.account ?? CHECKING] : customer.select;
      return { kind: 'session', forThisSession: true, accounts: ids.map((id) => ({ id, livemode: false })) };
    }
    case 'cancel':
      return { kind: 'session', forThisSession: true, accounts: [] };
    case 'error':
      return { kind: 'error', type: customer.error.type };
    case 'misbehave':
      return {
        kind: 'session',
        forThisSession: true,
        accounts: customer.accounts.map((a) => (typeof a === 'string' ? { id: a, livemode: false } : a)),
      };
    case 'throw':
      return { kind: 'failed' };
  }
}

/** A faulty Stripe.js's change to an answer (see ./stripe-js.ts). */
function mutated(answer: StripeAnswer, mutation: ResultMutation): StripeAnswer {
  const hasSession = answer.kind === 'session';
  switch (mutation.kind) {
    case 'none':
    case 'extra-fields':
      return answer;
    case 'drop-session':
    case 'session-not-object':
    case 'throwing-getter':
      return { kind: 'malformed' };
    case 'id-other':
      return hasSession ? { ...answer, forThisSession: false } : answer;
    case 'id-not-string':
      return hasSession ? { kind: 'malformed' } : answer;
    case 'accounts-not-array':
      if (!hasSession) return answer;
      // What it holds counts, not what the plan calls it: an empty array is no accounts.
      return Array.isArray(mutation.value)
        ? mutated(answer, { kind: 'accounts', accounts: mutation.value })
        : { kind: 'malformed' };
    case 'accounts':
      if (!hasSession) return answer;
      return mutation.accounts.every(isAccount)
        ? { ...answer, accounts: mutation.accounts.map((a) => ({ id: a.id, livemode: a.livemode })) }
        : { kind: 'malformed' };
    case 'add-error': {
      const { error: added } = mutation;
      return {
        kind: 'error',
        type: typeof added === 'object' && added !== null ? (added as { type?: unknown }).type : undefined,
      };
    }
    case 'falsy-error':
      // A falsy `error` is no error; what is left of an error answer is no session at all.
      return hasSession ? answer : { kind: 'malformed' };
  }
}

function stripeAnswer(plan: Plan, session: GoodSession): StripeAnswer {
  const { stripe } = plan;
  if (stripe.kind === 'loader') return customerAnswer(stripe.customer, session);
  if (stripe.kind !== 'instance') throw new Error(`model: ${stripe.kind} never reaches the flow`);
  const { collect } = stripe;
  switch (collect.kind) {
    case 'real': {
      const answer = customerAnswer(collect.customer, session);
      return answer.kind === 'failed' ? answer : mutated(answer, collect.mutation);
    }
    case 'sync': {
      const account = { id: session.account ?? CHECKING, livemode: false };
      return mutated({ kind: 'session', forThisSession: true, accounts: [account] }, collect.mutation);
    }
    case 'resolve-anything':
      return { kind: 'anything' };
    case 'reject':
    case 'throw-sync':
      return { kind: 'failed' };
    case 'settle-twice':
      // Only the first settlement counts: the fake's own answer.
      return customerAnswer(collect.customer, session);
  }
}

/** The contract's rules for what Stripe's flow resolved with. */
function resultVerdict(answer: StripeAnswer, session: GoodSession, facts: Facts): Expected[] {
  switch (answer.kind) {
    case 'failed':
    case 'malformed':
      // No result to go by: a new attempt, with a fresh session, may meet a Stripe.js that works.
      return [error('stripe_error', { retryable: true })];
    case 'anything':
      return [error('stripe_error')];
    case 'error':
      // "{ error } → stripe_error", retryable by its type.
      return [
        typeof answer.type === 'string'
          ? error('stripe_error', {
              retryable: RETRYABLE_STRIPE_TYPES.includes(answer.type),
              stripeErrorType: answer.type,
            })
          : error('stripe_error'),
      ];
    case 'session':
      break;
  }
  // A result for another session than the one this attempt opened is not this attempt's.
  if (!answer.forThisSession && session.idKnown) return [error('stripe_error')];
  const sessionId = answer.forThisSession ? facts.sessionId : (facts.otherSessionId ?? '');
  const { mode } = session;
  const ids = answer.accounts.map((a) => a.id);
  // "no accounts returned → cancel"
  if (ids.length === 0) return [{ status: 'cancel', mode, sessionId }];
  const broken: Expected[] = [];
  // "a returned account whose livemode disagrees with the key" (a test key: anything but false disagrees)
  if (answer.accounts.some((a) => a.livemode !== false)) broken.push(error('livemode_mismatch', { accounts: ids }));
  // "same_account: success only if exactly one account came back and its id is the expected one"
  if (mode === 'same_account' && (ids.length !== 1 || ids[0] !== session.account))
    broken.push(error('account_mismatch', { accounts: ids }));
  if (broken.length > 0) return broken;
  // "any_account: success if at least one account came back"
  return [{ status: 'success', mode, accounts: ids, sessionId }];
}

/** The stages before Stripe's flow: the session the flow opens with, or the outcomes the contract allows. */
function beforeTheFlow(plan: Plan): Expected[] | GoodSession {
  const { stripe } = plan;
  // Configuration is checked before any network traffic.
  if (stripe.kind === 'invalid-instance') return [error('invalid_config')];
  const session = sessionVerdict(plan);
  if (Array.isArray(session)) return session;
  if (stripe.kind === 'load-reject' || stripe.kind === 'load-non-stripe' || stripe.kind === 'load-hang') {
    return [error('stripe_load_failed')];
  }
  return session;
}

/** Every outcome the contract allows for the plan (one, unless two rules apply at once). */
export function allowedOutcomes(plan: Plan, facts: Facts): Expected[] {
  const before = beforeTheFlow(plan);
  if (Array.isArray(before)) return before;
  return resultVerdict(stripeAnswer(plan, before), before, facts);
}

/** Whether Stripe's flow opens (fc-relink-start dispatched, collect called once). */
export function flowOpens(plan: Plan): boolean {
  return !Array.isArray(beforeTheFlow(plan));
}
