// fc-relink/element: the class and types, with no side effects. Register it yourself:
//   customElements.define('my-relink', FcRelinkElement)
export { FcRelinkElement } from './fc-relink.js';
export { RELINK_ERRORS, RELINK_ERROR_CODES } from './errors.js';
export { FC_RELINK_EVENTS } from './events.js';
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
} from './events.js';
export type * from './types.js';
export { registerTranslation, type RelinkText, type RelinkTranslation } from './localize.js';
export { VERSION } from './version.js';
