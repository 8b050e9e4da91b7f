import type { Attachment, DeliveryError } from '@atendo/shared/schemas/message';
import type { FetchFn, RetryPolicy, Sleep } from './graph-http';
import type { StoreMedia } from './inbound-media';
import type { ChannelLogger } from './logger';
import type { InboundMessageEvent, InboundStatusValue } from './normalise';

export type WhatsAppChannelConfig = {
  /** Atendo's channel id; passed back in every callback. */
  channelId: string;
  phoneNumberId: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  graphBaseUrl?: string;
  apiVersion?: string;
  retry?: RetryPolicy;
};

/** What the server's `receiveInboundMessage` needs; de-duplication by wamid happens there. */
export type InboundMessageInput = {
  channelId: string;
  address: string;
  profileName: string | null;
  channelMessageId: string;
  kind: 'text' | 'media';
  body: string;
  attachments: Attachment[];
  sentAt: number;
  whatsappType: InboundMessageEvent['messageType'];
  reactionTo: string | null;
  replyTo: string | null;
  /** Set when the media could not be fetched: the message is kept, and the agent is told. */
  mediaError: DeliveryError | null;
};

/** What the server's `updateDeliveryStatus` needs; it applies the never-backwards rule. */
export type StatusUpdateInput = {
  channelId: string;
  channelMessageId: string;
  status: InboundStatusValue;
  error: DeliveryError | null;
  /** 131047 arrived: the contact's 24 h window is closed, only templates may follow. */
  closesWindow: boolean;
  at: number;
};

export type WhatsAppChannelDeps = {
  config: WhatsAppChannelConfig;
  ingest: (input: InboundMessageInput) => Promise<void>;
  /**
   * Whether a message with this wamid is stored already: a redelivered webhook's media are not
   * downloaded again. Without it every media message is downloaded (ingest still de-duplicates).
   */
  isStored?: (channelMessageId: string) => Promise<boolean>;
  updateStatus: (input: StatusUpdateInput) => Promise<void>;
  storeMedia: StoreMedia;
  now: () => number;
  logger: ChannelLogger;
  fetch?: FetchFn;
  sleep?: Sleep;
};

export type VerificationResponse = { status: 200; body: string } | { status: 403; reason: string };

export type WebhookResponse =
  | { status: 200; messages: number; statuses: number; skipped: number }
  | { status: 401; reason: 'missing' | 'malformed' | 'mismatch' }
  | { status: 400; reason: 'invalid-json' | 'invalid-payload' }
  /** A callback failed: Meta redelivers on non-2xx, and the server's de-duplication absorbs it. */
  | { status: 500; reason: 'processing-failed' };
