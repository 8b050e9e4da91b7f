import { z } from 'zod';
import {
  Attachment,
  DeliveryError,
  DeliveryStatus,
  MessageDirection,
  MessageKind,
  SystemEvent,
  TemplateUse,
  type Message,
} from '@atendo/shared/schemas/message';
import type { Kysely } from 'kysely';
import type { DB, MessageRow } from '../db/schema';
import { fromJson, fromJsonOrNull, toJson, toJsonOrNull } from '../db/json';

export const messageFromRow = (row: MessageRow): Message => ({
  id: row.id,
  conversationId: row.conversation_id,
  direction: MessageDirection.parse(row.direction),
  kind: MessageKind.parse(row.kind),
  authorAgentId: row.author_agent_id,
  body: row.body,
  attachments: fromJson(z.array(Attachment), row.attachments),
  template: fromJsonOrNull(TemplateUse, row.template),
  system: fromJsonOrNull(SystemEvent, row.system),
  status: DeliveryStatus.parse(row.status),
  error: fromJsonOrNull(DeliveryError, row.error),
  channelMessageId: row.channel_message_id,
  clientId: row.client_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const messageToRow = (message: Message, channelId: string): MessageRow => ({
  id: message.id,
  conversation_id: message.conversationId,
  channel_id: channelId,
  direction: message.direction,
  kind: message.kind,
  author_agent_id: message.authorAgentId,
  body: message.body,
  attachments: toJson(message.attachments),
  template: toJsonOrNull(message.template),
  system: toJsonOrNull(message.system),
  status: message.status,
  error: toJsonOrNull(message.error),
  channel_message_id: message.channelMessageId,
  client_id: message.clientId,
  created_at: message.createdAt,
  updated_at: message.updatedAt,
});

export async function loadMessage(db: Kysely<DB>, id: string): Promise<Message | null> {
  const row = await db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? messageFromRow(row) : null;
}

/** A conversation's timeline, oldest first. */
export async function loadTimeline(db: Kysely<DB>, conversationId: string): Promise<Message[]> {
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(messageFromRow);
}
