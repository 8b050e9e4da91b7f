import type { Agent } from '@atendo/shared/schemas/agent';
import type { Channel, ChannelKind } from '@atendo/shared/schemas/channel';
import type { Contact } from '@atendo/shared/schemas/contact';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { DeliveryError, Message } from '@atendo/shared/schemas/message';

export type SendInput = {
  message: Message;
  conversation: Conversation;
  /**
   * The address the conversation was opened on: where the message goes, whatever the
   * contact's addresses say now. Null only for a conversation from before migration 0005 that
   * had none (a WhatsApp start by phone).
   */
  address: string | null;
  contact: Contact;
  channel: Channel;
  /** The agent who wrote it, or null for automatic messages (bot menu, CSAT question). */
  author: Agent | null;
};

export type SendResult =
  { ok: true; channelMessageId: string } | { ok: false; error: DeliveryError; retryable: boolean };

/** Delivers one outbound message on a channel; never throws for a delivery failure. */
export type ChannelSender = (input: SendInput) => Promise<SendResult>;

export type { ChannelKind };
