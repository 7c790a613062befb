// fc-relink/server: the endpoints <fc-relink> talks to and Stripe's webhook, as Fetch API
// handlers (Next.js, Hono, Bun, Deno, Workers) with an adapter for Node (Express, node:http),
// and the eligibility rule.
export { createRelinkSessionHandler } from './session-handler.js';
export { createRelinkVerifyHandler } from './verify-handler.js';
export { createHostedRelinkHandler, type RelinkHostedHandlerOptions } from './hosted-handler.js';
export {
  createRelinkWebhookHandler,
  type RelinkedNotice,
  type RelinkNeededNotice,
  type RelinkNeededReason,
  type RelinkWebhookEvent,
  type RelinkWebhookHandlerOptions,
  type RelinkWebhookStripeClient,
} from './webhook-handler.js';
export type { RelinkHandlerInput } from './handler-input.js';
export { toNodeHandler, type NodeHandler, type NodeNext, type NodeRequestLike, type NodeResponseLike } from './node.js';
export {
  relinkEligibility,
  type RelinkEligibility,
  type RelinkEligibilityAccount,
  type RelinkEligibilityAccountNumber,
  type RelinkEligibilityReason,
  type RelinkPrompt,
  type RelinkWay,
} from './eligibility.js';
export {
  DEFAULT_RELINK_API_VERSION,
  type FetchHandler,
  type RelinkAccountHolder,
  type RelinkAuthorize,
  type RelinkAuthorizeContext,
  type RelinkErrorBody,
  type RelinkErrorContext,
  type RelinkGrant,
  type RelinkHandlerOptions,
  type RelinkHostedDelivery,
  type RelinkHostedResponse,
  type RelinkPermission,
  type RelinkPrefetch,
  type RelinkRequestOptions,
  type RelinkSessionCreateParams,
  type RelinkSessionHandlerOptions,
  type RelinkSessionParams,
  type RelinkSessionResponse,
  type RelinkStripeClient,
  type RelinkStripeSession,
  type RelinkVerifyHandlerOptions,
  type RelinkVerifyResponse,
} from './types.js';
