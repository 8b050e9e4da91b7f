import type { DeepReadonly } from 'rxdb';
import type { Message } from '@atendo/shared/schemas/message';
import type { OutboxRecord } from '../store/local-schemas';
import { useObservable } from './use-observable';
import { useWorkspace } from './workspace-context';

const NO_MESSAGES: DeepReadonly<Message>[] = [];
const NO_ITEMS: OutboxRecord[] = [];

/** How many recent messages a conversation shows; history beyond it is in the history view. */
export const TIMELINE_LIMIT = 300;

/**
 * The conversation's replicated messages plus what this machine has not delivered yet. An outbox
 * item disappears once its message arrives through replication, so nothing shows twice.
 */
export function useTimeline(conversationId: string) {
  const { store } = useWorkspace();
  const messages = useObservable(
    () => store.latestMessages$(conversationId, TIMELINE_LIMIT),
    NO_MESSAGES,
    [store, conversationId],
  );
  const outbox = useObservable(() => store.conversationOutbox$(conversationId), NO_ITEMS, [
    store,
    conversationId,
  ]);
  const delivered = new Set(messages.flatMap((m) => (m.clientId === null ? [] : [m.clientId])));
  return { messages, outbox: outbox.filter((item) => !delivered.has(item.id)) };
}
