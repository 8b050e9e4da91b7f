import type { SessionEndReason } from '@atendo/shared/sync/protocol';
import type { Database } from '../db/database';

/** One open live stream as the hub knows it: whose session it runs on, and how to end it. */
export type LiveSession = {
  /** The session's id: the hash of its token (sessions.token_hash). */
  readonly sessionId: string;
  /** Known once the token was looked up; null while the stream's hello is being checked. */
  agentId: string | null;
  /** Closes the stream at once, telling the client why (a 4401 close with this reason). */
  end(reason: SessionEndReason): void;
};

/**
 * The live streams of this server node, by session and by agent, so that ending a session
 * (sign-out, an admin's deactivation or password reset) closes its streams at once instead of
 * leaving them to carry message text until the client reconnects.
 *
 * The hub is in memory and knows this node's streams only. Several nodes may serve one database
 * (docs/architecture.md): a session ended on another node is found by the session check every
 * stream runs at each heartbeat (stream-socket.ts, revalidateLiveSessions), so a stream on
 * another node closes at most one heartbeat (STREAM_HEARTBEAT_MS) after the session ended.
 * The same check closes streams whose session expired, should the expiry timer be late.
 */
export class SessionHub {
  private readonly bySession = new Map<string, Set<LiveSession>>();

  /** Starts tracking a stream; the returned function forgets it (call it when it closes). */
  register(live: LiveSession): () => void {
    let streams = this.bySession.get(live.sessionId);
    if (streams === undefined) {
      streams = new Set();
      this.bySession.set(live.sessionId, streams);
    }
    streams.add(live);
    return () => {
      const current = this.bySession.get(live.sessionId);
      current?.delete(live);
      if (current?.size === 0) this.bySession.delete(live.sessionId);
    };
  }

  /** Ends every stream of one session; answers how many were open. */
  endSession(sessionId: string, reason: SessionEndReason): number {
    const streams = [...(this.bySession.get(sessionId) ?? [])];
    this.bySession.delete(sessionId);
    for (const stream of streams) stream.end(reason);
    return streams.length;
  }

  /**
   * Ends every stream of an agent, whatever the session. Streams whose hello is still being
   * checked have no agent yet: the caller also ends the agent's sessions by id, and a stream
   * that is neither here nor there finds its session gone when the check completes.
   */
  endAgent(agentId: string, reason: SessionEndReason): number {
    const streams = [...this.bySession.values()].flatMap((set) =>
      [...set].filter((stream) => stream.agentId === agentId),
    );
    for (const stream of streams) {
      this.bySession.get(stream.sessionId)?.delete(stream);
      stream.end(reason);
    }
    for (const [id, set] of this.bySession) if (set.size === 0) this.bySession.delete(id);
    return streams.length;
  }

  /** The sessions with an open stream on this node, for the heartbeat's session check. */
  sessionIds(): string[] {
    return [...this.bySession.keys()];
  }

  get streamCount(): number {
    let count = 0;
    for (const set of this.bySession.values()) count += set.size;
    return count;
  }
}

const hubs = new WeakMap<Database, SessionHub>();

/**
 * The hub of one app, keyed by its database handle (one per app instance), so sign-out in a
 * procedure, the admin's deactivation and the stream server reach the same one without being
 * wired together.
 */
export function sessionHubFor(db: Database): SessionHub {
  let hub = hubs.get(db);
  if (hub === undefined) {
    hub = new SessionHub();
    hubs.set(db, hub);
  }
  return hub;
}
