// One harness for every browser test: a real <fc-relink>, the real @stripe/stripe-js loader
// reusing a fake window.Stripe, and the merchant endpoint mocked by msw. After each test it
// checks the guarantees that must hold after any scenario: one terminal event per attempt, no
// client secret anywhere observable, no uncaught error.
import { expect } from '@esm-bundle/chai';
import type { HttpHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import '../../src/index.js';
import {
  FC_RELINK_EVENTS,
  RELINK_ERRORS,
  type FcRelinkElement,
  type FcRelinkEventDetailMap,
  type FcRelinkEventName,
  type FetchSession,
  type RelinkErrorCode,
  type RelinkOutcome,
  type RelinkStage,
} from '../../src/index.js';
import {
  createFakeStripe,
  createSessionEndpoint,
  createVerifyEndpoint,
  type EndpointScenario,
  type FakeCustomerAction,
  type FakeLaunch,
  type FakeStripe,
  type SessionEndpoint,
  type VerifyEndpoint,
  type VerifyScenario,
} from '../../src/testing/index.js';
import { setStripeNetworkMode, stripeNetwork, type StripeNetworkMode } from './stripe-network.js';

export { expect, stripeNetwork, type StripeNetworkMode };

export const TEST_KEY = 'pk_test_51FcRelinkDemo0000000000000000';
export const CHECKING = 'fca_test_checking';
export const SAVINGS = 'fca_test_savings';
export const ENDPOINT = '/api/relink-session';
export const VERIFY_ENDPOINT = '/api/relink-verify';

export type RecordedEvent = {
  [K in FcRelinkEventName]: { type: K; detail: FcRelinkEventDetailMap[K] };
}[FcRelinkEventName];

const TERMINAL = new Set<string>(['fc-relink-success', 'fc-relink-cancel', 'fc-relink-error']);

// One fake per page: @stripe/stripe-js keeps the first window.Stripe it finds for the page's
// lifetime, exactly as it would keep the real one.
export const fake: FakeStripe = createFakeStripe();
fake.install(window);

let worker: SetupWorker | null = null;
/**
 * Starts msw's service worker once per page; every suite in the page shares it. It answers
 * js.stripe.com too: whoever resets its handlers keeps `stripeNetwork` among them.
 */
export async function startWorker(): Promise<SetupWorker> {
  if (!worker) {
    worker = setupWorker(stripeNetwork);
    await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  }
  return worker;
}

export interface Mounted {
  el: FcRelinkElement;
  endpoint: SessionEndpoint;
  /** Every event the element dispatched, in order. */
  events: RecordedEvent[];
  /** Flows this test opened in the fake Stripe. */
  launches(): FakeStripe['launches'];
  /** Resolves with the next terminal event's type and detail. */
  nextOutcome(): Promise<RecordedEvent>;
  terminalEvents(): RecordedEvent[];
  /** The element's shadow-root text of the status region. */
  status(): string;
  button(): HTMLButtonElement;
}

interface MountOptions {
  attrs?: Record<string, string>;
  scenario?: EndpointScenario;
  /** Set properties before the element is connected. */
  props?: Partial<Pick<FcRelinkElement, 'headers' | 'fetchSession' | 'stripe' | 'credentials' | 'verifySession'>>;
  /** Where to put the element; default: document.body. */
  parent?: Node;
}

const mounted: Mounted[] = [];
const consoleLines: string[] = [];
const consoleErrors: string[] = [];
const uncaught: unknown[] = [];
const planted = new Set<string>();
const originalConsole = new Map<string, (...args: unknown[]) => void>();

beforeEach(() => {
  fake.customer = { action: 'relink' };
  stripeJs.fault = null;
  consoleLines.length = 0;
  consoleErrors.length = 0;
  uncaught.length = 0;
  planted.clear();
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method];
    originalConsole.set(method, original);
    console[method] = (...args: unknown[]) => {
      const line = args.map((a) => (typeof a === 'string' ? a : safeStringify(a))).join(' ');
      consoleLines.push(line);
      if (method === 'error') consoleErrors.push(line);
      original.apply(console, args);
    };
  }
});

const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);
window.addEventListener('error', onError);
window.addEventListener('unhandledrejection', onRejection);

afterEach(async function () {
  const title = this.currentTest?.fullTitle() ?? '';
  // Let any stray late event surface before checking.
  await new Promise((r) => setTimeout(r, 0));
  for (const [method, original] of originalConsole) {
    (console as unknown as Record<string, unknown>)[method] = original;
  }
  try {
    for (const m of mounted) assertOneTerminalEventPerAttempt(m.events, title);
    if (mounted.length > 0) assertNoSecretLeak(title);
    expect(uncaught.map(describeSafely), `${title}: uncaught errors`).to.deep.equal([]);
  } finally {
    for (const m of mounted) m.el.remove();
    mounted.length = 0;
  }
});

/** A thrown value, as text, even when reading it throws (a hostile value must not hang the report). */
export function describeSafely(value: unknown): string {
  try {
    return value instanceof Error ? `${value.name}: ${value.message}` : String(value);
  } catch {
    return '[a value that throws when read]';
  }
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Each attempt starts with `loading` (or ends straight from config) and has one ending. */
function assertOneTerminalEventPerAttempt(events: RecordedEvent[], title: string): void {
  let open = false;
  for (const event of events) {
    if (event.type === 'fc-relink-statechange' && event.detail.state === 'loading') {
      expect(open, `${title}: an attempt started while another was in flight`).to.equal(false);
      open = true;
    }
    if (TERMINAL.has(event.type)) open = false;
  }
  expect(open, `${title}: an attempt never ended`).to.equal(false);
  // Every terminal event comes in the state it names: right after the state change to it, or
  // (an error straight after an error, from a configuration error) with no change at all.
  let state = 'idle';
  events.forEach((event, i) => {
    if (event.type === 'fc-relink-statechange') state = event.detail.state;
    if (!TERMINAL.has(event.type)) return;
    expect(state, `${title}: ${event.type} in state ${state}`).to.equal(event.type.replace('fc-relink-', ''));
    const previous = events[i - 1];
    if (previous?.type !== 'fc-relink-statechange') expect(events.slice(0, i).some((e) => TERMINAL.has(e.type))).to.equal(true);
  });
}

/**
 * The markup of `root`, with every open shadow root and every same-origin frame's document
 * inside it; `shadowOnly` keeps only what lives in shadow roots (what the element renders).
 */
function domText(root: Node, shadowOnly = false): string {
  let out = '';
  // By nodeType, not instanceof: a frame's nodes are instances of the frame's own Element.
  const walk = (node: Node, inShadow: boolean) => {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      if (!shadowOnly || inShadow) out += element.outerHTML;
      if (element.shadowRoot) {
        out += element.shadowRoot.innerHTML;
        element.shadowRoot.childNodes.forEach((child) => walk(child, true));
      }
      if (element.localName === 'iframe' || element.localName === 'frame') {
        let inner: Document | null = null;
        try {
          inner = (element as HTMLIFrameElement).contentDocument;
        } catch {
          // A cross-origin frame: nothing of ours can be in it.
        }
        if (inner?.documentElement) walk(inner.documentElement, inShadow);
      }
    }
    node.childNodes.forEach((child) => walk(child, inShadow));
  };
  walk(root, false);
  return out;
}

// Secret, restricted and ephemeral keys, in any mode, wherever they stand: glued to a word
// ("Keysk_live_…") or after `_` ("key:_sk_live_…") as much as on their own.
const SECRET_KEY = /(?:sk|rk|ek)_(?:test|live)_[A-Za-z0-9]+/;

/**
 * The secret-leak audit: no client secret issued in this page (by any mocked endpoint, by the
 * fake, or planted by a test) and no planted key appears in the DOM (shadow roots, attributes,
 * frames), an event detail, a console message, the URL or history, cookies or web storage; and
 * nothing the element produced (its shadow DOM, its events, the console, the URL, storage)
 * contains anything shaped like a secret key. (The light DOM is the page's own: a test may set
 * publishable-key="sk_…" there to check that the element refuses it.)
 */
export function assertNoSecretLeak(title = ''): void {
  const secrets = new Set<string>(planted);
  for (const m of mounted) for (const s of m.endpoint.sessions) secrets.add(s.client_secret);
  for (const s of fake.sessions.values()) secrets.add(s.client_secret);
  const events = safeStringify(mounted.map((m) => m.events));
  const url = `${location.href} ${safeStringify(history.state)}`;
  const storage = safeStringify({ ...localStorage }) + safeStringify({ ...sessionStorage });
  const places: Record<string, string> = {
    DOM: domText(document.documentElement),
    events,
    console: consoleLines.join('\n'),
    URL: url,
    storage,
    cookies: document.cookie,
  };
  for (const secret of secrets) {
    for (const [place, text] of Object.entries(places)) {
      expect(text.includes(secret), `${title}: a secret (${secret.slice(0, 12)}…) found in ${place}`).to.equal(false);
    }
  }
  const produced: Record<string, string> = {
    'shadow DOM': domText(document.documentElement, true),
    events,
    console: consoleLines.join('\n'),
    URL: url,
    storage,
    cookies: document.cookie,
  };
  for (const [place, text] of Object.entries(produced)) {
    expect(SECRET_KEY.exec(text)?.[0] ?? null, `${title}: a secret key found in ${place}`).to.equal(null);
  }
}

/** Takes the uncaught errors seen so far in this test (for tests that expect one). */
export function takeUncaught(): unknown[] {
  return uncaught.splice(0);
}

/** Starts msw (once per page) with a fresh mocked endpoint backed by the shared fake. */
export async function useEndpoint(scenario: EndpointScenario = 'ok'): Promise<SessionEndpoint> {
  const w = await startWorker();
  const endpoint = createSessionEndpoint(fake, { url: ENDPOINT, scenario });
  w.resetHandlers(stripeNetwork, endpoint.handler);
  return endpoint;
}

/** Adds the mocked verify endpoint (after `useEndpoint` or `mount`, which reset the handlers). */
export async function useVerifyEndpoint(scenario: VerifyScenario = 'ok'): Promise<VerifyEndpoint> {
  const w = await startWorker();
  const verify = createVerifyEndpoint(fake, { url: VERIFY_ENDPOINT, scenario });
  w.use(verify.handler);
  return verify;
}

/**
 * Records an element's events and puts it under the after-each checks (one terminal event per
 * attempt, no secret anywhere, no uncaught error). `mount` does this; framework tests that let
 * a framework create the element call it themselves.
 */
export function observe(el: FcRelinkElement, endpoint: SessionEndpoint): Mounted {
  const launchesBefore = fake.launches.length;
  const events: RecordedEvent[] = [];
  const waiters: ((event: RecordedEvent) => void)[] = [];
  const listener = (event: Event) => {
    const recorded = { type: event.type, detail: (event as CustomEvent).detail } as RecordedEvent;
    events.push(recorded);
    if (TERMINAL.has(event.type)) waiters.shift()?.(recorded);
  };
  // On the element itself: events of an element that has left the page reach no ancestor.
  for (const type of FC_RELINK_EVENTS) el.addEventListener(type, listener);
  const m: Mounted = {
    el,
    endpoint,
    events,
    launches: () => fake.launches.slice(launchesBefore),
    nextOutcome: () => new Promise((resolve) => waiters.push(resolve)),
    terminalEvents: () => events.filter((e) => TERMINAL.has(e.type)),
    status: () => el.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() ?? '',
    button: () => el.shadowRoot?.querySelector('button') as HTMLButtonElement,
  };
  mounted.push(m);
  return m;
}

/** Creates an <fc-relink> with the endpoint mocked, records its events, and connects it. */
export async function mount(options: MountOptions = {}): Promise<Mounted> {
  const endpoint = await useEndpoint(options.scenario ?? 'ok');
  const el = document.createElement('fc-relink');
  const attrs = { 'publishable-key': TEST_KEY, 'session-url': ENDPOINT, ...options.attrs };
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  Object.assign(el, options.props ?? {});
  const m = observe(el, endpoint);
  (options.parent ?? document.body).appendChild(el);
  await el.updateComplete;
  return m;
}

/** Clicks the element's button as a user would, and waits for the attempt's ending. */
export async function clickAndWait(m: Mounted): Promise<RecordedEvent> {
  const outcome = m.nextOutcome();
  m.button().click();
  return outcome;
}

/**
 * Puts a recorder in front of the fake on window.Stripe: the real loader calls it once per key,
 * so the keys pushed to `into` show whether (and how often) Stripe.js was loaded for a key.
 * `fake.install(window)` takes it away.
 */
export function recordStripeJsLoads(into: string[]): void {
  const inner = fake.Stripe;
  const recording = (key: string, options?: { stripeAccount?: string }) => {
    into.push(key);
    return inner(key, options);
  };
  (window as { Stripe?: unknown }).Stripe = Object.assign(recording, { version: inner.version });
}

/** Resolves after `ms`; for letting a deliberately slow thing stay slow. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// The fault matrix (test/browser/faults-*.test.ts): faults to inject, and the one check of an
// attempt's soundness every fault case goes through.

/** Polls `condition` every 10 ms; fails (naming `what`) if it does not hold within `ms`. */
export async function until(condition: () => boolean, what = 'condition', ms = 3000): Promise<void> {
  const end = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`${what}: never became true within ${ms} ms`);
    await sleep(10);
  }
}

/**
 * A fetchSession that creates the session straight from the fake, and tells when it has: from
 * then on only microtasks stand between the attempt and its next step (the wait behind another
 * element's flow, say), unlike an endpoint answer still on its way.
 */
export function sessionFromFake(): { fetchSession: FetchSession; obtained: () => boolean } {
  let obtained = false;
  return {
    fetchSession: async ({ account }) => {
      const session = fake.toSessionConfig(fake.createSession({ account }));
      obtained = true;
      return session;
    },
    obtained: () => obtained,
  };
}

/** Puts msw handlers in front of the mounted endpoint's (until `restoreEndpoint` or the next mount). */
export async function useHandlers(...handlers: HttpHandler[]): Promise<void> {
  (await startWorker()).use(...handlers);
}

/** Removes every handler `useHandlers` added: the endpoint answers as its scenario says again. */
export async function restoreEndpoint(endpoint: SessionEndpoint, scenario: EndpointScenario = 'ok'): Promise<void> {
  endpoint.scenario = scenario;
  (await startWorker()).resetHandlers(stripeNetwork, endpoint.handler);
}

/** A secret (a key or client secret the test made up) the leak audit must not find anywhere. */
export function plantSecret(secret: string): string {
  planted.add(secret);
  return secret;
}

/** console.error calls in this test so far. */
export const consoleErrorsSoFar = (): readonly string[] => [...consoleErrors];

/** Uncaught exceptions and unhandled rejections in this test so far. */
export const uncaughtSoFar = (): readonly unknown[] => [...uncaught];

/** How this page's requests to js.stripe.com are answered (see stripe-network.ts). */
export async function setStripeNetwork(mode: StripeNetworkMode): Promise<void> {
  await startWorker();
  setStripeNetworkMode(mode);
}

type Collect = FakeStripe['Stripe'] extends (...args: never[]) => infer I
  ? I extends { collectFinancialConnectionsAccounts: infer C } ? C : never
  : never;

/**
 * The Stripe.js the `fake` network mode serves: a constructor like the fake's, whose
 * `collectFinancialConnectionsAccounts` a test can replace with a fault (`fault` gets the
 * call's options and the fake's own implementation, and may throw, reject or return anything).
 * Reset to no fault before each test.
 */
export const stripeJs: { fault: ((options: unknown, real: Collect) => unknown) | null } = { fault: null };

const controllableStripe = Object.assign(
  (key: string, options?: { stripeAccount?: string }) => {
    const real = fake.Stripe(key, options);
    const collect = real.collectFinancialConnectionsAccounts.bind(real) as Collect;
    return {
      registerAppInfo() {},
      collectFinancialConnectionsAccounts(opts: unknown) {
        const fault = stripeJs.fault;
        return fault ? fault(opts, collect) : (collect as (o: unknown) => unknown)(opts);
      },
    };
  },
  { version: fake.Stripe.version },
);
(window as { __fcRelinkStripeJs?: unknown }).__fcRelinkStripeJs = controllableStripe;

/**
 * Records every promise `relink()` returns for the element, including the calls its own
 * button makes on a click or a key press (an own property shadows the prototype's method).
 */
export function recordRelinkCalls(el: FcRelinkElement): Promise<RelinkOutcome>[] {
  const calls: Promise<RelinkOutcome>[] = [];
  const relink = Object.getPrototypeOf(el).relink as FcRelinkElement['relink'];
  Object.defineProperty(el, 'relink', {
    configurable: true,
    value: () => {
      const attempt = relink.call(el);
      calls.push(attempt);
      return attempt;
    },
  });
  return calls;
}

export type ExpectedOutcome =
  | { status: 'success'; accounts?: readonly string[] }
  | { status: 'cancel' }
  | {
      status: 'error';
      code: RelinkErrorCode;
      retryable: boolean;
      /** Default: the code's stage in RELINK_ERRORS. */
      stage?: RelinkStage;
      /** The endpoint's HTTP status the detail must carry (and none when omitted). */
      httpStatus?: number;
    };

export interface SoundAttempt {
  /**
   * Starts the attempt (a click, keys, relink()), does whatever the case does while it runs,
   * and returns the promise relink() returned for it.
   */
  run: () => Promise<RelinkOutcome>;
  expect: ExpectedOutcome;
  /** The attempt must end within this many ms of `run` being called (a timeout case). */
  within?: number;
  /**
   * Removes the fault. Then a following attempt (`retry`, default relink()) must succeed, under
   * the same checks. `false` only where the case itself runs the following attempt.
   */
  heal: (() => unknown) | false;
  retry?: () => Promise<RelinkOutcome>;
  /** The following attempt's expected accounts, when it matters. */
  retryAccounts?: readonly string[];
}

// A hanging attempt fails the case before mocha's 5 s timeout, with a message that says so.
const ATTEMPT_GUARD_MS = 3500;

/** The outcome relink() must resolve with, given the terminal event. */
function outcomeOf(event: RecordedEvent): RelinkOutcome {
  if (event.type === 'fc-relink-error') return { status: 'error', error: event.detail } as RelinkOutcome;
  const status = event.type === 'fc-relink-success' ? 'success' : 'cancel';
  return { status, ...(event.detail as object) } as RelinkOutcome;
}

async function expectOneSoundAttempt(
  m: Mounted,
  run: SoundAttempt['run'],
  expected: ExpectedOutcome,
  within: number | undefined,
  what: string,
): Promise<RelinkOutcome> {
  const since = m.events.length;
  const started = performance.now();
  // relink() never rejects; if it does, say so (with the reason as text: it may be hostile).
  const pending = Promise.resolve()
    .then(run)
    .then(
      (outcome) => ({ outcome }),
      (reason: unknown) => ({ rejected: describeSafely(reason) }),
    );
  const settled = await Promise.race([pending, sleep(ATTEMPT_GUARD_MS).then(() => 'hung' as const)]);
  expect(settled, `${what}: the attempt never ended`).not.to.equal('hung');
  if (typeof settled === 'object' && 'rejected' in settled) {
    expect.fail(`${what}: relink() (or the case's steps) rejected: ${settled.rejected}`);
  }
  const { outcome } = settled as { outcome: RelinkOutcome };
  const elapsed = performance.now() - started;
  if (within !== undefined) expect(elapsed, `${what}: ended after ${Math.round(elapsed)} ms`).to.be.below(within);
  // Room for a second, stray terminal event to show itself.
  await sleep(30);

  const terminal = m.events.slice(since).filter((e) => TERMINAL.has(e.type));
  expect(terminal.map((e) => e.type), `${what}: terminal events`).to.deep.equal([`fc-relink-${expected.status}`]);
  const [event] = terminal as [RecordedEvent];
  expect(outcome, `${what}: relink() resolved with another outcome than the event's`).to.deep.equal(outcomeOf(event));
  if (expected.status === 'error' && event.type === 'fc-relink-error') {
    const { code, retryable, stage = RELINK_ERRORS[expected.code].stage, httpStatus } = expected;
    expect(
      { code: event.detail.code, retryable: event.detail.retryable, stage: event.detail.stage, status: event.detail.status },
      `${what}: error detail`,
    ).to.deep.equal({ code, retryable, stage, status: httpStatus });
  }
  if (expected.status === 'success' && expected.accounts && event.type === 'fc-relink-success') {
    expect(event.detail.accounts.map((a) => a.id), `${what}: accounts`).to.deep.equal([...expected.accounts]);
  }
  expect(m.el.state, `${what}: state`).to.equal(expected.status);
  expect(m.el.getAttribute('state'), `${what}: state attribute`).to.equal(expected.status);
  expect(uncaughtSoFar().map(describeSafely), `${what}: uncaught errors or unhandled rejections`).to.deep.equal([]);
  expect(consoleErrorsSoFar(), `${what}: console.error`).to.deep.equal([]);
  expect(fake.maxConcurrentFlows, `${what}: Stripe flows open at once`).to.be.at.most(1);
  assertNoSecretLeak(what);
  return outcome;
}

/**
 * The invariants of a fault case: the attempt ends (within `within`, when given) with exactly
 * one terminal event carrying the expected outcome (code, retryable, stage, HTTP status);
 * relink() resolves with that same outcome; the state (and its attribute) ends there; no
 * uncaught exception, unhandled rejection or console.error; never two Stripe flows open at
 * once; no secret anywhere (the leak audit). Then, with the fault removed (`heal`), a following
 * attempt succeeds under the same checks.
 */
export async function expectSoundAttempt(m: Mounted, attempt: SoundAttempt): Promise<RelinkOutcome> {
  const outcome = await expectOneSoundAttempt(m, attempt.run, attempt.expect, attempt.within, 'the faulty attempt');
  if (attempt.heal !== false) {
    await attempt.heal();
    await expectOneSoundAttempt(
      m,
      attempt.retry ?? (() => m.el.relink()),
      { status: 'success', ...(attempt.retryAccounts ? { accounts: attempt.retryAccounts } : {}) },
      undefined,
      'the following attempt, with the fault removed',
    );
  }
  return outcome;
}

/** Holds every Stripe flow open until the test lets the customer act; `log` gets open/close marks. */
export function holdFlows(log?: string[]): { launch: FakeLaunch; act: (action: FakeCustomerAction) => void }[] {
  const held: { launch: FakeLaunch; act: (action: FakeCustomerAction) => void }[] = [];
  fake.customer = (launch) =>
    new Promise((resolve) => {
      const name = launch.session.relink_options.account ?? launch.session.id;
      log?.push(`open ${name}`);
      held.push({
        launch,
        act: (action) => {
          log?.push(`close ${name}`);
          resolve(action);
        },
      });
    });
  return held;
}
