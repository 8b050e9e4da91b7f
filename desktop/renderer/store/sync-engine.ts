import { BehaviorSubject, combineLatest, distinctUntilChanged, map, type Observable } from 'rxjs';
import type { RxCollection } from 'rxdb';
import { SYNC_COLLECTIONS, type SyncCollection } from '@atendo/shared/sync/protocol';
import type { AtendoDatabase } from './database';
import { replicateCollection, type CollectionReplication } from './replication';
import { startStreamHub, type SetTimer } from './stream-hub';
import type { SyncTransport } from './transport';
import { streamStaleness, type StreamHeartbeat } from '@atendo/shared/sync/stream-staleness';

export type SyncStatus = 'online' | 'offline' | 'syncing' | 'error';

/**
 * What the agent needs first: the conversation lists and the names in them (contacts of the
 * working set, agents, teams, channels), so the queue and the active list render from local
 * data as soon as these land. Messages and catalogues follow, filling timelines without
 * blocking the lists. Screens read local data at once either way.
 */
const FIRST: readonly SyncCollection[] = ['conversations', 'directory', 'contacts'];
const LATER: readonly SyncCollection[] = SYNC_COLLECTIONS.filter((c) => !FIRST.includes(c));

export type SyncEngineOptions = {
  db: AtendoDatabase;
  transport: SyncTransport;
  batchSize: number;
  pullRetryMs: number;
  retryDelayMs: (attempt: number) => number;
  setTimer: SetTimer;
  /** Called when the stream (re)connects: the moment to flush the outbox. */
  onConnected: () => void;
};

export type Connection = 'connecting' | 'connected' | 'down';

const collectionOf = (db: AtendoDatabase, name: SyncCollection): RxCollection<unknown> =>
  db.collections[name] as unknown as RxCollection<unknown>;

export function deriveStatus(
  connection: Connection,
  active: boolean,
  failing: boolean,
): SyncStatus {
  if (connection === 'down') return 'offline';
  // Pulls failing before the stream ever connected: most likely no network at all.
  if (failing) return connection === 'connecting' ? 'offline' : 'error';
  if (active || connection === 'connecting') return 'syncing';
  return 'online';
}

export function startSyncEngine(options: SyncEngineOptions) {
  const replications = new Map<SyncCollection, CollectionReplication>();
  for (const name of SYNC_COLLECTIONS) {
    replications.set(
      name,
      replicateCollection({
        name,
        db: options.db,
        rxCollection: collectionOf(options.db, name),
        transport: options.transport,
        batchSize: options.batchSize,
        retryTime: options.pullRetryMs,
      }),
    );
  }
  const all = [...replications.values()];
  const connection$ = new BehaviorSubject<Connection>('connecting');
  const failing$ = new BehaviorSubject(false);
  const active$ = combineLatest(all.map((r) => r.active$)).pipe(
    map((flags) => flags.some(Boolean)),
  );
  // A pull error keeps its replication active while RxDB retries; once every replication is
  // idle again the pulls have succeeded, so the error is over.
  const subscriptions = [
    ...all.map((r) =>
      r.error$.subscribe(() => {
        failing$.next(true);
      }),
    ),
    active$.subscribe((active) => {
      if (!active) failing$.next(false);
    }),
  ];
  const status$: Observable<SyncStatus> = combineLatest([connection$, active$, failing$]).pipe(
    map(([connection, active, failing]) => deriveStatus(connection, active, failing)),
    distinctUntilChanged(),
  );

  const resyncAll = () => {
    for (const replication of all) replication.resync();
  };

  // The previous heartbeat of this connection: a fan-out still behind its head means pulling.
  let lastHeartbeat: StreamHeartbeat | null = null;
  const hub = startStreamHub({
    transport: options.transport,
    retryDelayMs: options.retryDelayMs,
    setTimer: options.setTimer,
    onChanges: (event) => {
      replications.get(event.collection)?.applyChanges(event);
    },
    onHeartbeat: (event) => {
      if (streamStaleness(lastHeartbeat, event).stale) resyncAll();
      lastHeartbeat = event;
    },
    onResync: (reason) => {
      if (reason === 'connected') lastHeartbeat = null;
      resyncAll();
      if (reason === 'connected') options.onConnected();
    },
    onConnectionChange: (connected) => {
      connection$.next(connected ? 'connected' : 'down');
    },
  });

  const startAll = (names: readonly SyncCollection[]) => {
    const started = names.flatMap((name) => replications.get(name) ?? []);
    for (const replication of started) replication.start();
    return Promise.all(started.map((r) => r.awaitInitialReplication()));
  };
  const initialSync = (async () => {
    await startAll(FIRST);
    await startAll(LATER);
  })();
  // The promise is awaited by awaitInitialSync(); a close before it settles must not surface.
  initialSync.catch(() => undefined);

  async function stop(): Promise<void> {
    hub.stop();
    for (const subscription of subscriptions) subscription.unsubscribe();
    await Promise.all(all.map((r) => r.stop()));
  }

  return {
    status$,
    /** Resolves when every collection has caught up with the server once. */
    awaitInitialSync: () => initialSync,
    /** Asks every collection to pull again, as after a reconnection. */
    resync: resyncAll,
    stop,
  };
}

export type SyncEngine = ReturnType<typeof startSyncEngine>;
