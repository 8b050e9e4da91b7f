import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import type { RxCollection } from 'rxdb';
import type { Checkpoint, PullResult, SyncCollection } from '@atendo/shared/sync/protocol';
import type { AtendoDatabase } from './database';
import type { ChangesEvent } from './stream-hub';
import { clearCollection, writeDocuments } from './store-writes';
import { loadCheckpoint, saveCheckpoint } from './sync-checkpoints';
import type { SyncTransport } from './transport';

export type CollectionReplication = {
  collection: SyncCollection;
  /** True while a pull or a stream frame is being processed. */
  active$: Observable<boolean>;
  /** Failed pulls (retried) and failed writes (resynced). */
  error$: Observable<unknown>;
  start(): void;
  /** Pulls from the stored checkpoint until the server has nothing more; coalesced. */
  resync(): void;
  /** Stores one stream frame's documents for this collection, in arrival order. */
  applyChanges(event: ChangesEvent): void;
  /** Resolves once the first pull after start has caught up. */
  awaitInitialReplication(): Promise<void>;
  /** Stops pulling and applying; resolves once no write is in flight. */
  stop(): Promise<void>;
};

export type ReplicateOptions = {
  name: SyncCollection;
  db: AtendoDatabase;
  rxCollection: RxCollection<unknown>;
  transport: SyncTransport;
  batchSize: number;
  /** How long to wait before retrying a failed pull. */
  retryTime: number;
};

const wait = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * One collection's replication: pulls by checkpoint and the live stream's frames, in one
 * serial queue, so a frame is never stored while a pull of the same collection is writing.
 *
 * Ordering rule (as RxDB's own downstream has it): a frame that arrived before the latest
 * page request was issued is dropped, because that request read the server after the frame's
 * changes had committed, so its answer already holds them (or newer versions, which the older
 * frame must not overwrite). The server sends `connected` as the first frame of every
 * connection and the engine pulls on it, so every change reaches the store through a pull or
 * through a frame that follows one.
 *
 * This replaces RxDB's replication plugin, whose upstream half processes every write the
 * downstream makes even with no push configured: a resync during a large initial pull made it
 * walk the whole collection 100 documents at a time, and the downstream accepts no stream
 * event while the upstream is active, so live updates stopped for minutes (bench/sync-browser
 * "5 of 5 writes never arrived", docs/sync.md).
 */
export function replicateCollection(options: ReplicateOptions): CollectionReplication {
  const { name, db, rxCollection, transport, batchSize } = options;
  const active$ = new BehaviorSubject(false);
  const error$ = new Subject<unknown>();
  let tick = 0;
  let lastPullAt = -1;
  let checkpoint: Checkpoint | null | undefined;
  let started = false;
  let stopped = false;
  const isStopped = () => stopped;
  let resyncQueued = false;
  let running = 0;
  let queue = Promise.resolve();
  const writes = new Set<Promise<void>>();
  // Writes are tracked so that closing the store waits for them, never for the network.
  const store = (
    documents: readonly { id: string; _deleted: boolean }[],
    assumeAbsent: boolean,
  ) => {
    const write = writeDocuments(rxCollection, documents, assumeAbsent);
    writes.add(write);
    const settled = () => writes.delete(write);
    write.then(settled, settled);
    return write;
  };
  let firstDone: () => void = () => undefined;
  const first = new Promise<void>((resolve) => {
    firstDone = resolve;
  });

  const enqueue = (task: () => Promise<void>) => {
    running += 1;
    active$.next(true);
    queue = queue
      .then(task)
      .catch((error: unknown) => {
        if (stopped) return;
        error$.next(error);
        // A failed write leaves the checkpoint where it was: pull the same pages again later.
        void wait(options.retryTime).then(requestResync);
      })
      .finally(() => {
        running -= 1;
        if (running === 0) active$.next(false);
      });
  };

  const current = async (): Promise<Checkpoint | null> => {
    checkpoint ??= await loadCheckpoint(db, name);
    return checkpoint;
  };

  const remember = async (next: Checkpoint | null): Promise<void> => {
    checkpoint = next;
    await saveCheckpoint(db, name, next);
  };

  async function pull(from: Checkpoint | null): Promise<PullResult | null> {
    for (;;) {
      if (stopped) return null;
      lastPullAt = ++tick;
      try {
        return await transport.pull({ collection: name, checkpoint: from, limit: batchSize });
      } catch (error) {
        // The flag changes while the pull is awaited.
        if (!isStopped()) error$.next(error);
        await wait(options.retryTime);
      }
    }
  }

  /**
   * Pages are pulled one ahead of the writes: page N+1 is on the wire while page N is stored.
   * A collection without a checkpoint (first start, after a reset, or a store written by an
   * older version) is emptied first, so everything it holds came from this pull.
   */
  async function pullUntilCaughtUp(): Promise<void> {
    resyncQueued = false;
    let from = await current();
    let empty = false;
    if (from === null) {
      await clearCollection(rxCollection);
      empty = true;
    }
    let writing = Promise.resolve();
    for (;;) {
      const page = await pull(from);
      if (page === null) return;
      await writing;
      if (page.reset && from !== null) {
        // Another database or another scope: drop what is held and pull from the start.
        await clearCollection(rxCollection);
        await remember(null);
        from = null;
        empty = true;
        continue;
      }
      const assumeAbsent = empty;
      writing = (async () => {
        if (stopped) return;
        await store(page.documents, assumeAbsent);
        await remember(page.checkpoint);
      })();
      writing.catch(() => undefined);
      from = page.checkpoint;
      if (page.documents.length < batchSize) break;
    }
    await writing;
    firstDone();
  }

  function requestResync(): void {
    if (!started || stopped || resyncQueued) return;
    resyncQueued = true;
    enqueue(pullUntilCaughtUp);
  }

  function applyChanges(event: ChangesEvent): void {
    if (!started || stopped) return;
    const arrivedAt = ++tick;
    enqueue(async () => {
      if (arrivedAt < lastPullAt || stopped) return;
      const held = await current();
      if (held?.epoch !== event.checkpoint.epoch || held.cursor !== undefined) {
        // Frames of another scope, before any pull, or while the first pull's snapshot is
        // unfinished (its checkpoint must not jump past the rest of it): a pull decides.
        requestResync();
        return;
      }
      await store(event.documents, false);
      if (event.checkpoint.seq > held.seq) await remember(event.checkpoint);
    });
  }

  return {
    collection: name,
    active$: active$.asObservable(),
    error$: error$.asObservable(),
    start: () => {
      if (started) return;
      started = true;
      requestResync();
    },
    resync: requestResync,
    applyChanges,
    awaitInitialReplication: () => first,
    stop: async () => {
      stopped = true;
      await Promise.allSettled([...writes]);
    },
  };
}
