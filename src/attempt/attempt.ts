import { fail, isRelinkError, messageOf, relinkError, reported } from '../errors.js';
import type { FcRelinkStartDetail } from '../events.js';
import type { RelinkErrorCode, RelinkOutcome, RelinkStage } from '../types.js';
import { validateConfig, type AttemptConfig, type AttemptInput, type ValidSession } from './config.js';
import { ABORTED } from './deadline.js';
import { interpretResult } from './result.js';
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
  prefetched?(config: AttemptConfig): Promise<ValidSession> | null;
}

/** Fails closed when the session is not the one this element asked for. */
function checkSession(config: AttemptConfig, session: ValidSession): void {
  if (config.account !== null && session.account !== config.account) {
    fail('session_mismatch', `The endpoint's session is for ${session.account ?? 'any account'}, not ${config.account}.`);
  }
  // Caught here, before the flow opens, rather than after the customer has gone through it.
  if (config.livemode !== null && session.livemode !== null && session.livemode !== config.livemode) {
    fail('livemode_mismatch', `The endpoint's session is not in ${config.livemode ? 'live' : 'test'} mode, as the key is.`, {
      stage: 'session',
    });
  }
  // The server check must be about this attempt's session, named by the endpoint, not by
  // whatever Stripe.js (or a stand-in for it) later reports.
  if ((config.verifyUrl || config.verifySession) && session.sessionId === null) {
    fail('invalid_session_response', 'Bad session response: verify-url needs its id.');
  }
}

// For the unexpected: an exception that is nobody's report is a bug, ours or a hook's.
const UNEXPECTED: Readonly<Record<RelinkStage, RelinkErrorCode>> = {
  config: 'invalid_config',
  session: 'session_request_failed',
  stripe: 'stripe_error',
  result: 'stripe_error',
  verify: 'verification_failed',
};

/**
 * One relink attempt: validate the configuration, request a fresh session while Stripe.js
 * loads, check the session, open Stripe's flow, check what it returned, and have the server
 * confirm it when so configured. Every step throws what it reports; this resolves with exactly
 * one outcome and never rejects. The client secret never leaves this function's scope.
 */
export async function runAttempt(input: AttemptInput, hooks: AttemptHooks): Promise<RelinkOutcome> {
  const { signal } = hooks;
  let stage: RelinkStage = 'config';
  let session: ValidSession | undefined;
  try {
    const config = validateConfig(input);
    stage = 'session';
    hooks.enter('loading');
    // Loading Stripe.js alongside the session request makes the wait the longer of the two
    // rather than their sum. Nothing is opened until the session has been checked; a failure
    // to load is reported then, so it is held until then.
    const stripePending = resolveStripe(config, signal);
    stripePending.catch(() => {});
    session = await (hooks.prefetched?.(config) ?? requestSession(config, signal));
    checkSession(config, session);
    stage = 'stripe';
    const stripe = await stripePending;
    const opened = session;
    const outcome = await oneFlowAtATime(signal, async () => {
      if (signal.aborted) throw ABORTED;
      hooks.started({ mode: opened.mode, account: opened.account, sessionId: opened.sessionId });
      hooks.enter('open');
      let raw: unknown;
      try {
        raw = await stripe.collectFinancialConnectionsAccounts({ clientSecret: opened.clientSecret });
      } catch (error) {
        fail('stripe_error', `Stripe.js failed: ${messageOf(error)}`, { retryable: true });
      }
      return interpretResult(raw, opened, config.livemode ?? opened.livemode);
    });
    stage = 'verify';
    if (outcome.status === 'success' && (config.verifyUrl || config.verifySession)) {
      hooks.enter('verifying');
      await verifyRelink(config, opened, outcome.sessionId, outcome.accounts);
    }
    return outcome;
  } catch (error) {
    if (error === ABORTED) return { status: 'cancel', mode: session?.mode ?? null, sessionId: session?.sessionId ?? null };
    return {
      status: 'error',
      error: reported(isRelinkError(error) ? error : relinkError(UNEXPECTED[stage], `Unexpected failure: ${messageOf(error)}`)),
    };
  }
}
