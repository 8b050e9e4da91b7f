import type { Response } from 'express';
import type { Logger } from 'pino';
import type { VisitorConversationState, VisitorEvent } from './protocol';
import type { VisitorSnapshot } from './ports';
import { visitorMessage } from './visitor-view';

type Visitor = { channelId: string; address: string };
type Stream = {
  visitor: Visitor;
  connections: Set<Response>;
  sentIds: Set<string>;
  state: VisitorConversationState | null;
  refreshing: Promise<void> | null;
  again: boolean;
};

export type VisitorHub = ReturnType<typeof createVisitorHub>;

const keyOf = ({ channelId, address }: Visitor): string => `${channelId}\u0000${address}`;

const write = (res: Response, event: VisitorEvent): void => {
  res.write(`event: visitor\ndata: ${JSON.stringify(event)}\n\n`);
};

/**
 * Live connections of web chat visitors (Server-Sent Events). It pushes by re-reading each
 * connected visitor's conversation after a change and sending what the visitor has not seen,
 * so a message sent while the visitor was offline still arrives, and nothing is pushed twice on
 * one connection. The visitor's client loads the transcript on (re)connect for the rest.
 */
export function createVisitorHub(deps: {
  snapshot: (channelId: string, address: string) => Promise<VisitorSnapshot>;
  csatPrompt: (visitor: Visitor) => Promise<string>;
  logger: Logger;
}) {
  const streams = new Map<string, Stream>();

  async function push(stream: Stream): Promise<void> {
    const { conversation, messages, agentNames } = await deps.snapshot(
      stream.visitor.channelId,
      stream.visitor.address,
    );
    if (!conversation) return;
    const send = (event: VisitorEvent) => {
      for (const res of stream.connections) write(res, event);
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

  return {
    /** Attaches an SSE response; the first push carries the current state. */
    connect(visitor: Visitor, res: Response): Promise<void> {
      const key = keyOf(visitor);
      let stream = streams.get(key);
      if (!stream) {
        stream = {
          ...{ visitor, connections: new Set<Response>(), sentIds: new Set<string>() },
          ...{ state: null, refreshing: null, again: false },
        };
        streams.set(key, stream);
      }
      const current = stream;
      current.connections.add(res);
      res.on('close', () => {
        current.connections.delete(res);
        if (current.connections.size === 0) streams.delete(key);
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
    /** Ends every stream, for a clean server shutdown. */
    closeAll(): void {
      for (const stream of streams.values()) for (const res of stream.connections) res.end();
      streams.clear();
    },
  };
}
