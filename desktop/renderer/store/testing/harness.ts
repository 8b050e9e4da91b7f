import { createLocalStore, type LocalStore, type LocalStoreOptions } from '../local-store';
import { FakeServer } from './fake-server';
import { manualClock, manualTimers, uniqueName } from './fixtures';

const openStores = new Set<LocalStore>();

/**
 * One fake server, clock and timer set per test, and a store factory that reopens the same
 * database, so a test can close the app and start it again.
 */
export function setupStore(label: string) {
  const clock = manualClock();
  const server = new FakeServer(clock.now);
  const timers = manualTimers();
  const name = uniqueName(label);
  const start = async (overrides: Partial<LocalStoreOptions> = {}): Promise<LocalStore> => {
    const store = await createLocalStore({
      name,
      transport: server.transport(),
      now: clock.now,
      setTimer: timers.setTimer,
      retryDelayMs: (attempt) => 1_000 * (attempt + 1),
      pullRetryMs: 10,
      batchSize: 100,
      ...overrides,
    });
    openStores.add(store);
    return store;
  };
  const close = async (store: LocalStore): Promise<void> => {
    openStores.delete(store);
    await store.close();
  };
  return { clock, server, timers, name, start, close };
}

/** RxDB's open-source build caps open collections per process: close every store after a test. */
export async function closeAllStores(): Promise<void> {
  const stores = [...openStores];
  openStores.clear();
  await Promise.all(stores.map((store) => store.close()));
}
