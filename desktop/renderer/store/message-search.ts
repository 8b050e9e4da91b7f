import type { Subscription } from 'rxjs';
import { foldForSearch } from '@atendo/shared/rules/fold';
import type { AtendoDatabase } from './database';

export { foldForSearch };

type Indexed = { id: string; conversationId: string; body: string };

/**
 * An in-memory index of the message bodies in the local store, per conversation, folded once
 * when a message arrives instead of on every keystroke. A search is then one `includes` per
 * stored message of the conversations asked about, with no IndexedDB read (measured in
 * message-search.test.ts). It holds the folded text of the local messages only: the store
 * keeps the agent's working set, not the company's history.
 */
export class MessageSearchIndex {
  private readonly byConversation = new Map<string, Map<string, string>>();

  put(message: Indexed): void {
    const bodies = this.byConversation.get(message.conversationId) ?? new Map<string, string>();
    this.byConversation.set(message.conversationId, bodies);
    if (message.body === '') bodies.delete(message.id);
    else bodies.set(message.id, foldForSearch(message.body));
  }

  remove(message: Pick<Indexed, 'id' | 'conversationId'>): void {
    this.byConversation.get(message.conversationId)?.delete(message.id);
  }

  /** The conversations among `conversationIds` with a message containing the folded needle. */
  matching(needle: string, conversationIds: Iterable<string>): Set<string> {
    const folded = foldForSearch(needle.trim());
    const found = new Set<string>();
    if (folded === '') return found;
    for (const id of conversationIds) {
      const bodies = this.byConversation.get(id);
      if (bodies === undefined) continue;
      for (const body of bodies.values()) {
        if (body.includes(folded)) {
          found.add(id);
          break;
        }
      }
    }
    return found;
  }

  get size(): number {
    let count = 0;
    for (const bodies of this.byConversation.values()) count += bodies.size;
    return count;
  }
}

/**
 * Keeps a `MessageSearchIndex` in step with the messages collection: loaded on the first search
 * (no cost for an agent who never searches), then updated by every insert, update and delete.
 */
export function createMessageSearch(db: AtendoDatabase) {
  const index = new MessageSearchIndex();
  let loading: Promise<void> | null = null;
  let changes: Subscription | null = null;

  const load = (): Promise<void> => {
    loading ??= (async () => {
      changes = db.messages.$.subscribe((event) => {
        const doc = event.documentData;
        if (event.operation === 'DELETE') index.remove(doc);
        else index.put(doc);
      });
      const docs = await db.messages.find().exec();
      for (const doc of docs) index.put(doc);
    })();
    return loading;
  };

  return {
    conversationsMatching: async (
      needle: string,
      conversationIds: readonly string[],
    ): Promise<Set<string>> => {
      await load();
      return index.matching(needle, conversationIds);
    },
    stop: (): void => {
      changes?.unsubscribe();
    },
  };
}
