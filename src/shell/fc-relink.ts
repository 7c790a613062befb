import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { newAttemptId } from './attempt-id.js';
import { DEFAULT_SESSION_TIMEOUT, DEFAULT_STRIPE_TIMEOUT } from './defaults.js';
import { errorDetail } from './errors.js';
import { AttemptController } from './attempts.js';
import { listenToButton } from './button-events.js';
import { emit, emitOutcome } from './events.js';
import { attemptHalf, hostedHalf } from './lazy-part.js';
import { LanguageController, languageOf, translationFor } from './localize.js';
import { RelinkedElsewhere, type RelinkedNews } from './elsewhere.js';
import { isBusy, setCustomState, statusLine } from './states.js';
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
  RelinkReason,
  RelinkState,
  RelinkUi,
  StripeLike,
  VerifySession,
} from './types.js';
import { WarmUpController } from './warm-up.js';

const DISABLED = errorDetail('invalid_config', 'The element is disabled.'); // relink() then: no attempt, no event

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
 * @cssprop --fc-relink-focus-ring - Button focus outline; the default follows the page's color-scheme. Default: 2px solid light-dark(#0a2540, #8ab4ff).
 * @cssprop --fc-relink-gap - Space between the button and the status. Default: 0.5em.
 * @cssprop --fc-relink-status-color - Status text color. Default: inherit.
 * @cssprop --fc-relink-status-width - Width of the status line where there is room; never wider than the container. Default: 22em.
 * @cssprop --fc-relink-status-lines - Lines reserved for the status from the start, so a text that fits in them moves nothing on the page. Default: 2.
 * @cssprop --fc-relink-error-color - Status text color in the error state; the default follows the page's color-scheme. Default: light-dark(#c0123c, #ff7a90).
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
    reason: {},
    due: {},
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
  /** Why the customer is asked, said in `idle`: `inactive`, `expiring` or `permissions`; else nothing. */
  reason: RelinkReason | null = null;
  /** When it is due, an ISO 8601 date (`2027-01-15`) or date-time, written in the customer's language. */
  due: string | null = null;
  /** With `ui="hosted"`: origins the tab may also go to besides Stripe's hosted pages (a fake in tests); the page's own. */
  hostedOrigins: string | null = null;

  readonly #warmUp = new WarmUpController(this);
  readonly #attempts = new AttemptController(this, {
    enter: (state, attemptId) => this.#setState(state, attemptId),
    started: (detail) => emit(this, 'fc-relink-start', detail),
    ended: (outcome, attemptId, returnFocus) => this.#finish(outcome, attemptId, returnFocus),
  });
  readonly #elsewhere = new RelinkedElsewhere(this, (news) => this.#relinkedElsewhere(news));
  /** The `:state()` of CSS, where the browser has custom states. */
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();

  #state: RelinkState = 'idle';
  #error: RelinkErrorDetail | null = null; // the last attempt's, for the status text
  #errors = 0; // error outcomes so far: the same text again is shown (and read out) anew

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
   * if ((await document.querySelector('fc-relink').relink()).status === 'success') refreshAccounts();
   */
  relink(): Promise<RelinkOutcome> {
    if (this.#attempts.inflight) return this.#attempts.inflight;
    if (this.disabled) return Promise.resolve({ status: 'error', error: DISABLED });
    // A session prefetched for this attempt was asked for under the id the attempt takes.
    const attemptId = attemptHalf.loaded?.prefetchedAttemptId(this) ?? newAttemptId();
    this.requestUpdate(); // the loading feedback, in this frame even while the half is on its way
    if (this.#hosted)
      return this.#attempts.run(attemptId, async (hooks) => (await hostedHalf.get()).startHosted(this, hooks));
    return this.#attempts.run(attemptId, async (hooks) => (await attemptHalf.get()).runAttempt(this, hooks));
  }

  /** `ui="hosted"`: the attempt visits Stripe's hosted page instead of opening Stripe.js here. */
  get #hosted(): boolean {
    return this.ui === 'hosted';
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const handlers = { click: this.#onClick, keydown: this.#onKeydown, intent: this.#warmUp.intent };
    return listenToButton(super.createRenderRoot(), handlers); // per event type, not per binding
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#reflectState(); // not in the constructor: a custom element may not add attributes there
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Only an element that has loaded the attempt half has anything to let go of.
    attemptHalf.loaded?.disconnected(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A `stripe` promise is read at the first attempt, which reports its failure as
    // stripe_load_failed; until then a rejection is not the page's unhandled rejection.
    if (changed.has('stripe')) Promise.resolve(this.stripe).catch(() => {});
    this.#warmUp.changed(changed);
    // Done, until the page asks about another account or for another reason.
    const asksAgain = (['account', 'reason', 'due'] as const).some((name) => changed.has(name));
    if (this.#state === 'success' && asksAgain && this.hasUpdated) this.#setState('idle', null);
  }

  protected override firstUpdated(): void {
    // Back from Stripe's hosted page: the hosted half reports how the relink this tab started
    // ended. If the half cannot be fetched, nothing was claimed and nothing is reported.
    if (!this.#hosted) return;
    const reported = hostedHalf.get().then((hosted) => hosted.returned(this));
    reported.then(
      (report) => void (report && !this.#attempts.inflight && this.#attempts.run(report.attemptId, report.run)),
      () => {},
    );
  }

  #finish(outcome: RelinkOutcome, attemptId: string, returnFocus: boolean): void {
    this.#warmUp.attemptEnded();
    if (outcome.status === 'error') {
      this.#error = outcome.error;
      this.#errors += 1;
    }
    this.#setState(outcome.status, attemptId);
    emitOutcome(this, outcome, attemptId);
    if (outcome.status === 'success') {
      this.#elsewhere.announce(outcome.accounts, { sessionId: outcome.sessionId, mode: outcome.mode, attemptId });
    }
    if (returnFocus) void this.#restoreFocus();
  }

  /** Another element or tab relinked this element's account: done here too, unless an attempt runs. */
  #relinkedElsewhere({ sessionId, mode, attemptId }: RelinkedNews): void {
    if (this.#attempts.inflight || this.#state === 'success') return;
    this.#setState('success', attemptId);
    emit(this, 'fc-relink-success', { mode, sessionId, accounts: [], attemptId, elsewhere: true });
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

  #setState(next: RelinkState, attemptId: string | null): void {
    const previous = this.#state;
    this.#state = next;
    // Rendered even when the state stays (error after error): the text may be new.
    this.requestUpdate();
    if (next === previous) return;
    this.#reflectState(previous);
    emit(this, 'fc-relink-statechange', { state: next, previous, attemptId });
  }

  // Not a reactive property: the attribute must change in the same task as the state, before
  // statechange listeners run, and a page setting it must not change the state.
  #reflectState(previous?: RelinkState): void {
    if (this.getAttribute('state') !== this.#state) this.setAttribute('state', this.#state);
    if (this.#internals) setCustomState(this.#internals, previous, this.#state);
  }

  override render() {
    const shown = this.#attempts.inflight && !isBusy(this.#state) ? 'loading' : this.#state;
    const busy = isBusy(shown);
    const done = shown === 'success';
    const texts = translationFor(languageOf(this));
    const status = statusLine(texts, shown, this.#error, this);
    // In the translation's language. Busy or done, the button stays focusable (aria-disabled), so
    // focus never drops to the page. Loading shows at once; `state` follows when the attempt runs.
    // No whitespace between tags: a node each. Done, the slot names no content: its own words.
    return html`<div class="box" lang=${texts.$code} dir=${texts.$dir === 'rtl' ? 'rtl' : nothing}
      ><button
        part="button"
        type="button"
        ?disabled=${this.disabled}
        aria-disabled=${busy || done}
        aria-busy=${busy ? 'true' : nothing}
        aria-describedby="status"
      ><slot name=${done ? 'done' : nothing}>${done ? texts.reconnected : texts.label}</slot></button
      ><div id="status" part="status" role="status" aria-live="polite"
        >${status && textNode(status, this.#errors)}</div
      ></div
    >`;
  }

  // Done after a success (relink() from code still runs); through the property, so a spy sees clicks.
  #onClick = (): unknown => this.#state !== 'success' && this.relink();

  // A held Enter clicks again on every auto-repeat; after a fast failure, focus is back on the
  // button and each repeat would start a new attempt. Only a fresh press counts.
  #onKeydown = (event: KeyboardEvent): void => {
    if (event.repeat && event.key === 'Enter') event.preventDefault();
  };
}

/**
 * The status text, in one of two identical templates, alternated by error outcome: Lit replaces
 * the rendered node when the template changes, so the same words after a second press are a new
 * node, shown and read out again, where the same template would leave the old node in place.
 */
const textNode = (text: string, errors: number) =>
  errors % 2 ? html`<span>${text}</span>` : html`<span>${text}</span>`;
