import type { SyncCollection, SyncDocument } from '@atendo/shared/sync/protocol';
import { docKey, type DocRef, type SyncPayload } from './documents';
import type { AudienceHit } from './feed-reads';

/** The latest change of one document that an agent may know about, and what it told them. */
export type Visibility = DocRef & { seq: number; granted: boolean };

/**
 * Folds audience hits (already filtered to one agent's keys) into one entry per document: the
 * latest change decides, and it grants when any of the agent's keys was granted on it. Only
 * revokes on the latest change mean the document left the agent's scope.
 */
export function foldVisibility(
  hits: readonly AudienceHit[],
  into: Map<string, Visibility> = new Map(),
): Map<string, Visibility> {
  for (const hit of hits) {
    const key = docKey(hit.collection, hit.docId);
    const seen = into.get(key);
    if (seen === undefined || seen.seq < hit.seq) {
      into.set(key, { ...hit, granted: hit.granted });
    } else if (seen.seq === hit.seq && hit.granted) {
      seen.granted = true;
    }
  }
  return into;
}

/**
 * The documents to send: the current version for a grant, the last known version flagged
 * `_deleted` for a removal (the agent was allowed to see it until this change, and the client's
 * store needs a whole document to delete). A document missing from its table has nothing to
 * send and is skipped.
 */
export function documentsFor(
  visible: Iterable<Visibility>,
  current: ReadonlyMap<string, SyncPayload>,
): SyncDocument<SyncCollection>[] {
  const documents: SyncDocument<SyncCollection>[] = [];
  for (const entry of visible) {
    const doc = current.get(docKey(entry.collection, entry.docId));
    if (doc !== undefined) documents.push({ ...doc, _deleted: !entry.granted });
  }
  return documents;
}
