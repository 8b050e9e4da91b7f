import type { Agent } from '@atendo/shared/schemas/agent';
import type { Tag } from '@atendo/shared/schemas/catalog';
import type { ChannelKind } from '@atendo/shared/schemas/channel';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { ConversationRow } from '../db/schema';
import { ChannelKind as ChannelKindSchema } from '@atendo/shared/schemas/channel';
import { tagFromRow } from '../repo/catalog';
import { hydrateConversations } from '../repo/conversations';
import type { Deps, Tx } from './deps';

export type ConversationListItem = {
  conversation: Conversation;
  contactName: string;
  channelKind: ChannelKind;
  tags: Tag[];
  /** Since when it waits in the queue (null when not queued). */
  waitingSince: number | null;
};

export type MyLists = { queued: ConversationListItem[]; active: ConversationListItem[] };

/** Rows with the contact name, channel kind and tags the list shows. */
export async function listItems(
  db: Tx,
  rows: readonly ConversationRow[],
): Promise<ConversationListItem[]> {
  const conversations = await hydrateConversations(db, rows);
  if (conversations.length === 0) return [];
  const contacts = await db
    .selectFrom('contacts')
    .select(['id', 'name'])
    .where(
      'id',
      'in',
      conversations.map((c) => c.contactId),
    )
    .execute();
  const channels = await db.selectFrom('channels').select(['id', 'kind']).execute();
  const tagIds = [...new Set(conversations.flatMap((c) => c.tagIds))];
  const tags = tagIds.length
    ? (await db.selectFrom('tags').selectAll().where('id', 'in', tagIds).execute()).map(tagFromRow)
    : [];
  return conversations.map((conversation) => ({
    conversation,
    contactName: contacts.find((c) => c.id === conversation.contactId)?.name ?? '',
    channelKind: ChannelKindSchema.parse(
      channels.find((c) => c.id === conversation.channelId)?.kind,
    ),
    tags: tags.filter((t) => conversation.tagIds.includes(t.id)),
    waitingSince: conversation.state === 'queued' ? conversation.queuedAt : null,
  }));
}

/** The agent's two working lists: their teams' queues (oldest first) and what they serve. */
export async function listMine(deps: Deps, actor: Agent): Promise<MyLists> {
  const queuedRows =
    actor.teamIds.length === 0
      ? []
      : await deps.db
          .selectFrom('conversations')
          .selectAll()
          .where('state', '=', 'queued')
          .where('team_id', 'in', actor.teamIds)
          // Nulls are spelled out because the databases differ: SQLite sorts them first
          // ascending and last descending, PostgreSQL the other way round. On SQLite these
          // are its defaults, so its query plan is unchanged.
          .orderBy('queued_at', (o) => o.asc().nullsFirst())
          .limit(500)
          .execute();
  const activeRows = await deps.db
    .selectFrom('conversations')
    .selectAll()
    .where('state', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('owner_id', '=', actor.id),
        eb(
          'id',
          'in',
          eb
            .selectFrom('conversation_participants')
            .select('conversation_id')
            .where('agent_id', '=', actor.id),
        ),
      ]),
    )
    .orderBy('last_message_at', (o) => o.desc().nullsLast())
    .execute();
  return {
    queued: await listItems(deps.db, queuedRows),
    active: await listItems(deps.db, activeRows),
  };
}
