import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '@atendo/shared/schemas/agent';
import { DEFAULT_WORKING_SET } from '@atendo/shared/sync/working-set';
import { baseMessage } from './testing/fake-server';
import { contact, conversation } from './testing/fixtures';
import { closeAllStores, setupStore } from './testing/harness';

afterEach(closeAllStores);

const DAY = 86_400_000;
const agent: Actor = { id: 'a1', role: 'agent', teamIds: ['team-1'], permissions: [] };

describe('eviction', () => {
  it('drops what aged out of the working set with its messages, keeps what a draft holds', async () => {
    const { server, start, clock } = setupStore('eviction');
    const now = clock.now();
    const closed = (id: string, daysAgo: number) =>
      conversation(id, { state: 'closed', closedAt: now - daysAgo * DAY, contactId: `k-${id}` });
    server.put('conversations', conversation('open', { state: 'active', ownerId: 'a1' }));
    server.put('conversations', closed('recent', 2));
    server.put('conversations', closed('old', 9));
    server.put('conversations', closed('old-draft', 9));
    for (const id of ['open', 'recent', 'old', 'old-draft']) {
      server.put('messages', baseMessage(`${id}-m1`, id, now - DAY));
      server.put('contacts', contact(`k-${id}`));
    }
    server.put('contacts', contact('contact-1'));
    // Room for the referenced contacts only: none is kept as a cache of past searches.
    const workingSet = { ...DEFAULT_WORKING_SET, maxContacts: 3 };
    const store = await start({ agent, workingSet, evictEveryMs: 60_000 });
    await store.awaitInitialSync();
    await store.saveDraft('old-draft', 'ainda escrevendo');

    const plan = await store.evict();

    expect(plan?.conversationIds).toEqual(['old']);
    const ids = async (name: 'conversations' | 'messages' | 'contacts') =>
      (await store.db[name].find().exec()).map((d) => d.id).sort();
    expect(await ids('conversations')).toEqual(['old-draft', 'open', 'recent']);
    expect(await ids('messages')).toEqual(['old-draft-m1', 'open-m1', 'recent-m1']);
    // k-old's only conversation left, k-open has none (the open one is contact-1's).
    expect(await ids('contacts')).toEqual(['contact-1', 'k-old-draft', 'k-recent']);
    expect(await store.db.drafts.findOne('old-draft').exec()).not.toBeNull();
  });
});
