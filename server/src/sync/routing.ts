import type { StreamEvent, SyncCollection } from '@atendo/shared/sync/protocol';
import { syncCollectionOf } from './collections';
import type { AudienceHit } from './feed-reads';
import {
  documentsFor,
  foldVisibility,
  type SyncDocumentCache,
  type Visibility,
} from './visibility';

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
  documents: SyncDocumentCache,
  checkpoint: { seq: number; epoch: string },
): StreamEvent[] {
  const byCollection = new Map<SyncCollection, [string, Visibility][]>();
  for (const pair of visible) {
    const collection = syncCollectionOf(pair[1].collection);
    const list = byCollection.get(collection);
    if (list === undefined) byCollection.set(collection, [pair]);
    else list.push(pair);
  }
  const events: StreamEvent[] = [];
  for (const [collection, entries] of byCollection) {
    const sent = documentsFor(entries, documents);
    if (sent.length > 0) events.push({ type: 'changes', collection, documents: sent, checkpoint });
  }
  return events;
}
