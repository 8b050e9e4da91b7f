import type { StreamEvent } from '@atendo/shared/sync/protocol';
import type { SyncTransport, Unsubscribe } from './transport';

export type ChangesEvent = Extract<StreamEvent, { type: 'changes' }>;
export type HeartbeatEvent = Extract<StreamEvent, { type: 'heartbeat' }>;

/** Schedules `run` after `ms`; returns what cancels it. Injected so tests control time. */
export type SetTimer = (run: () => void, ms: number) => () => void;

export const realTimer: SetTimer = (run, ms) => {
  const handle = setTimeout(run, ms);
  return () => {
    clearTimeout(handle);
  };
};

/** 0.5 s, 1 s, 2 s, … capped at 30 s: a restarting server is not hammered by every agent. */
export const exponentialBackoff = (attempt: number): number =>
  Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));

export type StreamHubOptions = {
  transport: SyncTransport;
  onChanges: (event: ChangesEvent) => void;
  /** Every collection must pull again: on (re)connection, lag, scope change or stream failure. */
  onResync: (reason: string) => void;
  onConnectionChange: (connected: boolean) => void;
  /** The server's heartbeat with its sequences; a new connection starts with none seen. */
  onHeartbeat?: (event: HeartbeatEvent) => void;
  retryDelayMs: (attempt: number) => number;
  setTimer: SetTimer;
};

/**
 * The one subscription to `sync.stream` shared by every replicated collection. A stream that
 * fails is always re-established with backoff, and the failure itself triggers a resync, because
 * changes committed while it was down would otherwise never reach this client: a failed stream
 * must never stop silently.
 */
export function startStreamHub(options: StreamHubOptions): { stop: () => void } {
  let generation = 0;
  let attempt = 0;
  let stopped = false;
  let unsubscribe: Unsubscribe = () => undefined;
  let cancelRetry: () => void = () => undefined;

  const fail = (forGeneration: number) => {
    if (stopped || forGeneration !== generation) return;
    generation += 1;
    unsubscribe();
    options.onConnectionChange(false);
    options.onResync('stream-error');
    cancelRetry = options.setTimer(subscribe, options.retryDelayMs(attempt));
    attempt += 1;
  };

  function subscribe(): void {
    if (stopped) return;
    const current = generation;
    let connected = false;
    const onEvent = (event: StreamEvent) => {
      if (stopped || current !== generation) return;
      if (!connected) {
        connected = true;
        attempt = 0;
        options.onConnectionChange(true);
      }
      if (event.type === 'resync') options.onResync(event.reason);
      else if (event.type === 'heartbeat') options.onHeartbeat?.(event);
      else options.onChanges(event);
    };
    try {
      unsubscribe = options.transport.stream(onEvent, () => {
        fail(current);
      });
    } catch {
      unsubscribe = () => undefined;
      fail(current);
    }
  }

  subscribe();
  return {
    stop: () => {
      stopped = true;
      cancelRetry();
      unsubscribe();
    },
  };
}
