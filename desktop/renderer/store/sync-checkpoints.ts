import { Checkpoint, type SyncCollection } from '@atendo/shared/sync/protocol';
import type { AtendoDatabase } from './database';

/*
 * Where each replicated collection remembers how far it has caught up with the server: one
 * RxDB local document per collection (not a collection of its own, so the store stays at nine
 * collections). A checkpoint is written only after the documents it covers are stored.
 */

const localId = (collection: SyncCollection): string => `sync-checkpoint-${collection}`;

export async function loadCheckpoint(
  db: AtendoDatabase,
  collection: SyncCollection,
): Promise<Checkpoint | null> {
  const doc = await db.getLocal<Checkpoint>(localId(collection));
  if (doc === null) return null;
  const parsed = Checkpoint.safeParse(doc.toJSON().data);
  return parsed.success ? parsed.data : null;
}

export async function saveCheckpoint(
  db: AtendoDatabase,
  collection: SyncCollection,
  checkpoint: Checkpoint | null,
): Promise<void> {
  if (checkpoint === null) {
    const doc = await db.getLocal(localId(collection));
    await doc?.remove();
    return;
  }
  await db.upsertLocal<Checkpoint>(localId(collection), checkpoint);
}
