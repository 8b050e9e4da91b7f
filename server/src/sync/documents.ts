import type { Kysely } from 'kysely';
import type { DirectoryEntry, SyncCollection, SyncDocumentMap } from '@atendo/shared/sync/protocol';
import type { DB } from '../db/schema';
import { dispositionFromRow, tagFromRow, templateFromRow } from '../repo/catalog';
import { loadContacts } from '../repo/contacts';
import { loadConversations } from '../repo/conversations';
import { channelFromRow, loadAgents, teamFromRow } from '../repo/directory';
import { messageFromRow } from '../repo/messages';
import { addTombstones } from '../feed/tombstones';
import { loadQuickReplies } from '../repo/quick-replies';
import type { FeedCollection } from './collections';

/** Any replicated document, before the `_deleted` flag is set. */
export type SyncPayload = SyncDocumentMap[SyncCollection];

/** A change names a document as (feed collection, id); this is its key in batch maps. */
export const docKey = (collection: FeedCollection, docId: string): string =>
  `${collection}/${docId}`;

export type DocRef = { collection: FeedCollection; docId: string };

/**
 * Loads the current version of each referenced document, shaped as the shared schemas the
 * client stores, keyed by `docKey`. A document deleted for good is its tombstone (a removal
 * only, see feed/tombstones.ts); one that never existed is simply absent.
 */
export async function loadCurrentDocuments(
  db: Kysely<DB>,
  refs: readonly DocRef[],
): Promise<Map<string, SyncPayload>> {
  const idsOf = new Map<FeedCollection, string[]>();
  for (const { collection, docId } of refs) {
    const ids = idsOf.get(collection) ?? [];
    if (ids.length === 0) idsOf.set(collection, ids);
    ids.push(docId);
  }
  const found = new Map<string, SyncPayload>();
  for (const [collection, ids] of idsOf) {
    // SQLite allows 32766 bound parameters; chunks keep every IN list well below that.
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = [...new Set(ids.slice(start, start + CHUNK))];
      for (const [id, doc] of await loaders[collection](db, chunk)) {
        found.set(docKey(collection, id), doc);
      }
    }
  }
  await addTombstones(db, refs, found);
  return found;
}

const CHUNK = 5000;

type Loader = (db: Kysely<DB>, ids: string[]) => Promise<[string, SyncPayload][]>;

const byId = <T extends { id: string }>(docs: readonly T[]): [string, T][] =>
  docs.map((doc) => [doc.id, doc]);

const directory = (feedId: string, entry: DirectoryEntry): [string, DirectoryEntry] => [
  feedId,
  entry,
];

const loaders: { [F in FeedCollection]: Loader } = {
  conversation: async (db, ids) => byId(await loadConversations(db, ids)),
  message: async (db, ids) => {
    const rows = await db.selectFrom('messages').selectAll().where('id', 'in', ids).execute();
    return byId(rows.map(messageFromRow));
  },
  contact: async (db, ids) => byId(await loadContacts(db, ids)),
  template: async (db, ids) => {
    const rows = await db.selectFrom('templates').selectAll().where('id', 'in', ids).execute();
    return byId(rows.map(templateFromRow));
  },
  tag: async (db, ids) => {
    const rows = await db.selectFrom('tags').selectAll().where('id', 'in', ids).execute();
    return byId(rows.map(tagFromRow));
  },
  disposition: async (db, ids) => {
    const rows = await db.selectFrom('dispositions').selectAll().where('id', 'in', ids).execute();
    return byId(rows.map(dispositionFromRow));
  },
  agent: async (db, ids) =>
    (await loadAgents(db, ids)).map((agent) =>
      directory(agent.id, {
        id: `agent:${agent.id}`,
        type: 'agent',
        updatedAt: agent.updatedAt,
        agent,
      }),
    ),
  team: async (db, ids) => {
    const rows = await db.selectFrom('teams').selectAll().where('id', 'in', ids).execute();
    return rows.map(teamFromRow).map((team) =>
      directory(team.id, {
        id: `team:${team.id}`,
        type: 'team',
        updatedAt: team.updatedAt,
        team,
      }),
    );
  },
  channel: async (db, ids) => {
    const rows = await db.selectFrom('channels').selectAll().where('id', 'in', ids).execute();
    return rows.map(channelFromRow).map((channel) =>
      directory(channel.id, {
        id: `channel:${channel.id}`,
        type: 'channel',
        updatedAt: channel.updatedAt,
        channel,
      }),
    );
  },
  quick_reply: async (db, ids) =>
    (await loadQuickReplies(db, ids)).map((quickReply) =>
      directory(quickReply.id, {
        id: `quickReply:${quickReply.id}`,
        type: 'quickReply',
        updatedAt: quickReply.updatedAt,
        quickReply,
      }),
    ),
};
