import type { Kysely } from 'kysely';
import type { SyncCollection } from '@atendo/shared/sync/protocol';
import type { WorkingSetScope, WorkingSetSettings } from '@atendo/shared/sync/working-set';
import type { DB } from '../db/schema';
import { loadContacts } from '../repo/contacts';
import { messageFromRow } from '../repo/messages';
import type { SyncPayload } from './documents';
import { catalogSnapshot } from './snapshot-catalog';
import { workingSetConversations } from './working-set-query';

/*
 * The first pull of a collection (no checkpoint, or after a reset) is a snapshot of the
 * agent's working set read from the tables, paged by id, instead of a walk of the change feed
 * from its first row: its cost follows the agent's work, not the company's past. The pull
 * (pull.ts) then goes on from the feed head read when the snapshot began, so everything that
 * changed meanwhile reaches the client too.
 */

export const SNAPSHOT_COLLECTIONS: ReadonlySet<SyncCollection> = new Set([
  'conversations',
  'messages',
  'contacts',
  'directory',
  'templates',
  'tags',
  'dispositions',
]);

export type SnapshotRequest = {
  scope: WorkingSetScope;
  now: number;
  settings: WorkingSetSettings;
  /** Where the previous page ended; empty for the first page. */
  cursor: string;
  limit: number;
};

/** `next` is where the following page starts, or null when the snapshot is complete. */
export type SnapshotPage = { documents: SyncPayload[]; next: string | null };

type Reader = (db: Kysely<DB>, request: SnapshotRequest) => Promise<SnapshotPage>;

const after = (ids: readonly string[], cursor: string, limit: number) => {
  const rest = ids.filter((id) => id > cursor);
  const page = rest.slice(0, limit);
  return { page, next: rest.length > limit ? (page.at(-1) ?? null) : null };
};

const conversations: Reader = async (db, request) => {
  const all = await workingSetConversations(db, request.scope, request.now, request.settings);
  const byId = new Map(all.map((c) => [c.id, c]));
  const { page, next } = after([...byId.keys()], request.cursor, request.limit);
  return { documents: page.flatMap((id) => byId.get(id) ?? []), next };
};

const contacts: Reader = async (db, request) => {
  const all = await workingSetConversations(db, request.scope, request.now, request.settings);
  const ids = [...new Set(all.map((c) => c.contactId))].sort();
  const { page, next } = after(ids, request.cursor, request.limit);
  return { documents: await loadContacts(db, page), next };
};

/** Messages by (conversation id, message id); the cursor is that pair as JSON. */
const messages: Reader = async (db, request) => {
  const all = await workingSetConversations(db, request.scope, request.now, request.settings);
  const [fromConversation, fromMessage] = parseMessageCursor(request.cursor);
  const ids = all.map((c) => c.id).filter((id) => id >= fromConversation);
  const documents: SyncPayload[] = [];
  // One row past the limit tells whether another page follows.
  for (let at = 0; at < ids.length && documents.length <= request.limit; at += BATCH) {
    const rows = await db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', 'in', ids.slice(at, at + BATCH))
      .where((eb) =>
        eb.or([eb('conversation_id', '<>', fromConversation), eb('id', '>', fromMessage)]),
      )
      .orderBy('conversation_id')
      .orderBy('id')
      .limit(request.limit + 1 - documents.length)
      .execute();
    documents.push(...rows.map(messageFromRow));
  }
  if (documents.length <= request.limit) return { documents, next: null };
  const page = documents.slice(0, request.limit);
  const last = page.at(-1);
  const next =
    last !== undefined && 'conversationId' in last ? [last.conversationId, last.id] : null;
  return { documents: page, next: next === null ? null : JSON.stringify(next) };
};

const BATCH = 500;

function parseMessageCursor(cursor: string): [string, string] {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(cursor);
  } catch {
    // A cursor this server did not write starts the snapshot over.
  }
  if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
    return [parsed[0], parsed[1]];
  }
  return ['', ''];
}

/** The directory and catalogues: small, read whole and paged by id. */
const catalog =
  (collection: SyncCollection): Reader =>
  async (db, request) => {
    const all = await catalogSnapshot(db, collection, request.scope.keys);
    const byId = new Map(all.map((doc) => [doc.id, doc]));
    const { page, next } = after([...byId.keys()], request.cursor, request.limit);
    return { documents: page.flatMap((id) => byId.get(id) ?? []), next };
  };

const READERS: Record<SyncCollection, Reader> = {
  conversations,
  contacts,
  messages,
  directory: catalog('directory'),
  templates: catalog('templates'),
  tags: catalog('tags'),
  dispositions: catalog('dispositions'),
};

/** One page of the collection's working set. */
export function snapshotPage(
  db: Kysely<DB>,
  collection: SyncCollection,
  request: SnapshotRequest,
): Promise<SnapshotPage> {
  return READERS[collection](db, request);
}
