import { ConversationState, type Conversation } from '@atendo/shared/schemas/conversation';
import { sql, type Kysely } from 'kysely';
import { runCached } from '../db/query-cache';
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

/** Maps rows to conversations, loading their participants and tags in one query. */
export async function hydrateConversations(
  db: Kysely<DB>,
  rows: readonly ConversationRow[],
): Promise<Conversation[]> {
  if (rows.length === 0) return [];
  const links = await linksQuery(
    db,
    rows.map((r) => r.id),
  ).execute();
  return rows.map((row) => withLinks(row, links));
}

/**
 * Participants (kind 0) and tags (kind 1) of the conversations, in one statement: each one a
 * conversation read costs is a round through Kysely and the driver.
 */
const linksQuery = (db: Kysely<DB>, ids: readonly string[]) =>
  db
    .selectFrom('conversation_participants')
    .select(['conversation_id', 'agent_id as link_id', sql.lit(0).as('kind')])
    .where('conversation_id', 'in', ids)
    .unionAll(
      db
        .selectFrom('conversation_tags')
        .select(['conversation_id', 'tag_id as link_id', sql.lit(1).as('kind')])
        .where('conversation_id', 'in', ids),
    )
    .orderBy('link_id');

type LinkRow = { conversation_id: string; link_id: string; kind: number };

function withLinks(row: ConversationRow, links: readonly LinkRow[]): Conversation {
  const participantIds: string[] = [];
  const tagIds: string[] = [];
  for (const link of links) {
    if (link.conversation_id !== row.id) continue;
    (link.kind === 0 ? participantIds : tagIds).push(link.link_id);
  }
  return conversationFromRow(row, participantIds, tagIds);
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

/**
 * The contact's open (not closed) conversation on a channel; the unique index allows one.
 * 'closed' is written into the SQL as a literal: SQLite can only prove that the partial index
 * `conversations_one_open` (where state <> 'closed') covers the query when it sees the value,
 * and a bound parameter made it re-plan the statement on every run (about 40 µs each).
 */
export async function loadOpenConversation(
  db: Kysely<DB>,
  contactId: string,
  channelId: string,
): Promise<Conversation | null> {
  // Cached (see db/query-cache): every inbound message reads its conversation so.
  const [row] = await runCached(db, 'open-conversation', { contactId, channelId }, (q, args) =>
    q
      .selectFrom('conversations')
      .selectAll()
      .where('contact_id', '=', args.contactId)
      .where('channel_id', '=', args.channelId)
      .where('state', '<>', sql.lit('closed')),
  );
  if (row === undefined) return null;
  const links = await runCached(db, 'conversation-links', [row.id], linksQuery);
  return withLinks(row, links);
}
