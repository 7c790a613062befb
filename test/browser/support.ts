// One harness for every browser test: a real <fc-relink>, the real @stripe/stripe-js loader
// reusing a fake window.Stripe, and the merchant endpoint mocked by msw. After each test it
// checks the guarantees that must hold after any scenario: one terminal event per attempt, no
// client secret anywhere observable, no uncaught error.
import { expect } from '@esm-bundle/chai';
import { setupWorker, type SetupWorker } from 'msw/browser';
import '../../src/index.js';
import {
  FC_RELINK_EVENTS,
  type FcRelinkElement,
  type FcRelinkEventDetailMap,
  type FcRelinkEventName,
} from '../../src/index.js';
import {
  createFakeStripe,
  createSessionEndpoint,
  createVerifyEndpoint,
  type EndpointScenario,
  type FakeStripe,
  type SessionEndpoint,
  type VerifyEndpoint,
  type VerifyScenario,
} from '../../src/testing/index.js';

export { expect };

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
async function startWorker(): Promise<SetupWorker> {
  if (!worker) {
    worker = setupWorker();
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
const uncaught: unknown[] = [];
const originalConsole = new Map<string, (...args: unknown[]) => void>();

beforeEach(() => {
  fake.customer = { action: 'relink' };
  consoleLines.length = 0;
  uncaught.length = 0;
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method];
    originalConsole.set(method, original);
    console[method] = (...args: unknown[]) => {
      consoleLines.push(args.map((a) => (typeof a === 'string' ? a : safeStringify(a))).join(' '));
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
    for (const m of mounted) {
      assertOneTerminalEventPerAttempt(m.events, title);
      assertNoSecretLeak(m, title);
    }
    expect(uncaught, `${title}: uncaught errors`).to.deep.equal([]);
  } finally {
    for (const m of mounted) m.el.remove();
    mounted.length = 0;
  }
});

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

function shadowText(root: Node): string {
  let out = '';
  const walk = (node: Node) => {
    if (node instanceof Element) {
      out += node.outerHTML;
      if (node.shadowRoot) {
        out += node.shadowRoot.innerHTML;
        node.shadowRoot.childNodes.forEach(walk);
      }
    }
    node.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

function assertNoSecretLeak(m: Mounted, title: string): void {
  const secrets = m.endpoint.sessions.map((s) => s.client_secret);
  const places: Record<string, string> = {
    DOM: shadowText(document.documentElement),
    events: safeStringify(m.events),
    console: consoleLines.join('\n'),
    URL: location.href,
    storage: safeStringify({ ...localStorage }) + safeStringify({ ...sessionStorage }),
    cookies: document.cookie,
  };
  for (const secret of secrets) {
    for (const [place, text] of Object.entries(places)) {
      expect(text.includes(secret), `${title}: client secret found in ${place}`).to.equal(false);
    }
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
  w.resetHandlers(endpoint.handler);
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

/** Resolves after `ms`; for letting a deliberately slow thing stay slow. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
