import type { Kysely } from 'kysely';
import { SYNC_DOCUMENT_SCHEMAS } from '@atendo/shared/sync/protocol';
import type { DB } from '../db/schema';
import { syncCollectionOf, type FeedCollection } from '../sync/collections';
import { docKey, type DocRef, type SyncPayload } from '../sync/documents';

/*
 * A row deleted for good (retention, a contact's erasure) can no longer be loaded, yet clients
 * that hold it must be told to drop it. So the deletion stores a stand-in for the row, emptied
 * of content, in the same transaction, and the feed loads it in place of the missing row.
 * Tombstones are only ever sent as removals, which carry the id alone (sync/removal.ts).
 */

const tombstones = new WeakSet<object>();

/** Whether a loaded document stands for a deleted row. */
export const isTombstone = (doc: SyncPayload): boolean => tombstones.has(doc);

/** The stand-in of a deleted row: no content, and no channel or client ids either. */
export function tombstoneOf(doc: SyncPayload): SyncPayload {
  if ('contactId' in doc && 'participantIds' in doc) {
    return {
      ...doc,
      ownerId: null,
      participantIds: [],
      tagIds: [],
      dispositionId: null,
      lastMessagePreview: null,
      csatDeadline: null,
      botDeadline: null,
    };
  }
  if ('conversationId' in doc && 'direction' in doc) {
    const empty = { body: '', attachments: [], template: null, system: null, error: null };
    return { ...doc, ...empty, channelMessageId: null, clientId: null };
  }
  return doc;
}

const CHUNK = 100;

/** Stores the tombstones of rows deleted in this transaction. */
export async function writeTombstones(
  trx: Kysely<DB>,
  collection: FeedCollection,
  docs: readonly SyncPayload[],
  at: number,
): Promise<void> {
  for (let start = 0; start < docs.length; start += CHUNK) {
    const rows = docs.slice(start, start + CHUNK).map((doc) => ({
      collection,
      doc_id: doc.id,
      document: JSON.stringify(tombstoneOf(doc)),
      at,
    }));
    await trx
      .insertInto('feed_tombstones')
      .values(rows)
      .onConflict((oc) => oc.columns(['collection', 'doc_id']).doNothing())
      .execute();
  }
}

/** Adds to `found` the tombstones of the referenced documents that no longer exist. */
export async function addTombstones(
  db: Kysely<DB>,
  refs: readonly DocRef[],
  found: Map<string, SyncPayload>,
): Promise<void> {
  const missing = new Map<FeedCollection, string[]>();
  for (const { collection, docId } of refs) {
    if (found.has(docKey(collection, docId))) continue;
    const ids = missing.get(collection) ?? [];
    if (ids.length === 0) missing.set(collection, ids);
    ids.push(docId);
  }
  for (const [collection, ids] of missing) {
    const schema = SYNC_DOCUMENT_SCHEMAS[syncCollectionOf(collection)];
    for (let start = 0; start < ids.length; start += 1000) {
      const rows = await db
        .selectFrom('feed_tombstones')
        .select(['doc_id', 'document'])
        .where('collection', '=', collection)
        .where('doc_id', 'in', [...new Set(ids.slice(start, start + 1000))])
        .execute();
      for (const row of rows) {
        const doc: SyncPayload = schema.parse(JSON.parse(row.document));
        tombstones.add(doc);
        found.set(docKey(collection, row.doc_id), doc);
      }
    }
  }
}
