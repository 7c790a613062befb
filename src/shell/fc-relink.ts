import { LitElement, html, type PropertyValues } from 'lit';
import type { AttemptHooks } from '../attempt/index.js';
import { DEFAULT_SESSION_TIMEOUT, DEFAULT_STRIPE_TIMEOUT } from './defaults.js';
import { errorDetail } from './errors.js';
import { emit } from './events.js';
import { attemptHalf, hostedHalf, notLoaded } from './lazy-part.js';
import { LanguageController, languageOf, translationFor } from './localize.js';
import { isBusy, setCustomState, statusText } from './states.js';
// Evaluated with the element, so that the Trusted Types policy for Stripe.js exists before any
// script that runs after `import 'fc-relink'` can claim its name.
import './stripe-script.js';
import { styles } from './styles.js';
import type {
  FetchSession,
  RelinkCredentials,
  RelinkErrorDetail,
  RelinkOutcome,
  RelinkPreload,
  RelinkState,
  RelinkUi,
  StripeLike,
  VerifySession,
} from './types.js';
import { WarmUpController } from './warm-up.js';

// relink() while `disabled`: no attempt starts, so no event either.
const DISABLED = errorDetail('invalid_config', 'The element is disabled.');

/**
 * A button that lets a customer relink a bank account previously linked through Stripe
 * Financial Connections. It requests a fresh relink session from the merchant endpoint, opens
 * Stripe's flow, checks that the right account came back, and reports one outcome per attempt.
 *
 * @example
 * ```html
 * <fc-relink publishable-key="pk_test_…" session-url="/api/relink-session" account="fca_…"></fc-relink>
 * ```
 *
 * @slot - The button's label. Default: "Reconnect bank account".
 * @csspart button - The native button that starts an attempt.
 * @csspart status - The polite live region that reports the attempt's progress and outcome.
 * @cssprop --fc-relink-font - Font of the button and status. Default: inherit.
 * @cssprop --fc-relink-color - Button text color. Default: #fff.
 * @cssprop --fc-relink-background - Button background. Default: #635bff.
 * @cssprop --fc-relink-border - Button border. Default: none.
 * @cssprop --fc-relink-radius - Button corner radius. Default: 6px.
 * @cssprop --fc-relink-padding - Button padding. Default: 0.6em 1.1em.
 * @cssprop --fc-relink-focus-ring - Button focus outline. Default: 2px solid #0a2540.
 * @cssprop --fc-relink-gap - Space between the button and the status. Default: 0.5em.
 * @cssprop --fc-relink-status-color - Status text color. Default: inherit.
 * @cssprop --fc-relink-status-width - Least width of the status line (two lines of it are always reserved, so states do not shift the page). Default: 22em.
 * @cssprop --fc-relink-error-color - Status text color in the error state. Default: #c0123c.
 * @attr {RelinkState} state - Read-only, reflected: the current state, for CSS (`fc-relink[state="error"]`, or the custom state `fc-relink:state(error)`) and scripts.
 * @fires {FcRelinkStartEvent} fc-relink-start - Just before Stripe's flow opens. Detail: `{ mode, account, sessionId }`.
 * @fires {FcRelinkSuccessEvent} fc-relink-success - The attempt succeeded. Detail: `{ mode, sessionId, accounts }`.
 * @fires {FcRelinkCancelEvent} fc-relink-cancel - The customer left without relinking. Detail: `{ mode, sessionId }`.
 * @fires {FcRelinkErrorEvent} fc-relink-error - The attempt failed. Detail: `{ code, message, retryable, stage, status?, stripeError?, accounts? }`.
 * @fires {FcRelinkStateChangeEvent} fc-relink-statechange - The state changed. Detail: `{ state, previous }`.
 */
export class FcRelinkElement extends LitElement {
  static override styles = styles;
  static override properties = {
    publishableKey: { attribute: 'publishable-key' },
    stripeAccount: { attribute: 'stripe-account' },
    sessionUrl: { attribute: 'session-url' },
    account: {},
    credentials: {},
    disabled: { type: Boolean, reflect: true },
    sessionTimeout: { attribute: 'session-timeout', type: Number },
    stripeTimeout: { attribute: 'stripe-timeout', type: Number },
    preload: {},
    prefetch: { type: Boolean },
    headers: { attribute: false },
    fetchSession: { attribute: false },
    stripe: { attribute: false },
    verifyUrl: { attribute: 'verify-url' },
    verifySession: { attribute: false },
    ui: {},
  };

  /** Stripe publishable key, `pk_test_…` or `pk_live_…`. Required unless `stripe` is set. */
  publishableKey: string | null = null;
  /** Connected account `acct_…` (Stripe Connect), passed to Stripe.js. */
  stripeAccount: string | null = null;
  /** The merchant endpoint that creates a relink session. Required unless `fetchSession` is set. */
  sessionUrl: string | null = null;
  /** The `fca_…` account to relink; the session must be a same-account session for it. */
  account: string | null = null;
  /** fetch credentials mode for the endpoint request. */
  credentials: RelinkCredentials = 'same-origin';
  /** No attempt can start while set. */
  disabled = false;
  /** Milliseconds to wait for the session endpoint (or `fetchSession`); the verify request gets the same. */
  sessionTimeout = DEFAULT_SESSION_TIMEOUT;
  /** Milliseconds to wait for Stripe.js to load. */
  stripeTimeout = DEFAULT_STRIPE_TIMEOUT;
  /** When Stripe.js loads: `intent` (pointer, focus or touch), `visible`, `eager` or `none`; unknown means `intent`. */
  preload: RelinkPreload = 'intent';
  /** Requests the session on intent, for a click within 30 s; each prefetch creates a session, used or not. */
  prefetch = false;
  /** Extra request headers for the endpoint (a CSRF token, say). */
  headers: Record<string, string> = {};
  /** Replaces the built-in endpoint request. */
  fetchSession: FetchSession | null = null;
  /** A Stripe.js instance (or a Promise of one) to use instead of loading Stripe.js. */
  stripe: StripeLike | Promise<StripeLike> | null = null;
  /** The merchant endpoint that reads the outcome back from Stripe: a success needs its confirmation. */
  verifyUrl: string | null = null;
  /** Replaces the built-in verify request. */
  verifySession: VerifySession | null = null;
  /** `embedded` (Stripe's flow over this page) or `hosted` (the tab visits Stripe's page); unknown means `embedded`. */
  ui: RelinkUi = 'embedded';

  readonly #warmUp = new WarmUpController(this);
  /** The `:state()` of CSS, where the browser has custom states. */
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();

  #state: RelinkState = 'idle';
  /** The error the last attempt ended with, for the status text. */
  #error: RelinkErrorDetail | null = null;
  #inflight: Promise<RelinkOutcome> | null = null;
  #controller: AbortController | null = null;

  constructor() {
    super();
    new LanguageController(this);
  }

  /** The current state; also reflected as the `state` attribute. Read-only. */
  get state(): RelinkState {
    return this.#state;
  }

  /**
   * Starts an attempt exactly as a click does, and resolves with its outcome; never rejects.
   * While an attempt is in flight it starts nothing and returns that attempt's promise.
   *
   * @example
   * ```js
   * const outcome = await document.querySelector('fc-relink').relink();
   * if (outcome.status === 'success') refreshAccounts();
   * ```
   */
  relink(): Promise<RelinkOutcome> {
    if (this.#inflight) return this.#inflight;
    if (this.disabled) return Promise.resolve({ status: 'error', error: DISABLED });
    if (this.#hosted) return this.#run(async (hooks) => (await hostedHalf.get()).startHosted(this, hooks));
    return this.#run(async (hooks) => (await attemptHalf.get()).runAttempt(this, hooks));
  }

  /** `ui="hosted"`: the attempt visits Stripe's hosted page instead of opening Stripe.js here. */
  get #hosted(): boolean {
    return this.ui === 'hosted';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#reflectState(); // not in the constructor: a custom element may not add attributes there
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Only an element that has loaded the attempt half has anything to let go of.
    attemptHalf.loaded?.disconnected(this);
    // Moving the element disconnects and reconnects it in one task; only a real removal
    // abandons an attempt that has not yet opened Stripe's flow.
    setTimeout(() => {
      if (!this.isConnected) this.#controller?.abort();
    }, 0);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A `stripe` promise is read at the first attempt, which reports its failure as
    // stripe_load_failed; until then a rejection is not the page's unhandled rejection.
    if (changed.has('stripe')) Promise.resolve(this.stripe).catch(() => {});
    this.#warmUp.changed(changed);
  }

  protected override firstUpdated(): void {
    // Back from Stripe's hosted page: the hosted half reports how the relink this tab started
    // ended. If the half cannot be fetched, nothing was claimed and nothing is reported.
    if (!this.#hosted) return;
    const reported = hostedHalf.get().then((hosted) => hosted.returned(this));
    reported.then((report) => void (report && !this.#inflight && this.#run(report)), () => {});
  }

  /** Runs one attempt (`attempt` loads its half and runs it) and reports its outcome. */
  #run(attempt: (hooks: AttemptHooks) => Promise<RelinkOutcome>): Promise<RelinkOutcome> {
    const controller = new AbortController();
    this.#controller = controller;
    const returnFocus = this.matches(':focus-within');
    const hooks: AttemptHooks = {
      signal: controller.signal,
      language: languageOf(this),
      enter: (state) => this.#setState(state),
      started: (detail) => emit(this, 'fc-relink-start', detail),
    };
    // Begun in a microtask: a relink() called from a listener of the previous attempt's last
    // event then starts after that event has reached every listener, so events never nest.
    const run = Promise.resolve()
      .then(() => attempt(hooks))
      // An attempt never rejects: this is its half failing to load.
      .catch((error: unknown): RelinkOutcome => ({ status: 'error', error: notLoaded(error) }))
      .then((outcome) => {
        this.#inflight = null;
        this.#controller = null;
        this.#finish(outcome, returnFocus);
        return outcome;
      });
    this.#inflight = run;
    return run;
  }

  #finish(outcome: RelinkOutcome, returnFocus: boolean): void {
    this.#warmUp.attemptEnded();
    if (outcome.status === 'error') {
      this.#error = outcome.error;
      this.#setState('error');
      emit(this, 'fc-relink-error', outcome.error);
    } else if (outcome.status === 'cancel') {
      this.#setState('cancel');
      emit(this, 'fc-relink-cancel', { mode: outcome.mode, sessionId: outcome.sessionId });
    } else {
      this.#setState('success');
      emit(this, 'fc-relink-success', { mode: outcome.mode, sessionId: outcome.sessionId, accounts: outcome.accounts });
    }
    if (returnFocus) void this.#restoreFocus();
  }

  // Stripe's window took focus while it was open; give it back to the button unless a listener
  // has since moved focus somewhere on purpose.
  async #restoreFocus(): Promise<void> {
    await this.updateComplete;
    const active = document.activeElement;
    if (this.isConnected && (active === null || active === document.body)) {
      this.#warmUp.unprompted(() => this.renderRoot.querySelector('button')?.focus());
    }
  }

  #setState(next: RelinkState): void {
    const previous = this.#state;
    this.#state = next;
    // Rendered even when the state stays (error after error): the text may be new.
    this.requestUpdate();
    if (next === previous) return;
    this.#reflectState(previous);
    emit(this, 'fc-relink-statechange', { state: next, previous });
  }

  // Not a reactive property: the attribute must change in the same task as the state, before
  // statechange listeners run, and a page setting it must not change the state.
  #reflectState(previous?: RelinkState): void {
    if (this.getAttribute('state') !== this.#state) this.setAttribute('state', this.#state);
    if (this.#internals) setCustomState(this.#internals, previous, this.#state);
  }

  override render() {
    const busy = isBusy(this.#state);
    const texts = translationFor(languageOf(this));
    const status = statusText(this.#state, this.#error, this.#hosted);
    // In the translation's language and direction, whatever the page around it says. While an
    // attempt runs the button stays focusable (aria-disabled, clicks start nothing new), so
    // focus is never dropped to the page.
    // No whitespace between tags: every text node is one more node per element on the page.
    return html`<div class="box" lang=${texts.$code} dir=${texts.$dir}
      ><button
        part="button"
        type="button"
        ?disabled=${this.disabled}
        aria-disabled=${busy}
        aria-busy=${busy}
        @click=${this.#onClick}
        @keydown=${this.#onKeydown}
        @focusin=${this.#warmUp.intent}
        @pointerenter=${this.#warmUp.intent}
        @pointerleave=${this.#warmUp.intent}
        @touchstart=${this.#warmUp.intent}
      ><slot>${texts.label}</slot></button
      ><div part="status" role="status" aria-live="polite">${status && texts[status]}</div></div
    >`;
  }

  // Through the property, so that a relink() replaced on the instance (a test spy, a wrapper) is what a click calls.
  #onClick = (): unknown => this.relink();

  // A held Enter clicks again on every auto-repeat; after a fast failure, focus is back on the
  // button and each repeat would start a new attempt. Only a fresh press counts.
  #onKeydown(event: KeyboardEvent): void {
    if (event.repeat && event.key === 'Enter') event.preventDefault();
  }
}
