import type { Actor } from '@atendo/shared/schemas/agent';
import type { StreamEvent } from '@atendo/shared/sync/protocol';
import type { SyncFanout } from './fanout';

/**
 * One agent's live stream. It registers with the fan-out before saying `connected`, so a pull
 * the client starts on that event already overlaps everything the stream will push; then it
 * relays the subscriber's queue until the client unsubscribes or the connection closes.
 */
export async function* streamChanges(
  fanout: SyncFanout,
  actor: Actor,
  signal: AbortSignal | undefined,
): AsyncGenerator<StreamEvent, void, undefined> {
  const subscription = await fanout.subscribe(actor);
  try {
    yield { type: 'resync', reason: 'connected' };
    for (;;) {
      const event = await subscription.queue.next(signal);
      if (event === null) return;
      yield event;
    }
  } finally {
    subscription.close();
  }
}
