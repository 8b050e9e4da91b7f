import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { RxStorage, RxStorageInstance, RxStorageInstanceCreationParams } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { PullInput } from '@atendo/shared/sync/protocol';
import { baseMessage } from './testing/fake-server';
import { until } from './testing/fixtures';
import { closeAllStores, setupStore } from './testing/harness';

afterEach(closeAllStores);

/**
 * The Dexie storage, counting the calls that read a whole collection back in change order
 * (what RxDB's replication upstream does after every resync).
 */
function countingStorage() {
  const base = getRxStorageDexie() as RxStorage<unknown, unknown>;
  const counts = { changedSince: 0 };
  const storage: RxStorage<unknown, unknown> = {
    ...base,
    createStorageInstance: async <T>(params: RxStorageInstanceCreationParams<T, unknown>) => {
      const instance = await base.createStorageInstance(params);
      const wrapped = Object.create(instance) as RxStorageInstance<T, unknown, unknown>;
      wrapped.getChangedDocumentsSince = (limit, checkpoint) => {
        counts.changedSince += 1;
        return (
          instance.getChangedDocumentsSince?.(limit, checkpoint) ??
          Promise.reject(new Error('no getChangedDocumentsSince'))
        );
      };
      return wrapped;
    },
  };
  return { storage, counts };
}

describe('live updates after a resync during the initial pull', () => {
  /*
   * Regression (bench/sync-browser.ts 10000,100000: "5 of 5 writes never arrived"): with RxDB's
   * replication plugin, the `connected` resync that reached a collection while its initial pull
   * was still writing made the plugin's upstream half walk every document written so far, 100
   * at a time, and the downstream accepted no stream event until that walk ended: with 100k
   * messages, live updates stopped for minutes. The store must apply the frame without reading
   * the collection back.
   */
  it('stores a live message without re-reading the collection', async () => {
    const { server, start } = setupStore('resync-mid-pull');
    for (let i = 0; i < 3_000; i++) server.put('messages', baseMessage(`m${i}`, 'c1', 1_000 + i));
    const transport = server.transport();
    const { storage, counts } = countingStorage();
    let resynced = false;
    let resync: () => void = () => undefined;
    const pull = (input: PullInput) => {
      // The resync arrives while the messages are still being pulled, as `connected` did.
      if (input.collection === 'messages' && (input.checkpoint?.seq ?? 0) >= 500 && !resynced) {
        resynced = true;
        resync();
      }
      return transport.pull(input);
    };
    const store = await start({ transport: { ...transport, pull }, storage });
    resync = store.resync;
    await store.awaitInitialSync();
    expect(resynced).toBe(true);
    server.put('messages', baseMessage('live', 'c1', 9_000));
    await until(store.db.messages.findOne('live').$, (doc) => doc !== null);
    await until(store.status$, (status) => status === 'online');
    expect(await store.db.messages.count().exec()).toBe(3_001);
    expect(counts.changedSince).toBe(0);
  });
});
