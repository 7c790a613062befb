// A React component for a custom element: props that are the element's properties are set on it,
// `on…` props become its event listeners. Adapted from @lit/react's createComponent (BSD-3-Clause,
// Copyright 2018 Google LLC), whose package exports a server build under Node's `node` condition:
// test runners such as Vitest and Jest load that build for a jsdom or happy-dom test, and it sets
// no property and adds no listener there. This one decides at render time instead: a DOM present
// means the properties are set, whatever the module resolution picked.
import type * as ReactModule from 'react';
import type { EventName, ReactWebComponent } from '@lit/react';

type EventNames = Record<string, EventName | string>;

/** What {@link createComponent} needs, as @lit/react's options. */
export interface ComponentOptions<I extends HTMLElement, E extends EventNames> {
  readonly react: typeof ReactModule;
  readonly tagName: string;
  readonly elementClass: new () => I;
  readonly events: E;
  readonly displayName: string;
}

// React owns these itself; they are never set as element properties.
const REACT_PROPS = new Set(['children', 'localName', 'ref', 'style', 'className']);

type Listener = (event: Event) => void;
const listeners = new WeakMap<Element, Map<string, { handleEvent: Listener }>>();

/** One listener per event and element, whose target is swapped when the prop changes. */
function setListener(node: Element, event: string, listener: Listener | undefined): void {
  let byEvent = listeners.get(node);
  if (byEvent === undefined) listeners.set(node, (byEvent = new Map()));
  const current = byEvent.get(event);
  if (listener === undefined) {
    if (current === undefined) return;
    byEvent.delete(event);
    node.removeEventListener(event, current);
  } else if (current === undefined) {
    const handler = { handleEvent: listener };
    byEvent.set(event, handler);
    node.addEventListener(event, handler);
  } else {
    current.handleEvent = listener;
  }
}

function setProperty(node: Element, name: string, value: unknown, old: unknown, events: EventNames): void {
  const event = events[name];
  if (event !== undefined) {
    if (value !== old) setListener(node, event, value as Listener | undefined);
    return;
  }
  (node as unknown as Record<string, unknown>)[name] = value;
  // An unset property that mirrors a global attribute (`hidden`, `title`) leaves no attribute.
  if ((value === undefined || value === null) && name in HTMLElement.prototype) node.removeAttribute(name);
}

/** Whether Lit's server renderer for React is in use (it renders element properties itself). */
function litSsrReact(react: typeof ReactModule): boolean {
  const enabled = (globalThis as { litSsrReactEnabled?: unknown }).litSsrReactEnabled === true;
  return react.createElement.name === 'litPatchedCreateElement' || enabled;
}

/**
 * Creates the React component for `tagName`, typed as @lit/react's.
 *
 * @example
 * export const FcRelink = createComponent({ react: React, tagName: 'fc-relink', elementClass, events, displayName });
 */
export function createComponent<I extends HTMLElement, E extends EventNames>(
  options: ComponentOptions<I, E>,
): ReactWebComponent<I, E> {
  const { react: React, tagName, elementClass, events } = options;
  const eventProps = new Set(Object.keys(events));
  const Component = React.forwardRef<I, Record<string, unknown>>((props, ref) => {
    const previous = React.useRef(new Map<string, unknown>());
    const element = React.useRef<I | null>(null);
    const reactProps: Record<string, unknown> = {};
    const elementProps: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(props)) {
      if (REACT_PROPS.has(key)) reactProps[key === 'className' ? 'class' : key] = value;
      else if (eventProps.has(key) || key in elementClass.prototype) elementProps[key] = value;
      else reactProps[key] = value;
    }
    const hasDom = typeof document !== 'undefined';
    // Effects never run on a server; useEffect there only spares React 18 its layout-effect warning.
    const useLayoutEffect = hasDom ? React.useLayoutEffect : React.useEffect;
    useLayoutEffect(() => {
      const node = element.current;
      if (node === null) return;
      const next = new Map<string, unknown>();
      for (const key of Object.keys(elementProps)) {
        setProperty(node, key, props[key], previous.current.get(key), events);
        previous.current.delete(key);
        next.set(key, props[key]);
      }
      for (const [key, value] of previous.current) setProperty(node, key, undefined, value, events);
      previous.current = next;
    });
    useLayoutEffect(() => {
      element.current?.removeAttribute('defer-hydration');
    }, []);
    if (!hasDom && litSsrReact(React) && Object.keys(elementProps).length > 0) reactProps['_$litProps$'] = elementProps;
    reactProps['suppressHydrationWarning'] = true;
    const setRef = React.useCallback(
      (node: I | null) => {
        element.current = node;
        if (typeof ref === 'function') ref(node);
        else if (ref !== null) ref.current = node;
      },
      [ref],
    );
    return React.createElement(tagName, { ...reactProps, ref: setRef });
  });
  Component.displayName = options.displayName;
  return Component as unknown as ReactWebComponent<I, E>;
}
