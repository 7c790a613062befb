import { relinkError } from '../errors.js';
import type { FcRelinkStartDetail } from '../events.js';
import type {
  RelinkErrorCode,
  RelinkErrorDetail,
  RelinkMode,
  RelinkOutcome,
  RelinkStage,
  StripeLike,
} from '../types.js';
import { validateConfig, type AttemptConfig, type AttemptInput, type ValidSession } from './config.js';
import { interpretResult } from './result.js';
import { messageOf, type Step } from './json-call.js';
import { requestSession } from './session-request.js';
import { oneFlowAtATime, resolveStripe } from './stripe.js';
import { verifyRelink } from './verify.js';

/** How an attempt reports progress to its host (the element). */
export interface AttemptHooks {
  /** Aborting ends the attempt with a cancel, as long as Stripe's flow is not yet open. */
  signal: AbortSignal;
  enter(state: 'loading' | 'open' | 'verifying'): void;
  /** Called just before Stripe's flow opens. */
  started(detail: FcRelinkStartDetail): void;
  /**
   * A session requested ahead of the click with this configuration, if one is waiting (or still
   * on its way); each is handed out once.
   */
  prefetched?(config: AttemptConfig): Promise<Step<ValidSession>> | null;
}

const failure = (error: RelinkErrorDetail): RelinkOutcome => ({ status: 'error', error });
const cancelled = (mode: RelinkMode | null, sessionId: string | null): RelinkOutcome => ({
  status: 'cancel',
  mode,
  sessionId,
});

/** Fails closed when the session is not the one this element asked for. */
function sessionMismatch(config: AttemptConfig, session: ValidSession): RelinkErrorDetail | null {
  if (config.account !== null && session.account !== config.account) {
    return relinkError(
      'session_mismatch',
      `The endpoint's session is for ${session.account ?? 'any account'}, not ${config.account}.`,
    );
  }
  // Caught here, before the flow opens, rather than after the customer has gone through it.
  if (config.livemode !== null && session.livemode !== null && session.livemode !== config.livemode) {
    return relinkError(
      'livemode_mismatch',
      `The endpoint's session is not in ${config.livemode ? 'live' : 'test'} mode, as the key is.`,
      { stage: 'session' },
    );
  }
  return null;
}

async function openFlow(
  stripe: StripeLike,
  session: ValidSession,
  config: AttemptConfig,
  hooks: AttemptHooks,
): Promise<RelinkOutcome> {
  if (hooks.signal.aborted) return cancelled(session.mode, session.sessionId);
  hooks.started({ mode: session.mode, account: session.account, sessionId: session.sessionId });
  hooks.enter('open');
  let raw: unknown;
  try {
    raw = await stripe.collectFinancialConnectionsAccounts({ clientSecret: session.clientSecret });
  } catch (error) {
    return failure(
      relinkError(
        'stripe_error',
        `Stripe.js failed: ${messageOf(error)}`,
        { retryable: true },
      ),
    );
  }
  return interpretResult(raw, session, config.livemode ?? session.livemode);
}

/** With a server check configured, a success stands only if the server confirms it. */
async function confirmed(outcome: RelinkOutcome, config: AttemptConfig, session: ValidSession, hooks: AttemptHooks): Promise<RelinkOutcome> {
  if (outcome.status !== 'success' || config.verify === null) return outcome;
  hooks.enter('verifying');
  const check = await verifyRelink(config, session, outcome.sessionId, outcome.accounts);
  // Only a positive answer confirms; anything else (an error, or an abort should verification
  // ever become abortable) fails closed.
  if (check.kind === 'ok') return outcome;
  return failure(
    check.kind === 'error' ? check.error : relinkError('verification_failed', 'The server check was abandoned.'),
  );
}

const UNEXPECTED: Readonly<Record<RelinkStage, RelinkErrorCode>> = {
  config: 'invalid_config',
  session: 'session_request_failed',
  stripe: 'stripe_error',
  result: 'stripe_error',
  verify: 'verification_failed',
};

/**
 * One relink attempt: validate the configuration, request a fresh session while Stripe.js
 * loads, check the session, open Stripe's flow, check what it returned. Resolves with exactly
 * one outcome and never rejects; the client secret never leaves this function's scope.
 */
export async function runAttempt(input: AttemptInput, hooks: AttemptHooks): Promise<RelinkOutcome> {
  let stage: RelinkStage = 'config';
  try {
    const checked = validateConfig(input);
    if (!checked.ok) return failure(checked.error);
    const config = checked.value;

    stage = 'session';
    hooks.enter('loading');
    // Loading Stripe.js alongside the session request makes the wait the longer of the two
    // rather than their sum. Nothing is opened until the session has been checked.
    const stripePending = resolveStripe(config, hooks.signal);
    const early = hooks.prefetched?.(config);
    const session = await (early ?? requestSession(config, hooks.signal));
    if (session.kind === 'aborted') return cancelled(null, null);
    if (session.kind === 'error') return failure(session.error);
    const mismatch = sessionMismatch(config, session.value);
    if (mismatch) return failure(mismatch);
    if (config.verify !== null && session.value.sessionId === null) {
      // The server check must be about this attempt's session, named by the endpoint, not by
      // whatever Stripe.js (or a stand-in for it) later reports.
      return failure(
        relinkError('invalid_session_response', 'Bad session response: verify-url needs its id.'),
      );
    }

    stage = 'stripe';
    const stripe = await stripePending;
    if (stripe.kind === 'aborted') return cancelled(session.value.mode, session.value.sessionId);
    if (stripe.kind === 'error') return failure(stripe.error);

    const outcome = await oneFlowAtATime(
      () => openFlow(stripe.value, session.value, config, hooks),
      hooks.signal,
      () => cancelled(session.value.mode, session.value.sessionId),
    );
    stage = 'verify';
    return await confirmed(outcome, config, session.value, hooks);
  } catch (error) {
    // Only a bug (ours or a hook's) lands here; the attempt still ends with one outcome.
    return failure(
      relinkError(UNEXPECTED[stage], `Unexpected failure: ${messageOf(error)}`),
    );
  }
}
