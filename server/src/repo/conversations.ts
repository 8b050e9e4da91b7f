import { ConversationState, type Conversation } from '@atendo/shared/schemas/conversation';
import type { Kysely } from 'kysely';
import type { ConversationRow, DB } from '../db/schema';

/* Reads of conversations with their participants and tags. */

export function conversationFromRow(
  row: ConversationRow,
  participantIds: string[],
  tagIds: string[],
): Conversation {
  return {
    id: row.id,
    contactId: row.contact_id,
    channelId: row.channel_id,
    teamId: row.team_id,
    ownerId: row.owner_id,
    participantIds,
    tagIds,
    dispositionId: row.disposition_id,
    state: ConversationState.parse(row.state),
    lastInboundAt: row.last_inbound_at,
    lastMessageAt: row.last_message_at,
    lastMessagePreview: row.last_message_preview,
    createdAt: row.created_at,
    queuedAt: row.queued_at,
    closedAt: row.closed_at,
    csatDeadline: row.csat_deadline,
    botDeadline: row.bot_deadline,
    updatedAt: row.updated_at,
  };
}

/** Maps rows to conversations, loading participants and tags in two queries. */
export async function hydrateConversations(
  db: Kysely<DB>,
  rows: readonly ConversationRow[],
): Promise<Conversation[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const participants = await db
    .selectFrom('conversation_participants')
    .select(['conversation_id', 'agent_id'])
    .where('conversation_id', 'in', ids)
    .orderBy('agent_id')
    .execute();
  const tags = await db
    .selectFrom('conversation_tags')
    .select(['conversation_id', 'tag_id'])
    .where('conversation_id', 'in', ids)
    .orderBy('tag_id')
    .execute();
  return rows.map((row) =>
    conversationFromRow(
      row,
      participants.filter((p) => p.conversation_id === row.id).map((p) => p.agent_id),
      tags.filter((t) => t.conversation_id === row.id).map((t) => t.tag_id),
    ),
  );
}

export async function loadConversations(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Conversation[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('conversations').selectAll().where('id', 'in', ids).execute();
  return hydrateConversations(db, rows);
}

export async function loadConversation(db: Kysely<DB>, id: string): Promise<Conversation | null> {
  const [conversation] = await loadConversations(db, [id]);
  return conversation ?? null;
}

/** The contact's open (not closed) conversation on a channel; the unique index allows one. */
export async function loadOpenConversation(
  db: Kysely<DB>,
  contactId: string,
  channelId: string,
): Promise<Conversation | null> {
  const rows = await db
    .selectFrom('conversations')
    .selectAll()
    .where('contact_id', '=', contactId)
    .where('channel_id', '=', channelId)
    .where('state', '<>', 'closed')
    .execute();
  const [conversation] = await hydrateConversations(db, rows);
  return conversation ?? null;
}
