import type { SyncStatus } from '../store/sync-engine';
import { useObservable } from './use-observable';
import { useWorkspace } from './workspace-context';

/** online, offline, syncing or error, from the store's replication engine. */
export function useSyncStatus(): SyncStatus {
  const { store } = useWorkspace();
  return useObservable(() => store.status$, 'syncing', [store]);
}
