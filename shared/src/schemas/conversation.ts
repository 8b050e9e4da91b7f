import { z } from 'zod';
import { EpochMs, Id } from './common';

export const ConversationState = z.enum(['bot', 'queued', 'active', 'awaiting_csat', 'closed']);
export type ConversationState = z.infer<typeof ConversationState>;

/** States in which the conversation still holds the contact on its channel. */
export const OPEN_STATES = [
  'bot',
  'queued',
  'active',
  'awaiting_csat',
] as const satisfies readonly ConversationState[];

export const Conversation = z.object({
  id: Id,
  contactId: Id,
  channelId: Id,
  teamId: Id,
  ownerId: Id.nullable(),
  participantIds: z.array(Id),
  tagIds: z.array(Id),
  dispositionId: Id.nullable(),
  state: ConversationState,
  /** When the contact last wrote: the WhatsApp customer-service window counts from here. */
  lastInboundAt: EpochMs.nullable(),
  lastMessageAt: EpochMs.nullable(),
  lastMessagePreview: z.string().max(200).nullable(),
  createdAt: EpochMs,
  /** When it entered the current queue; the waiting time shown to agents. */
  queuedAt: EpochMs.nullable(),
  closedAt: EpochMs.nullable(),
  /** awaiting_csat ends (closed without an answer) at this instant. */
  csatDeadline: EpochMs.nullable(),
  /** The bot phase ends (timeout) at this instant. */
  botDeadline: EpochMs.nullable(),
  updatedAt: EpochMs,
});
export type Conversation = z.infer<typeof Conversation>;
