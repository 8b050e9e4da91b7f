import type { StreamEvent, SyncCollection } from '@atendo/shared/sync/protocol';
import { syncCollectionOf } from './collections';
import type { SyncPayload } from './documents';
import type { AudienceHit } from './feed-reads';
import { documentsFor, foldVisibility, type Visibility } from './visibility';

/**
 * Splits one window of audience hits among subscribers by their keys: each subscriber gets,
 * per document, the latest change it may know about. Hits are grouped by key once, so the cost
 * is the number of hits each subscriber actually receives, not subscribers times hits.
 */
export function routeHits(
  hits: readonly AudienceHit[],
  subscribers: readonly { keys: ReadonlySet<string> }[],
): Map<string, Visibility>[] {
  const byKey = new Map<string, AudienceHit[]>();
  for (const hit of hits) {
    const list = byKey.get(hit.key);
    if (list === undefined) byKey.set(hit.key, [hit]);
    else list.push(hit);
  }
  return subscribers.map(({ keys }) => {
    const mine = [...keys].flatMap((key) => byKey.get(key) ?? []);
    return foldVisibility(mine.sort((a, b) => a.seq - b.seq));
  });
}

/** One `changes` event per replicated collection that has documents for this subscriber. */
export function changeEvents(
  visible: ReadonlyMap<string, Visibility>,
  current: ReadonlyMap<string, SyncPayload>,
  checkpoint: { seq: number; epoch: string },
): StreamEvent[] {
  const byCollection = new Map<SyncCollection, Visibility[]>();
  for (const entry of visible.values()) {
    const collection = syncCollectionOf(entry.collection);
    const list = byCollection.get(collection);
    if (list === undefined) byCollection.set(collection, [entry]);
    else list.push(entry);
  }
  const events: StreamEvent[] = [];
  for (const [collection, entries] of byCollection) {
    const documents = documentsFor(entries, current);
    if (documents.length > 0) events.push({ type: 'changes', collection, documents, checkpoint });
  }
  return events;
}
