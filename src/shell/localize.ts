// The customer's language: which translation an element shows, and re-rendering it when a
// `lang` on the page changes or a translation is registered.
import type { ReactiveController, ReactiveElement } from 'lit';
import en from '../translations/en.js';

/**
 * The texts a customer reads, in one language. `en` is built in and is the reference set; every
 * shipped translation has exactly its keys. Register more (or your own wording) with
 * {@link registerTranslation}.
 *
 * @example
 * import en from 'fc-relink/translations/en';
 * registerTranslation({ ...en, label: 'Fix my bank connection' });
 */
export interface RelinkTranslation {
  /** The language tag it is for: `'ja'`, `'pt-BR'`. */
  readonly $code: string;
  /** The language's name for itself: `'日本語'`. */
  readonly $name: string;
  /** Its writing direction; `rtl` lays the element out mirrored. */
  readonly $dir: 'ltr' | 'rtl';
  /** The button's label (the default slot replaces it). */
  readonly label: string;
  /** The button's label after a success: it no longer invites reconnecting the same account. */
  readonly reconnected: string;
  /** `idle` with `reason="inactive"`: why the customer is asked. */
  readonly reasonInactive: string;
  /** `idle` with `reason="expiring"` and no `due`. */
  readonly reasonExpiring: string;
  /** `idle` with `reason="expiring"` and a `due` date, written where `{date}` is. */
  readonly reasonExpiringOn: string;
  /** `idle` with `reason="permissions"` and no `due`. */
  readonly reasonPermissions: string;
  /** `idle` with `reason="permissions"` and a `due` date, written where `{date}` is. */
  readonly reasonPermissionsBy: string;
  /** `loading`: asking for a session and loading Stripe. */
  readonly loading: string;
  /** `open`: Stripe's window is on screen. */
  readonly open: string;
  /** `open` with `ui="hosted"`: the tab is on its way to Stripe's page. */
  readonly redirecting: string;
  /** `verifying`: the merchant's server checks the outcome with Stripe. */
  readonly verifying: string;
  /** `success`. */
  readonly success: string;
  /** `cancel`: the customer left Stripe's window without reconnecting. */
  readonly cancel: string;
  /** `error` where trying again may work. */
  readonly retry: string;
  /** `error` where Stripe could not be reached at all (no connection, something blocking it). */
  readonly blocked: string;
  /** `error` where trying again will not help: whom to ask. */
  readonly unavailable: string;
  /** `error` where the merchant's server answered 401: the customer's own session has ended. */
  readonly signedOut: string;
  /** `error` after Stripe's window said the account is reconnected, but the check afterwards failed. */
  readonly unconfirmed: string;
  /** `error` where Stripe's window returned another account than the one asked about. */
  readonly otherAccount: string;
}

/** The keys of the texts (not the `$` ones). */
export type RelinkText = Exclude<keyof RelinkTranslation, `$${string}`>;

const translations = new Map<string, RelinkTranslation>([['en', en]]);
const elements = new Set<ReactiveElement>();
// Made at the first connection, so that importing this on a server does nothing.
let observer: MutationObserver | undefined;
const LANG_CHANGES: MutationObserverInit = { subtree: true, attributes: true, attributeFilter: ['lang'] };

const rerenderAll = (): void => elements.forEach((element) => element.requestUpdate());

// One observer for the page, told about each node once: not once per element connected.
const watched = new WeakSet<Node>();
function watch(node: Node): void {
  if (watched.has(node)) return;
  watched.add(node);
  observer ??= new MutationObserver(rerenderAll);
  observer.observe(node, LANG_CHANGES);
}

/**
 * Adds translations, or replaces the one registered for the same `$code`. Elements on the page
 * show them at once.
 *
 * @example
 * import ja from 'fc-relink/translations/ja'; // registers itself; the import alone is enough
 * registerTranslation({ ...ja, label: '口座を再接続する' });
 */
export function registerTranslation(...list: RelinkTranslation[]): void {
  for (const translation of list) {
    // Plain JavaScript can get a translation wrong; the element must still render: a text it
    // lacks, or one that is not a string, reads in English, and a direction is ltr or rtl.
    // One without a language tag names no language, and is left out.
    if (typeof translation?.$code !== 'string') continue;
    const texts = Object.fromEntries(
      Object.entries(translation).filter(([key, text]) => key in en && typeof text === 'string'),
    );
    const checked = { ...en, ...texts } as RelinkTranslation;
    translations.set(checked.$code.toLowerCase(), { ...checked, $dir: checked.$dir === 'rtl' ? 'rtl' : 'ltr' });
  }
  rerenderAll();
}

/** The `lang` of the element or of its closest ancestor (across shadow roots, up to `<html>`); `''` if none. */
export function languageOf(element: Element): string {
  for (let node: Node | null = element; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang')?.trim() ?? '';
  }
  return '';
}

/** The translation for a language tag: the exact tag, else its primary subtag, else English. */
export function translationFor(tag: string): RelinkTranslation {
  const code = tag.toLowerCase();
  return translations.get(code) ?? translations.get(code.split('-')[0] ?? '') ?? en;
}

/** Re-renders its element when a `lang` above it changes. */
export class LanguageController implements ReactiveController {
  readonly #host: ReactiveElement;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    elements.add(this.#host);
    watch(document.documentElement);
    // A lang set inside a shadow tree is not seen from the document: watch each shadow root above too.
    for (let root = this.#host.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) watch(root);
  }

  hostDisconnected(): void {
    elements.delete(this.#host);
  }
}
