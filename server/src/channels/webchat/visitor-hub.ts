import type { Response } from 'express';
import type { Logger } from 'pino';
import { every, realTimer, type SetTimer } from '../../sync/stream-timer';
import type { SessionEndEvent, VisitorConversationState, VisitorEvent } from './protocol';
import type { VisitorSnapshot } from './ports';
import { visitorMessage } from './visitor-view';

type Visitor = { channelId: string; address: string };
type Stream = {
  visitor: Visitor;
  /** Each open response, with when the token that opened it expires (epoch ms). */
  connections: Map<Response, number>;
  sentIds: Set<string>;
  state: VisitorConversationState | null;
  refreshing: Promise<void> | null;
  again: boolean;
};

export type VisitorHub = ReturnType<typeof createVisitorHub>;

/** Proxies drop idle connections; a comment line this often keeps every stream open. */
export const VISITOR_HEARTBEAT_MS = 25_000;

const keyOf = ({ channelId, address }: Visitor): string => `${channelId}\u0000${address}`;

const write = (res: Response, event: VisitorEvent): void => {
  res.write(`event: visitor\ndata: ${JSON.stringify(event)}\n\n`);
};

/**
 * The stream's last words: its own event name, so a widget older than it ignores it and just
 * sees the stream close (its reconnect then meets the 401 and shows the form anyway).
 */
const endWith = (res: Response, event: SessionEndEvent): void => {
  res.write(`event: session-end\ndata: ${JSON.stringify(event)}\n\n`);
  res.end();
};

/**
 * Live connections of web chat visitors (Server-Sent Events). It pushes by re-reading each
 * connected visitor's conversation after a change and sending what the visitor has not seen,
 * so a message sent while the visitor was offline still arrives, and nothing is pushed twice on
 * one connection. The visitor's client loads the transcript on (re)connect for the rest.
 *
 * A token checked once at connect would keep a stream alive past the token's expiry, so every
 * heartbeat and every push first ends the connections whose token has expired by the injected
 * clock. A heartbeat rather than a timer per connection: tokens live for weeks, longer than a
 * Node timer can wait, and the check then follows the same clock as every request's check.
 */
export function createVisitorHub(deps: {
  snapshot: (channelId: string, address: string) => Promise<VisitorSnapshot>;
  csatPrompt: (visitor: Visitor) => Promise<string>;
  now: () => number;
  logger: Logger;
  /** Runs the heartbeat; tests pass a manual timer. */
  setTimer?: SetTimer;
}) {
  const streams = new Map<string, Stream>();

  function forget(stream: Stream, res: Response): void {
    stream.connections.delete(res);
    const key = keyOf(stream.visitor);
    if (stream.connections.size === 0 && streams.get(key) === stream) streams.delete(key);
  }

  /** Ends this stream's connections whose token has expired; true when none is left. */
  function endExpired(stream: Stream, now: number): boolean {
    for (const [res, expiresAt] of stream.connections) {
      if (now < expiresAt) continue;
      forget(stream, res);
      endWith(res, { reason: 'expired' });
    }
    return stream.connections.size === 0;
  }

  async function push(stream: Stream): Promise<void> {
    if (endExpired(stream, deps.now())) return;
    const { conversation, messages, agentNames } = await deps.snapshot(
      stream.visitor.channelId,
      stream.visitor.address,
    );
    if (!conversation) return;
    const send = (event: VisitorEvent) => {
      for (const res of stream.connections.keys()) write(res, event);
    };
    for (const message of messages) {
      if (stream.sentIds.has(message.id)) continue;
      stream.sentIds.add(message.id);
      const view = visitorMessage(message, (id) => agentNames.get(id) ?? null);
      if (view) send({ type: 'message', conversationId: conversation.id, message: view });
    }
    if (conversation.state !== stream.state) {
      stream.state = conversation.state;
      send({ type: 'state', conversationId: conversation.id, state: conversation.state });
      if (conversation.state === 'awaiting_csat') {
        const prompt = await deps.csatPrompt(stream.visitor);
        send({ type: 'csat', conversationId: conversation.id, prompt });
      }
    }
  }

  /** Serialises refreshes per visitor; a change during one refresh schedules exactly one more. */
  function refreshStream(stream: Stream): Promise<void> {
    if (stream.refreshing) {
      stream.again = true;
      return stream.refreshing;
    }
    stream.refreshing = push(stream)
      .catch((error: unknown) => {
        deps.logger.error({ err: error }, 'webchat: pushing to a visitor failed');
      })
      .finally(() => {
        stream.refreshing = null;
        if (stream.again) {
          stream.again = false;
          void refreshStream(stream);
        }
      });
    return stream.refreshing;
  }

  /** Ends what has expired and keeps the rest open through proxies. */
  function heartbeat(): void {
    const now = deps.now();
    for (const stream of [...streams.values()]) {
      if (endExpired(stream, now)) continue;
      for (const res of stream.connections.keys()) res.write(': keep-alive\n\n');
    }
  }

  const stopHeartbeat = every(deps.setTimer ?? realTimer, VISITOR_HEARTBEAT_MS, heartbeat);

  return {
    /**
     * Attaches an SSE response opened with a token valid until `expiresAt`; the first push
     * carries the current state.
     */
    connect(visitor: Visitor, res: Response, expiresAt: number): Promise<void> {
      const key = keyOf(visitor);
      let stream = streams.get(key);
      if (!stream) {
        stream = {
          ...{ visitor, connections: new Map<Response, number>(), sentIds: new Set<string>() },
          ...{ state: null, refreshing: null, again: false },
        };
        streams.set(key, stream);
      }
      const current = stream;
      current.connections.set(res, expiresAt);
      res.on('close', () => {
        forget(current, res);
      });
      // A fresh connection must learn the state even when another tab already knows it.
      current.state = null;
      return refreshStream(current);
    },
    refresh(visitor: Visitor): Promise<void> {
      const stream = streams.get(keyOf(visitor));
      return stream ? refreshStream(stream) : Promise.resolve();
    },
    refreshAll(): Promise<void> {
      return Promise.all([...streams.values()].map(refreshStream)).then(() => undefined);
    },
    /** What the heartbeat timer runs; exposed so tests can run it right after moving the clock. */
    heartbeat,
    /** How many visitor connections are open, for tests and diagnostics. */
    connectionCount: (): number =>
      [...streams.values()].reduce((sum, stream) => sum + stream.connections.size, 0),
    /** Ends every stream and the heartbeat, for a clean server shutdown. */
    closeAll(): void {
      stopHeartbeat();
      for (const stream of streams.values()) for (const res of stream.connections.keys()) res.end();
      streams.clear();
    },
  };
}
