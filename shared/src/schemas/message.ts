import { z } from 'zod';
import { EpochMs, Id } from './common';

export const MessageDirection = z.enum(['inbound', 'outbound', 'internal']);
export type MessageDirection = z.infer<typeof MessageDirection>;

export const MessageKind = z.enum(['text', 'media', 'template', 'system', 'note']);
export type MessageKind = z.infer<typeof MessageKind>;

export const DeliveryStatus = z.enum(['queued', 'sent', 'delivered', 'read', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const MediaType = z.enum(['image', 'audio', 'video', 'document', 'sticker']);
export type MediaType = z.infer<typeof MediaType>;

export const Attachment = z.object({
  id: Id,
  fileName: z.string().min(1).max(255),
  mimeType: z.string().min(3).max(127),
  size: z.number().int().nonnegative(),
  mediaType: MediaType,
  /** Animated stickers have a larger size limit on WhatsApp. */
  animated: z.boolean().optional(),
});
export type Attachment = z.infer<typeof Attachment>;

export const TemplateUse = z.object({
  templateId: Id,
  name: z.string().min(1).max(512),
  language: z.string().min(2).max(15),
  /** Positional ("1", "2") or named ("order_id") parameter values. */
  params: z.record(z.string().min(1).max(60), z.string().min(1).max(1024)),
});
export type TemplateUse = z.infer<typeof TemplateUse>;

export const DeliveryError = z.object({
  code: z.string().min(1).max(60),
  message: z.string().max(1000),
});
export type DeliveryError = z.infer<typeof DeliveryError>;

/** What a system message records; rendered in the timeline in the reader's language. */
export const SystemEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), agentId: Id.nullable() }),
  z.object({ type: z.literal('queued'), teamId: Id }),
  z.object({ type: z.literal('taken'), agentId: Id }),
  z.object({
    type: z.literal('transferred'),
    fromAgentId: Id.nullable(),
    toAgentId: Id.nullable(),
    toTeamId: Id,
    note: z.string().max(1000).nullable(),
    /**
     * Who moved it, when that is not the agent it came from (a supervisor reassigning, or
     * pulling it out of the bot): the timeline and the agent who lost it name them.
     */
    byAgentId: Id.nullable().optional(),
  }),
  z.object({
    type: z.literal('sent-back-to-queue'),
    byAgentId: Id,
    teamId: Id,
    /** The owner it was taken from (absent in lines written before it was recorded). */
    fromAgentId: Id.nullable().optional(),
  }),
  z.object({ type: z.literal('participant-invited'), byAgentId: Id, agentId: Id }),
  /** A supervisor who was monitoring the conversation joined it to write. */
  z.object({ type: z.literal('participant-joined'), agentId: Id }),
  z.object({ type: z.literal('participant-removed'), byAgentId: Id, agentId: Id }),
  z.object({ type: z.literal('tag-added'), byAgentId: Id, tagId: Id }),
  z.object({ type: z.literal('tag-removed'), byAgentId: Id, tagId: Id }),
  z.object({
    type: z.literal('closed'),
    byAgentId: Id,
    dispositionId: Id.nullable(),
    forced: z.boolean(),
  }),
  z.object({ type: z.literal('csat-requested') }),
  z.object({ type: z.literal('csat-answered'), score: z.number().int().min(1).max(5) }),
  z.object({ type: z.literal('csat-timed-out') }),
  z.object({ type: z.literal('bot-timed-out'), routedToTeamId: Id.nullable() }),
  z.object({ type: z.literal('contact-edited'), byAgentId: Id }),
  z.object({
    type: z.literal('call'),
    byAgentId: Id.nullable(),
    number: z.string(),
    event: z.enum(['dialed', 'ringing', 'answered', 'ended']),
  }),
]);
export type SystemEvent = z.infer<typeof SystemEvent>;

export const Message = z.object({
  id: Id,
  conversationId: Id,
  direction: MessageDirection,
  kind: MessageKind,
  /** The agent who wrote it; shown to the contact so they know who they talk to. */
  authorAgentId: Id.nullable(),
  body: z.string().max(4096),
  attachments: z.array(Attachment),
  template: TemplateUse.nullable(),
  system: SystemEvent.nullable(),
  status: DeliveryStatus,
  error: DeliveryError.nullable(),
  /** The channel's id for it (wamid…), for de-duplication and status updates. */
  channelMessageId: z.string().max(200).nullable(),
  /** The sending client's id, so an outbox retry never sends twice. */
  clientId: z.string().max(64).nullable(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type Message = z.infer<typeof Message>;
