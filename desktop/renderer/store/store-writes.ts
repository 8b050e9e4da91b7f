import type { BulkWriteRow, RxCollection, RxDocumentData } from 'rxdb';

/*
 * How replicated documents are written: straight to the collection's storage instance in one
 * bulk write per page or frame, with no replication protocol in between. The store only ever
 * pulls (agents' actions are tRPC mutations), so RxDB's replication bookkeeping — a meta
 * instance read per document, and an upstream pass over every write it just made — bought
 * nothing and cost most of the initial sync (docs/sync.md). The storage wrapper still stamps
 * revisions and emits change events, so every query and `insert$` sees these writes.
 */

/** What the server sends: a whole document, or (for a removal) at least its id. */
export type IncomingDocument = { id: string; _deleted: boolean };

const WRITE_CONTEXT = 'atendo-sync';
const MAX_CONFLICT_ROUNDS = 3;

type Stored = RxDocumentData<{ id: string }>;

function rowFor(
  incoming: IncomingDocument,
  previous: Stored | undefined,
): BulkWriteRow<unknown> | null {
  if (incoming._deleted) {
    // Nothing to remove when the document is absent or already a tombstone.
    if (previous === undefined || previous._deleted) return null;
    return { previous, document: { ...previous, _deleted: true } };
  }
  const document = {
    ...incoming,
    _deleted: false,
    _attachments: {},
    _meta: previous === undefined ? { lwt: 0 } : { ...previous._meta },
    _rev: previous?._rev ?? '',
  };
  return { previous, document: document as unknown as RxDocumentData<unknown> };
}

/** The last version of each id, in first-seen order: a page may name a document twice. */
function latestById(documents: readonly IncomingDocument[]): Map<string, IncomingDocument> {
  const byId = new Map<string, IncomingDocument>();
  for (const doc of documents) byId.set(doc.id, doc);
  return byId;
}

/**
 * Stores a page of server documents: live ones inserted or replacing what is stored, removals
 * turned into tombstones. `assumeAbsent` skips the read of what is stored (the collection was
 * empty when the pull began): inserts that meet a document anyway fail with a conflict, which
 * carries the stored version, and are written again on top of it.
 */
export async function writeDocuments(
  collection: RxCollection<unknown>,
  documents: readonly IncomingDocument[],
  assumeAbsent: boolean,
): Promise<void> {
  const byId = latestById(documents);
  if (byId.size === 0) return;
  const instance = collection.storageInstance;
  const previous = new Map<string, Stored>();
  if (!assumeAbsent) {
    const stored = (await instance.findDocumentsById([...byId.keys()], true)) as Stored[];
    for (const doc of stored) previous.set(doc.id, doc);
  }
  let pending = [...byId.values()];
  for (let round = 0; round < MAX_CONFLICT_ROUNDS && pending.length > 0; round++) {
    const rows = pending.flatMap((doc) => rowFor(doc, previous.get(doc.id)) ?? []);
    if (rows.length === 0) return;
    const result = await instance.bulkWrite(rows, WRITE_CONTEXT);
    const retry = new Set<string>();
    for (const error of result.error) {
      if (error.status !== 409) {
        throw new Error(`Could not store ${error.documentId} (status ${String(error.status)}).`);
      }
      previous.set(error.documentId, error.documentInDb as Stored);
      retry.add(error.documentId);
    }
    pending = pending.filter((doc) => retry.has(doc.id));
  }
  if (pending.length > 0) throw new Error('Stored documents kept changing during the write.');
}

/** Removes every document of a collection locally (a reset, or a store with no checkpoint). */
export async function clearCollection(collection: RxCollection<unknown>): Promise<void> {
  await collection.find().remove();
}
