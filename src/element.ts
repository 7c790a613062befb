// fc-relink/element: the class and types, with no side effects. Register it yourself:
//   customElements.define('my-relink', FcRelinkElement)
export { FcRelinkElement } from './shell/fc-relink.js';
export { RELINK_ERRORS, RELINK_ERROR_CODES } from './shell/errors.js';
export { FC_RELINK_EVENTS } from './shell/events.js';
export type {
  FcRelinkCancelDetail,
  FcRelinkCancelEvent,
  FcRelinkErrorDetail,
  FcRelinkErrorEvent,
  FcRelinkEventDetailMap,
  FcRelinkEventName,
  FcRelinkStartDetail,
  FcRelinkStartEvent,
  FcRelinkStateChangeDetail,
  FcRelinkStateChangeEvent,
  FcRelinkSuccessDetail,
  FcRelinkSuccessEvent,
} from './shell/events.js';
export type * from './shell/types.js';
export { registerTranslation, type RelinkText, type RelinkTranslation } from './shell/localize.js';
export { VERSION } from './shell/version.js';
