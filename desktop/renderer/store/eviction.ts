import type { Actor } from '@atendo/shared/schemas/agent';
import { agentAudienceKeys } from '@atendo/shared/sync/audience';
import { planEviction, type EvictionPlan } from '@atendo/shared/sync/eviction';
import type { WorkingSetSettings } from '@atendo/shared/sync/working-set';
import type { AtendoDatabase } from './database';

/*
 * Applies shared/src/sync/eviction.ts to the local store: what has left the agent's working set
 * (aged out of the history window, left the scope without a removal reaching this store, past
 * the size bounds) is removed here, in a few bulk writes, with no request to the server.
 * Drafts and the outbox are never touched, and what they refer to stays.
 */

export type EvictionOptions = {
  db: AtendoDatabase;
  agent: Actor;
  now: number;
  settings: WorkingSetSettings;
  /** Contacts outside every held conversation that may stay (found by a server search). */
  cachedContacts: number;
};

const CHUNK = 500;
const CONTACT_EDIT_PREFIX = 'contact:';

async function messageCounts(db: AtendoDatabase, ids: readonly string[]) {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const count = await db.messages.count({ selector: { conversationId: id } }).exec();
    if (count > 0) counts.set(id, count);
  }
  return counts;
}

async function protectedIds(db: AtendoDatabase) {
  const conversations = new Set<string>();
  const contacts = new Set<string>();
  for (const draft of await db.drafts.find().exec()) conversations.add(draft.id);
  for (const item of await db.outbox.find().exec()) {
    if (item.conversationId !== null) conversations.add(item.conversationId);
    if (item.queueKey.startsWith(CONTACT_EDIT_PREFIX)) {
      contacts.add(item.queueKey.slice(CONTACT_EDIT_PREFIX.length));
    }
  }
  return { conversations, contacts };
}

async function apply(db: AtendoDatabase, plan: EvictionPlan): Promise<void> {
  for (let at = 0; at < plan.conversationIds.length; at += CHUNK) {
    const ids = plan.conversationIds.slice(at, at + CHUNK);
    await db.messages.find({ selector: { conversationId: { $in: ids } } }).remove();
    await db.conversations.bulkRemove(ids);
  }
  for (let at = 0; at < plan.contactIds.length; at += CHUNK) {
    await db.contacts.bulkRemove(plan.contactIds.slice(at, at + CHUNK));
  }
  // Removed documents stay as tombstones until purged; the store's size is what is on disk.
  await Promise.all([db.messages.cleanup(0), db.conversations.cleanup(0), db.contacts.cleanup(0)]);
}

/** Evicts what has left the working set; returns what was removed. */
export async function evictOutsideWorkingSet(options: EvictionOptions): Promise<EvictionPlan> {
  const { db } = options;
  const conversations = (await db.conversations.find().exec()).map((doc) => doc.toMutableJSON());
  const contacts = (await db.contacts.find().exec()).map((doc) => ({
    id: doc.id,
    updatedAt: doc.updatedAt,
  }));
  const guarded = await protectedIds(db);
  const plan = planEviction({
    conversations,
    messageCounts: await messageCounts(
      db,
      conversations.map((c) => c.id),
    ),
    contacts,
    protectedConversationIds: guarded.conversations,
    protectedContactIds: guarded.contacts,
    scope: { agentId: options.agent.id, keys: new Set(agentAudienceKeys(options.agent)) },
    now: options.now,
    settings: options.settings,
    cachedContacts: options.cachedContacts,
  });
  await apply(db, plan);
  return plan;
}
