import { useState } from 'react';
import { map } from 'rxjs';
import type { DeepReadonly } from 'rxdb';
import type { Message } from '@atendo/shared/schemas/message';
import type { OutboxRecord } from '../store/local-schemas';
import {
  TIMELINE_FIRST_PAGE,
  TIMELINE_PAGE,
  messageWindow,
} from '../screens/workspace/conversation/timeline-scroll';
import { useObservable } from './use-observable';
import { useWorkspace } from './workspace-context';

const NO_ITEMS: OutboxRecord[] = [];

/** How many recent messages a conversation opens with; older ones load as the agent scrolls up. */
export const TIMELINE_LIMIT = TIMELINE_FIRST_PAGE;

type Loaded = {
  conversationId: string;
  limit: number;
  messages: readonly DeepReadonly<Message>[];
  hasOlder: boolean;
};

const NOTHING_LOADED: Loaded = { conversationId: '', limit: 0, messages: [], hasOlder: false };

/**
 * The conversation's replicated messages, newest `limit` of them, plus what this machine has not
 * delivered yet. An outbox item disappears once its message arrives through replication, so
 * nothing shows twice. `loadOlder` raises the limit by a page; every message of the agent's
 * conversations is in the local store, so older pages come from it without the network.
 */
export function useTimeline(conversationId: string) {
  const { store } = useWorkspace();
  const [requested, setRequested] = useState({ conversationId, limit: TIMELINE_FIRST_PAGE });
  const limit = requested.conversationId === conversationId ? requested.limit : TIMELINE_FIRST_PAGE;
  const loaded = useObservable<Loaded>(
    () =>
      store
        .latestMessages$(conversationId, limit + 1)
        .pipe(map((list) => ({ conversationId, limit, ...messageWindow(list, limit) }))),
    NOTHING_LOADED,
    [store, conversationId, limit],
  );
  const outbox = useObservable(() => store.conversationOutbox$(conversationId), NO_ITEMS, [
    store,
    conversationId,
  ]);
  // Another conversation's answer is never shown; a smaller page of this one stays on screen
  // while the bigger page is read, rather than flashing an empty timeline.
  const current = loaded.conversationId === conversationId;
  const messages = current ? loaded.messages : NOTHING_LOADED.messages;
  const delivered = new Set(messages.flatMap((m) => (m.clientId === null ? [] : [m.clientId])));
  const loadOlder = () => {
    setRequested({ conversationId, limit: limit + TIMELINE_PAGE });
  };
  return {
    messages,
    outbox: outbox.filter((item) => !delivered.has(item.id)),
    hasOlder: current && loaded.hasOlder,
    loadingOlder: current && loaded.limit < limit,
    loadOlder,
  };
}
