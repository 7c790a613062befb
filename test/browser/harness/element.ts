// A real <fc-relink> on the page, with every event it dispatches recorded, and the elements a
// test created kept for the checks after it (./page.ts).
import '../../../src/index.js';
import {
  FC_RELINK_EVENTS,
  type FcRelinkElement,
  type FcRelinkEventDetailMap,
  type FcRelinkEventName,
  type RelinkOutcome,
} from '../../../src/index.js';
import type { EndpointScenario, FakeStripe, SessionEndpoint } from '../../../src/testing/index.js';
import { ENDPOINT, useEndpoint } from './network.js';
import { TEST_KEY, fake } from './stripe-js.js';

export type RecordedEvent = {
  [K in FcRelinkEventName]: { type: K; detail: FcRelinkEventDetailMap[K] };
}[FcRelinkEventName];

const TERMINAL = new Set<string>(['fc-relink-success', 'fc-relink-cancel', 'fc-relink-error']);

/** Whether an event ends an attempt. */
export const isTerminal = (type: string): boolean => TERMINAL.has(type);

/** The outcome relink() must resolve with, given the attempt's terminal event. */
export function outcomeOf(event: RecordedEvent): RelinkOutcome {
  if (event.type === 'fc-relink-error') return { status: 'error', error: event.detail };
  if (event.type === 'fc-relink-cancel') return { status: 'cancel', ...event.detail };
  // `elsewhere` is the event's alone: relink() only ever resolves with this element's own success.
  const { elsewhere: _elsewhere, ...detail } = event.detail as { elsewhere?: boolean };
  return { status: 'success', ...detail } as RelinkOutcome;
}

export interface EventRecord {
  /** Every event the element dispatched, in order. */
  events: RecordedEvent[];
  /** The attempt ids the events carry, each once, in the order they first appear. */
  attemptIds(): string[];
  /** Resolves with the next terminal event. */
  nextOutcome(): Promise<RecordedEvent>;
  terminalEvents(): RecordedEvent[];
  /** The text of the element's status region. */
  status(): string;
  button(): HTMLButtonElement;
}

/** Records an element's events, on the element itself: events of an element that has left the page reach no ancestor. */
export function recordEvents(el: FcRelinkElement): EventRecord {
  const events: RecordedEvent[] = [];
  const waiters: ((event: RecordedEvent) => void)[] = [];
  const listener = (event: Event) => {
    const recorded = { type: event.type, detail: (event as CustomEvent).detail } as RecordedEvent;
    events.push(recorded);
    if (isTerminal(event.type)) waiters.shift()?.(recorded);
  };
  for (const type of FC_RELINK_EVENTS) el.addEventListener(type, listener);
  return {
    events,
    attemptIds: () =>
      [...new Set(events.map((e) => (e.detail as { attemptId?: string | null }).attemptId ?? null))].filter(
        (id): id is string => id !== null,
      ),
    nextOutcome: () => new Promise((resolve) => waiters.push(resolve)),
    terminalEvents: () => events.filter((e) => isTerminal(e.type)),
    status: () => el.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() ?? '',
    button: () => el.shadowRoot?.querySelector('button') as HTMLButtonElement,
  };
}

export interface Watched {
  el: FcRelinkElement;
  events: readonly RecordedEvent[];
  /** The client secrets issued for this element. */
  secrets: () => Iterable<string>;
}

/** Elements under the after-each checks of the current test. */
export const watched: Watched[] = [];

/** Puts an element under the after-each checks (one terminal event per attempt, no leak); removed after the test. */
export function watch(entry: Watched): void {
  watched.push(entry);
}

export interface Mounted extends EventRecord {
  el: FcRelinkElement;
  endpoint: SessionEndpoint;
  /** Flows this test opened in the fake Stripe. */
  launches(): FakeStripe['launches'];
}

/**
 * Records an element's events and puts it under the after-each checks. `mount` does this;
 * framework tests that let a framework create the element call it themselves.
 */
export function observe(el: FcRelinkElement, endpoint: SessionEndpoint): Mounted {
  const launchesBefore = fake.launches.length;
  const record = recordEvents(el);
  watch({ el, events: record.events, secrets: () => endpoint.sessions.map((s) => s.client_secret) });
  return { ...record, el, endpoint, launches: () => fake.launches.slice(launchesBefore) };
}

export interface MountOptions {
  attrs?: Record<string, string>;
  scenario?: EndpointScenario;
  /** Properties set before the element is connected. */
  props?: Partial<Pick<FcRelinkElement, 'headers' | 'fetchSession' | 'stripe' | 'credentials' | 'verifySession'>>;
  /** Where to put the element; default: document.body. */
  parent?: Node;
}

/** Creates an <fc-relink> for the mocked endpoint, records its events, and connects it. */
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
export async function clickAndWait(m: EventRecord): Promise<RecordedEvent> {
  const outcome = m.nextOutcome();
  m.button().click();
  return outcome;
}

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
