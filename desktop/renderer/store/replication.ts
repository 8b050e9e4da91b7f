import { Subject } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem, WithDeleted } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { Checkpoint, SyncCollection, SyncDocument } from '@atendo/shared/sync/protocol';
import type { SyncTransport } from './transport';

export type CollectionReplication = {
  collection: SyncCollection;
  state: RxReplicationState<unknown, Checkpoint>;
  /** Feeds stream events (or 'RESYNC') into this collection's replication. */
  emit: (item: RxReplicationPullStreamItem<unknown, Checkpoint>) => void;
};

export type ReplicateOptions<T> = {
  name: SyncCollection;
  rxCollection: RxCollection<T>;
  transport: SyncTransport;
  batchSize: number;
  /** How long RxDB waits before retrying a failed pull. */
  retryTime: number;
};

/**
 * The transport validated every document against this collection's zod schema, and the stored
 * document type is that schema's type, so the documents can be handed to RxDB as they are.
 */
const asStored = <T>(documents: SyncDocument<SyncCollection>[]): WithDeleted<T>[] =>
  documents as unknown as WithDeleted<T>[];

/**
 * A reset means the server's epoch changed (new database, or the agent's scope moved): what we
 * hold may include documents we may no longer see, so the collection is emptied and pulled again
 * from the start. A reset answered to a pull from scratch would loop, so it is ignored there.
 */
async function pullWithReset<T>(
  options: ReplicateOptions<T>,
  checkpoint: Checkpoint | undefined,
  limit: number,
) {
  const input = { collection: options.name, checkpoint: checkpoint ?? null, limit };
  let result = await options.transport.pull(input);
  if (result.reset && input.checkpoint !== null) {
    await options.rxCollection.find().remove();
    result = await options.transport.pull({ ...input, checkpoint: null });
  }
  return { documents: asStored<T>(result.documents), checkpoint: result.checkpoint };
}

export function replicateCollection<T>(options: ReplicateOptions<T>): CollectionReplication {
  const stream$ = new Subject<RxReplicationPullStreamItem<T, Checkpoint>>();
  const state = replicateRxCollection<T, Checkpoint>({
    replicationIdentifier: `atendo-sync-${options.name}`,
    collection: options.rxCollection,
    live: true,
    retryTime: options.retryTime,
    waitForLeadership: false,
    autoStart: false,
    // The agent's window may be hidden for hours while it must keep receiving conversations.
    toggleOnDocumentVisible: false,
    pull: {
      batchSize: options.batchSize,
      stream$: stream$.asObservable(),
      handler: (checkpoint, limit) => pullWithReset(options, checkpoint, limit),
    },
  });
  return {
    collection: options.name,
    state: state as unknown as RxReplicationState<unknown, Checkpoint>,
    emit: (item) => {
      stream$.next(item as RxReplicationPullStreamItem<T, Checkpoint>);
    },
  };
}
