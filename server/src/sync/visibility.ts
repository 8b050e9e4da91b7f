import type { SyncCollection, SyncDocument } from '@atendo/shared/sync/protocol';
import { docKey, type DocRef, type SyncPayload } from './documents';
import type { AudienceHit } from './feed-reads';
import { isTombstone } from '../feed/tombstones';
import { removalDocument } from './removal';

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
      const { collection, docId, seq, granted } = hit;
      into.set(key, { collection, docId, seq, granted });
    } else if (seen.seq === hit.seq && hit.granted) {
      seen.granted = true;
    }
  }
  return into;
}

/**
 * The replicated form of each loaded document, made once per round and shared by every
 * subscriber that receives it: the current version for a grant, and for a removal the id alone
 * (see removal.ts). Events are only
 * serialised, never changed.
 */
export class SyncDocumentCache {
  private readonly live = new Map<string, SyncDocument<SyncCollection>>();
  private readonly removed = new Map<string, SyncDocument<SyncCollection>>();

  constructor(private readonly current: ReadonlyMap<string, SyncPayload>) {}

  /** Undefined when the document is missing from its table: there is nothing to send. */
  get(key: string, deleted: boolean): SyncDocument<SyncCollection> | undefined {
    const made = deleted ? this.removed : this.live;
    const cached = made.get(key);
    if (cached !== undefined) return cached;
    const doc = this.current.get(key);
    // A deleted row's tombstone can only ever remove it.
    if (doc === undefined || (!deleted && isTombstone(doc))) return undefined;
    const document: SyncDocument<SyncCollection> = deleted
      ? removalDocument(doc)
      : { ...doc, _deleted: false };
    made.set(key, document);
    return document;
  }
}

/** The documents to send for these visibility entries (keyed by `docKey`), in their order. */
export function documentsFor(
  visible: Iterable<[string, Visibility]>,
  documents: SyncDocumentCache,
): SyncDocument<SyncCollection>[] {
  const result: SyncDocument<SyncCollection>[] = [];
  for (const [key, entry] of visible) {
    const doc = documents.get(key, !entry.granted);
    if (doc !== undefined) result.push(doc);
  }
  return result;
}
