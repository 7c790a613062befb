import type { FcRelinkStartDetail } from '../shell/events.js';
import type { RelinkCancel, RelinkErrorCode, RelinkFailure, RelinkStage, RelinkSuccess } from '../shell/types.js';
import { afterPaint } from './after-paint.js';
import { validateConfig, type AttemptHost } from './config.js';
import { ABORTED } from './deadline.js';
import { detailOf, fail, messageOf } from './failure.js';
import { takePrefetched } from './prefetch.js';
import { interpretResult } from './result.js';
import { checkSession, requestSession, type ValidSession } from './session.js';
import { oneFlowAtATime, resolveStripe } from './stripe.js';
import { clearHostLayer } from './host-layer.js';
import { verifyRelink } from './verify.js';

/** An attempt's outcome as the attempt knows it; the element adds the attempt's id. */
export type AttemptOutcome = Omit<RelinkSuccess, 'attemptId'> | Omit<RelinkCancel, 'attemptId'> | RelinkFailure;

/** How an attempt reports progress to its element. */
export interface AttemptHooks {
  /** The attempt's id, sent to the merchant's endpoints as `attempt`. */
  readonly attemptId: string;
  /** Aborting ends the attempt with a cancel, as long as Stripe's flow is not yet open. */
  readonly signal: AbortSignal;
  /** The element's language (its `lang` or its closest ancestor's), for Stripe's flow; `''` if none. */
  readonly language: string;
  enter(state: 'loading' | 'open' | 'verifying'): void;
  /** Called just before Stripe's flow opens. */
  started(detail: Omit<FcRelinkStartDetail, 'attemptId'>): void;
}

type ReachedStage = Exclude<RelinkStage, 'result'>;

// For the unexpected: an exception that is nobody's report is a bug, ours or a hook's.
const UNEXPECTED: Readonly<Record<ReachedStage, RelinkErrorCode>> = {
  config: 'invalid_config',
  session: 'session_request_failed',
  stripe: 'stripe_error',
  verify: 'verification_failed',
};

/**
 * One relink attempt: validate the configuration, request a fresh session while Stripe.js
 * loads, check the session, open Stripe's flow, check what it returned, and have the server
 * confirm it when so configured. Every step throws what it reports; this resolves with exactly
 * one outcome and never rejects. The client secret never leaves this function's scope.
 */
export async function runAttempt(host: AttemptHost, hooks: AttemptHooks): Promise<AttemptOutcome> {
  const { signal } = hooks;
  let stage: ReachedStage = 'config';
  let session: ValidSession | undefined;
  try {
    if (signal.aborted) throw ABORTED;
    const config = validateConfig(host);
    stage = 'session';
    hooks.enter('loading');
    await afterPaint();
    if (signal.aborted) throw ABORTED;
    // Loading Stripe.js alongside the session request makes the wait the longer of the two
    // rather than their sum. Nothing is opened until the session has been checked; a failure
    // to load is reported then, so it is held until then.
    const stripePending = resolveStripe(config, hooks.language, signal);
    stripePending.catch(() => {});
    session = await (takePrefetched(host, config, signal) ?? requestSession(config, hooks.attemptId, signal));
    checkSession(config, session);
    stage = 'stripe';
    const stripe = await stripePending;
    const opened = session;
    const outcome = await oneFlowAtATime(signal, async () => {
      if (signal.aborted) throw ABORTED;
      hooks.started({ mode: opened.mode, account: opened.account, sessionId: opened.sessionId });
      hooks.enter('open');
      let raw: unknown;
      const restoreHost = clearHostLayer(host);
      try {
        raw = await stripe.collectFinancialConnectionsAccounts({ clientSecret: opened.clientSecret });
      } catch (error) {
        fail('stripe_error', `Stripe.js failed: ${messageOf(error)}`, { retryable: true });
      } finally {
        restoreHost();
      }
      return interpretResult(raw, opened, config.livemode ?? opened.livemode);
    });
    stage = 'verify';
    if (outcome.status === 'success' && config.verify) {
      hooks.enter('verifying');
      const { sessionId } = outcome;
      const expected = { sessionId, mode: opened.mode, account: opened.account, authorization: opened.authorization };
      await verifyRelink(config, config.verify, expected, outcome.accounts, hooks.attemptId);
    }
    return outcome;
  } catch (error) {
    if (error === ABORTED)
      return { status: 'cancel', mode: session?.mode ?? null, sessionId: session?.sessionId ?? null };
    return { status: 'error', error: detailOf(error, UNEXPECTED[stage]) };
  }
}
