import type { Conversation } from '../schemas/conversation';
import { selectWorkingSet, type WorkingSetScope, type WorkingSetSettings } from './working-set';

/*
 * What the local store removes when documents leave the agent's working set: decided here from
 * what the store holds, so eviction needs no request per document. The server never sends a
 * removal for a conversation that merely aged out of the history window; the client applies the
 * same rules the server's snapshot used (working-set.ts) and drops it with its messages.
 */

type HeldConversation = Pick<
  Conversation,
  'id' | 'state' | 'teamId' | 'ownerId' | 'participantIds' | 'closedAt' | 'contactId'
>;

export type EvictionInput = {
  conversations: readonly HeldConversation[];
  /** Messages held per conversation id (only those with messages need an entry). */
  messageCounts: ReadonlyMap<string, number>;
  contacts: readonly { id: string; updatedAt: number }[];
  /** Conversations with a draft or an outbox item: never evicted, whatever their age. */
  protectedConversationIds: ReadonlySet<string>;
  /** Contacts with an unsent edit. */
  protectedContactIds: ReadonlySet<string>;
  scope: WorkingSetScope;
  now: number;
  settings: WorkingSetSettings;
  /** Contacts no held conversation references that may stay (found by a search, say). */
  cachedContacts: number;
};

/** Conversation ids go with all their messages; message ids of unknown conversations too. */
export type EvictionPlan = { conversationIds: string[]; contactIds: string[] };

export function planEviction(input: EvictionInput): EvictionPlan {
  const kept = selectWorkingSet(input.conversations, input.scope, input.now, input.settings);
  for (const id of input.protectedConversationIds) kept.add(id);
  const evicted = new Set(input.conversations.filter((c) => !kept.has(c.id)).map((c) => c.id));
  // Messages whose conversation the store does not hold belong to nothing on screen.
  const held = new Set(input.conversations.map((c) => c.id));
  for (const id of input.messageCounts.keys()) if (!held.has(id)) evicted.add(id);
  trimToMessageBound(input, kept, evicted);
  return { conversationIds: [...evicted].sort(), contactIds: contactsToEvict(input, evicted) };
}

/** Past the message bound the oldest closed conversations go, whole; open ones never. */
function trimToMessageBound(input: EvictionInput, kept: Set<string>, evicted: Set<string>) {
  let total = 0;
  for (const [id, count] of input.messageCounts) if (!evicted.has(id)) total += count;
  const closed = input.conversations
    .filter(
      (c) => kept.has(c.id) && c.state === 'closed' && !input.protectedConversationIds.has(c.id),
    )
    .sort((a, b) => (a.closedAt ?? 0) - (b.closedAt ?? 0) || (a.id < b.id ? -1 : 1));
  for (const conversation of closed) {
    if (total <= input.settings.maxMessages) return;
    total -= input.messageCounts.get(conversation.id) ?? 0;
    evicted.add(conversation.id);
  }
}

function contactsToEvict(input: EvictionInput, evicted: ReadonlySet<string>): string[] {
  const referenced = new Set(input.protectedContactIds);
  for (const c of input.conversations) if (!evicted.has(c.id)) referenced.add(c.contactId);
  const budget = Math.max(
    0,
    Math.min(input.cachedContacts, input.settings.maxContacts - referenced.size),
  );
  const unreferenced = input.contacts
    .filter((c) => !referenced.has(c.id))
    .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
  return unreferenced
    .slice(budget)
    .map((c) => c.id)
    .sort();
}
