import { useEffect, useSyncExternalStore } from 'react';
import { useSyncStatus } from './use-sync-status';
import { useWorkspace } from './workspace-context';

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
};

/** What the browser knows about the network: it can tell before a socket times out. */
export function useBrowserOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine);
}

/**
 * When the network comes back, deliver the outbox at once and resync every collection, so the
 * agent never answers from stale data and never waits for a retry timer to expire.
 */
export function useReconnectOnOnline(): void {
  const { store } = useWorkspace();
  useEffect(() => {
    const onOnline = () => {
      store.resync();
      void store.flushOutbox();
    };
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
    };
  }, [store]);
}

/**
 * Whether this machine is connected to the server now: the browser has a network and the live
 * stream is up (status `offline` means the stream is down). Presence and "will be sent when the
 * connection is back" read this.
 */
export function useConnected(): boolean {
  const online = useBrowserOnline();
  const status = useSyncStatus();
  return online && status !== 'offline';
}
