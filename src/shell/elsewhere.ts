// Relinked elsewhere: when an attempt succeeds, every other <fc-relink> for the same account on
// this origin hears it, in this tab directly and in other tabs through a BroadcastChannel, so
// that no page keeps asking the customer to reconnect what they just reconnected.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RelinkMode } from './types.js';

/** What a success tells the other elements. */
export interface RelinkedNews {
  /** The `fca_…` ids it concerns: the element's `account` and the accounts Stripe.js returned. */
  readonly accounts: readonly string[];
  readonly sessionId: string;
  readonly mode: RelinkMode;
  readonly attemptId: string;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly account: string | null };

const CHANNEL = 'fc-relink:relinked';
const listeners = new Set<RelinkedElsewhere>();
let channel: BroadcastChannel | null = null;

const isNews = (data: unknown): data is RelinkedNews => {
  const news = data as Partial<RelinkedNews> | null;
  return (
    Array.isArray(news?.accounts) &&
    typeof news.sessionId === 'string' &&
    typeof news.mode === 'string' &&
    typeof news.attemptId === 'string'
  );
};

function deliver(data: unknown, from: RelinkedElsewhere | null): void {
  if (!isNews(data)) return;
  for (const listener of listeners) if (listener !== from) listener.heard(data);
}

// Open only while an element listens: an open channel can keep a page out of the browser's
// back/forward cache, which the hosted flow's back-button return relies on.
function listen(): void {
  if (channel || typeof BroadcastChannel !== 'function') return;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = ({ data }: MessageEvent) => deliver(data, null);
}

function stopListening(): void {
  channel?.close();
  channel = null;
}

if (typeof addEventListener === 'function') {
  addEventListener('pagehide', stopListening);
  addEventListener('pageshow', () => listeners.size > 0 && listen());
}

/** Tells the element when the same account was relinked by another element or tab. */
export class RelinkedElsewhere implements ReactiveController {
  readonly #host: Host;
  readonly #relinked: (news: RelinkedNews) => void;

  constructor(host: Host, relinked: (news: RelinkedNews) => void) {
    this.#host = host;
    this.#relinked = relinked;
    host.addController(this);
  }

  hostConnected(): void {
    listeners.add(this);
    listen();
  }

  hostDisconnected(): void {
    listeners.delete(this);
    if (listeners.size === 0) stopListening();
  }

  /** This element's attempt succeeded: every other element for its account, or for one Stripe.js returned, hears it. */
  announce(returned: readonly { readonly id: string }[], relinked: Omit<RelinkedNews, 'accounts'>): void {
    const own = this.#host.account?.trim();
    const accounts = new Set([...(own ? [own] : []), ...returned.map(({ id }) => id)]);
    const news: RelinkedNews = { ...relinked, accounts: [...accounts] };
    deliver(news, this);
    channel?.postMessage(news);
  }

  heard(news: RelinkedNews): void {
    const account = this.#host.account?.trim();
    if (account && news.accounts.includes(account)) this.#relinked(news);
  }
}
