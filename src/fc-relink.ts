import { LitElement, html, type PropertyValues } from 'lit';
import type { AttemptHooks } from './attempt/index.js';
import { DEFAULT_SESSION_TIMEOUT, DEFAULT_STRIPE_TIMEOUT } from './defaults.js';
import { emit } from './events.js';
import { styles } from './fc-relink.styles.js';
import { LanguageController, languageOf, translationFor, type RelinkText } from './localize.js';
// Evaluated with the element, so that the Trusted Types policy for Stripe.js exists before any
// script that runs after `import 'fc-relink'` can claim its name.
import './stripe-script.js';
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

/**
 * What the customer reads in a state: never the developer's diagnosis (that is the error
 * event's `message`). An error reads as one the customer can retry, or as one to ask about.
 */
function statusText(state: RelinkState, error: RelinkErrorDetail | null, hosted: boolean): RelinkText | null {
  if (state === 'idle') return null;
  if (state === 'open' && hosted) return 'redirecting';
  if (state !== 'error') return state;
  if (error?.code === 'stripe_load_failed') return 'blocked';
  return error?.retryable ? 'retry' : 'unavailable';
}

const BUSY: readonly RelinkState[] = ['loading', 'open', 'verifying'];
const PRELOADS: readonly RelinkPreload[] = ['none', 'intent', 'visible', 'eager'];

// What decides whether and which Stripe.js `preload` loads.
const PRELOAD_INPUTS = ['preload', 'publishableKey', 'stripeAccount', 'stripe'] as const;

/**
 * A half of fc-relink fetched through import() once per page, on first need. A failed fetch is
 * forgotten, so the next need fetches again. `loaded` is the module once it is here, so that
 * intent reaches it without waiting a microtask.
 */
class LazyPart<T> {
  loaded: T | undefined;
  #loading: Promise<T> | undefined;
  readonly #load: () => Promise<T>;

  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  get(): Promise<T> {
    this.#loading ??= this.#load().then(
      (module) => (this.loaded = module),
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }
}

/** The attempt half: configuration checks, session request, Stripe.js, result checks, verify, prefetch. */
const attemptHalf = new LazyPart(() => import('./attempt/index.js'));
type AttemptHalf = typeof import('./attempt/index.js');
type PrefetchHalf = typeof import('./prefetch/index.js');
/** The prefetch half (`prefetch`): the session requested on intent, for the click. */
const prefetchHalf = new LazyPart(() => import('./prefetch/index.js'));
/** The hosted half (ui="hosted"): Stripe's hosted page, and the report on the page it returns to. */
const hostedHalf = new LazyPart(() => import('./hosted/index.js'));

// The two errors the element reports itself; every other one comes from a lazily loaded half.
// (Written out rather than looked up in RELINK_ERRORS, which the shell would then have to ship.)
const DISABLED: RelinkErrorDetail = Object.freeze({
  code: 'invalid_config',
  message: 'The element is disabled.',
  retryable: false,
  stage: 'config',
});

/** A lazily loaded half could not be fetched (offline, or a deploy removed its file). */
const notLoaded = (error: unknown): RelinkErrorDetail =>
  Object.freeze({
    code: 'session_request_failed',
    message: `fc-relink could not load a part of itself: ${String(error)}`,
    retryable: true,
    stage: 'session',
  });

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
 * @attr {RelinkState} state - Read-only, reflected: the current state, for CSS (`fc-relink[state="error"]`) and scripts.
 * @fires {FcRelinkStartEvent} fc-relink-start - Just before Stripe's flow opens. Detail: `{ mode, account, sessionId }`.
 * @fires {FcRelinkSuccessEvent} fc-relink-success - The attempt succeeded. Detail: `{ mode, sessionId, accounts }`.
 * @fires {FcRelinkCancelEvent} fc-relink-cancel - The customer left without relinking. Detail: `{ mode, sessionId }`.
 * @fires {FcRelinkErrorEvent} fc-relink-error - The attempt failed. Detail: `{ code, message, retryable, stage, status?, stripeError?, accounts? }`.
 * @fires {FcRelinkStateChangeEvent} fc-relink-statechange - The state changed. Detail: `{ state, previous }`.
 */
export class FcRelinkElement extends LitElement {
  static override styles = styles;
  // Declared here rather than with Lit's decorators, so that a site that does not use them does
  // not ship them (about 0.4 kB gzip).
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
    hostedOrigins: { attribute: 'hosted-origins' },
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

  /**
   * When Stripe.js is loaded: `intent` (pointer over, focus or touch on the element), `visible`
   * (in the viewport), `eager` (when connected) or `none` (on the first attempt). Unknown values
   * mean `intent`.
   */
  preload: RelinkPreload = 'intent';

  /**
   * Requests the session as soon as the customer shows intent (focus, touch, or the pointer
   * resting 100 ms on the button), and uses it if the click follows within 30 s. Each prefetch
   * creates a session on the server, used or not.
   */
  prefetch = false;

  /** Extra request headers for the endpoint (a CSRF token, say). */
  headers: Record<string, string> = {};

  /** Replaces the built-in endpoint request. */
  fetchSession: FetchSession | null = null;

  /** A Stripe.js instance (or a Promise of one) to use instead of loading Stripe.js. */
  stripe: StripeLike | Promise<StripeLike> | null = null;

  /**
   * The merchant endpoint that reads the session's outcome back from Stripe. When set, a success
   * is reported only once it confirms the relink; otherwise `verification_failed`.
   */
  verifyUrl: string | null = null;

  /** Replaces the built-in verify request. */
  verifySession: VerifySession | null = null;

  /**
   * How the customer relinks: `embedded` (Stripe's flow over this page, through Stripe.js) or
   * `hosted` (this tab goes to Stripe's hosted page and comes back; `account` and `session-url`
   * pointing at a hosted-session endpoint are required, and the page Stripe returns to reports
   * the outcome through its own `<fc-relink ui="hosted" verify-url>`). Unknown values mean `embedded`.
   */
  ui: RelinkUi = 'embedded';

  /**
   * With `ui="hosted"`: origins (space-separated) the tab may also be sent to, besides `https:`
   * on Stripe's hosted-page hosts: a fake or local Stripe in tests and demos
   * (`http://localhost:8000`). Only the page sets it; the endpoint's answer cannot.
   */
  hostedOrigins: string | null = null;

  #state: RelinkState = 'idle';
  /** The error the last attempt ended with, for the status text. */
  #error: RelinkErrorDetail | null = null;
  #inflight: Promise<RelinkOutcome> | null = null;
  #controller: AbortController | null = null;
  #observer: IntersectionObserver | undefined;
  /** Set while the element moves focus itself: that is not the customer showing intent. */
  #unprompted = false;
  /**
   * Set when an attempt ends: Stripe's window covered the page, and when it goes the pointer is
   * over the button again without having moved. That first entry is not the customer asking again.
   */
  #pointerReturns = false;


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
    return this.#run((hooks) =>
      this.#hosted
        ? hostedHalf.get().then((hosted) => hosted.startHosted(this, hooks))
        : attemptHalf.get().then((attempt) => attempt.runAttempt(this, hooks)),
    );
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

  /** `ui="hosted"`: the attempt goes to Stripe's hosted page instead of opening Stripe.js here. */
  get #hosted(): boolean {
    return this.ui === 'hosted';
  }

  protected override firstUpdated(): void {
    // Back from Stripe's hosted page: the hosted half reports how the relink this tab started ended.
    if (this.#hosted) hostedHalf.get().then((hosted) => hosted.returned(this, (attempt) => this.#inflight ?? this.#run(attempt)), () => {});
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A `stripe` promise is read at the first attempt, which reports its failure as
    // stripe_load_failed; until then a rejection is not the page's unhandled rejection.
    if (changed.has('stripe')) Promise.resolve(this.stripe).catch(() => {});
    if (PRELOAD_INPUTS.some((name) => changed.has(name))) this.#applyPreload();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // First reflection here: a custom element may not add attributes in its constructor.
    this.#reflectState();
    this.#applyPreload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    // Only an element that has loaded the attempt half has anything to let go of.
    attemptHalf.loaded?.disconnected(this);
    // Moving the element disconnects and reconnects it in one task; only a real removal
    // abandons an attempt that has not yet opened Stripe's flow.
    setTimeout(() => {
      if (!this.isConnected) this.#controller?.abort();
    }, 0);
  }

  /** `preload`, with an unknown value meaning the default, as an invalid enumerated HTML attribute does. */
  get #preload(): RelinkPreload {
    return PRELOADS.includes(this.preload) ? this.preload : 'intent';
  }

  /** Applies `preload`: `eager` loads now, `visible` once the element is in the viewport. */
  #applyPreload(): void {
    this.#observer?.disconnect();
    if (!this.isConnected) return;
    if (this.#preload === 'eager') this.#warm();
    else if (this.#preload === 'visible' && typeof IntersectionObserver === 'function') {
      this.#observer = new IntersectionObserver((entries, observer) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          this.#warm();
        }
      });
      this.#observer.observe(this);
    }
  }

  /**
   * Gets the element ready for an attempt: fetches its half and has it load Stripe.js; with
   * `intent`, also hands it the intent (for `prefetch`). A hosted element only needs its half.
   */
  #warm(intent?: string): void {
    if (this.#hosted) return void hostedHalf.get().catch(() => {});
    const warm = (attempt: AttemptHalf) => {
      if (!this.isConnected) return;
      if (intent === undefined || this.#preload === 'intent') attempt.preload(this, languageOf(this));
      if (intent === undefined || !this.prefetch) return;
      const prefetch = (part: PrefetchHalf) => this.isConnected && part.intent(this, intent, attempt);
      if (prefetchHalf.loaded) prefetch(prefetchHalf.loaded);
      else prefetchHalf.get().then(prefetch, () => {});
    };
    if (attemptHalf.loaded) warm(attemptHalf.loaded);
    else attemptHalf.get().then(warm, () => {});
  }

  // For the button's focusin, pointerenter, pointerleave and touchstart: intent is shown on the
  // button, not on the blank room the status line keeps.
  #onIntent = {
    handleEvent: ({ type }: Event) => {
      const returning = this.#pointerReturns && type === 'pointerenter';
      if (type.startsWith('pointer')) this.#pointerReturns = false;
      if (!returning && !this.#unprompted && (this.#preload === 'intent' || this.prefetch)) this.#warm(type);
    },
    passive: true,
  };

  #finish(outcome: RelinkOutcome, returnFocus: boolean): void {
    this.#pointerReturns = true;
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

  // The button was disabled during the attempt, which drops focus to the body; give it back
  // unless a listener has since moved focus somewhere on purpose.
  async #restoreFocus(): Promise<void> {
    await this.updateComplete;
    const active = document.activeElement;
    if (this.isConnected && (active === null || active === document.body)) {
      this.#unprompted = true;
      this.renderRoot.querySelector('button')?.focus();
      this.#unprompted = false;
    }
  }

  #setState(next: RelinkState): void {
    const previous = this.#state;
    this.#state = next;
    // Rendered even when the state stays (error after error): the text may be new.
    this.requestUpdate();
    if (next === previous) return;
    this.#reflectState();
    emit(this, 'fc-relink-statechange', { state: next, previous });
  }

  // Not a reactive property: the attribute must change in the same task as the state, before
  // statechange listeners run, and a page setting it must not change the state.
  #reflectState(): void {
    if (this.getAttribute('state') !== this.#state) this.setAttribute('state', this.#state);
  }

  override render() {
    const busy = BUSY.includes(this.#state);
    const texts = translationFor(languageOf(this));
    const status = statusText(this.#state, this.#error, this.#hosted);
    // In the translation's language and direction, whatever the page around it says.
    return html`
      <div class="box" lang=${texts.$code} dir=${texts.$dir}>
        <button
          part="button"
          type="button"
          ?disabled=${busy || this.disabled}
          aria-busy=${busy}
          @click=${this.#onClick}
          @keydown=${this.#onKeydown}
          @focusin=${this.#onIntent}
          @pointerenter=${this.#onIntent}
          @pointerleave=${this.#onIntent}
          @touchstart=${this.#onIntent}
        >
          <slot>${texts.label}</slot>
        </button>
        <div part="status" role="status" aria-live="polite">${status && texts[status]}</div>
      </div>
    `;
  }

  // Through the property, so that a relink() replaced on the instance (a test spy, a wrapper) is what a click calls.
  #onClick = (): void => {
    void this.relink();
  };

  // A held Enter clicks again on every auto-repeat; after a fast failure, focus is back on the
  // button and each repeat would start a new attempt. Only a fresh press counts.
  #onKeydown(event: KeyboardEvent): void {
    if (event.repeat && event.key === 'Enter') event.preventDefault();
  }
}
