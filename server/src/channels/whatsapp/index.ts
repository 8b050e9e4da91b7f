/**
 * The WhatsApp Cloud API channel. The server needs only `createWhatsAppChannel` and the types
 * below; the fake Graph API and webhook builders are exported from their own modules for tests
 * and the benchmark, never from here.
 */
export { createWhatsAppChannel } from './whatsapp-channel';
export type {
  InboundMessageInput,
  SendOutcome,
  StatusUpdateInput,
  VerificationResponse,
  WebhookResponse,
  WhatsAppChannel,
  WhatsAppChannelConfig,
  WhatsAppChannelDeps,
  WhatsAppOutbound,
} from './whatsapp-channel';
export type { OutboundContent } from './outbound-send';
export type { StoreMedia, StoreMediaInput } from './inbound-media';
export type { ChannelLogger } from './logger';
export type { WhatsAppFailure, WhatsAppFailureCode } from './errors';
export { classifyCloudApiError, toDeliveryError } from './errors';
export { verifySubscription, verifyWebhookSignature } from './webhook-signature';
