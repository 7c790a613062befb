// What <fc-relink> takes in JSX, derived from the element class: a reactive property the class
// declares, or an event its event map lists, cannot be missing here.
import type { FcRelinkEventDetailMap } from './shell/events.js';
import type { FcRelinkElement } from './shell/fc-relink.js';

type Declarations = typeof FcRelinkElement.properties;

/** The element's reactive properties: what it declares in `static properties`. */
type ReactiveProperty = keyof Declarations & keyof FcRelinkElement & string;

/** `publishableKey` → `publishable-key`. */
type KebabCase<Name extends string> = Name extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `-${Lowercase<Head>}`}${KebabCase<Tail>}`
  : Name;

/**
 * The attribute of a reactive property, by Lit's rules: the declared name, the lowercased property
 * name when none is declared, none (`never`) for `attribute: false`. A declared name the compiler
 * widened to `string` is the property name in kebab case, as the element spells all of them.
 */
type AttributeOf<Name extends string, Declaration> = Declaration extends { readonly attribute: infer Attribute }
  ? Attribute extends string
    ? string extends Attribute
      ? KebabCase<Name>
      : Attribute
    : never
  : Lowercase<Name>;

/** The name a property is written with in JSX: its attribute's when it has one. */
type JsxName<Name extends ReactiveProperty> = [AttributeOf<Name, Declarations[Name]>] extends [never]
  ? Name
  : AttributeOf<Name, Declarations[Name]>;

/**
 * A listener for each of the element's events, as an `on` + event name prop: `onfc-relink-success`.
 * React 19 and Preact add a listener for the event named by the rest of the prop's name.
 */
export type FcRelinkEventProps = {
  [Event in keyof FcRelinkEventDetailMap as `on${Event}`]?: ((event: HTMLElementEventMap[Event]) => void) | undefined;
};

/**
 * `<fc-relink>`'s own JSX props, besides the host element's (`id`, `class`, `lang`, `children`…).
 *
 * - A property with an attribute is written with the attribute's name: `publishable-key`,
 *   `session-url`, `session-timeout`, `account`, `preload`, `prefetch`. Where that name is not a
 *   property (`publishable-key`), React 19 and Preact set the attribute, which works before the
 *   element is registered and in server rendering. Where it is one (`account`, `preload`), they set
 *   the property once the element is registered, and the attribute before.
 * - A property without an attribute (`headers`, `fetchSession`, `stripe`, `verifySession`) is
 *   written with the property's name. React 19 and Preact set it as a property only if the element
 *   is registered when they render it: import `fc-relink` before the first render.
 * - Events are written `onfc-relink-success={…}` ({@link FcRelinkEventProps}).
 *
 * `Framework` decides one difference: Preact sets a property given `null` to `''`, so in Preact
 * a prop written with a property's name does not take `null` (leave it out, or pass `undefined`).
 * React 19 sets `null` as it is.
 */
export type FcRelinkOwnJsxProps<Framework extends 'react' | 'preact'> = {
  [Name in ReactiveProperty as JsxName<Name>]?:
    | (Framework extends 'preact'
        ? JsxName<Name> extends Name
          ? Exclude<FcRelinkElement[Name], null>
          : FcRelinkElement[Name]
        : FcRelinkElement[Name])
    | undefined;
} & FcRelinkEventProps;
