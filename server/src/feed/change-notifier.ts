import { EventEmitter } from 'node:events';

/**
 * Wakes live streams after a transaction that recorded changes has committed. One per app
 * instance; streams then read the feed from their own checkpoint, so a missed wake-up only
 * delays delivery until the next one.
 */
export type ChangeNotifier = {
  notify(): void;
  subscribe(listener: () => void): () => void;
};

export function createChangeNotifier(): ChangeNotifier {
  const emitter = new EventEmitter();
  // Every connected agent holds a listener; the default limit of 10 would warn on a busy server.
  emitter.setMaxListeners(0);
  return {
    notify: () => {
      emitter.emit('change');
    },
    subscribe: (listener) => {
      emitter.on('change', listener);
      return () => {
        emitter.off('change', listener);
      };
    },
  };
}
