/**
 * Whether a live stream has fallen behind the server, from two consecutive heartbeats. Each
 * heartbeat says how far the fan-out has routed changes (`seq`) and what the feed's head was
 * (`head`). A healthy fan-out delivers within milliseconds, so when the latest heartbeat's
 * `seq` is still below the head the previous one reported, changes committed a whole heartbeat
 * interval ago have not reached this client: its screens may be stale, and it pulls instead.
 */
export type StreamHeartbeat = { seq: number; head: number };

export type StalenessDecision =
  { stale: false } | { stale: true; reason: 'fan-out-behind'; missing: number };

export function streamStaleness(
  previous: StreamHeartbeat | null,
  latest: StreamHeartbeat,
): StalenessDecision {
  if (previous === null || latest.seq >= previous.head) return { stale: false };
  return { stale: true, reason: 'fan-out-behind', missing: previous.head - latest.seq };
}
