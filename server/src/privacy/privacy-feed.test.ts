import { describe, expect, it } from 'vitest';
import { syncDocumentSchema, type SyncCollection } from '@atendo/shared/sync/protocol';
import { z } from 'zod';
import { loadAgent } from '../repo/directory';
import { takeConversation } from '../services/take-conversation';
import { pullAll, StreamRecorder, type TestClient } from '../sync/test-client';
import { ANA, CARLA, useSyncServer } from '../sync/test-fixture';
import { runRetention } from './retention';
import { ADMIN } from './test-support';

const f = useSyncServer();
const DAY = 86_400_000;

/** What the desktop's store does with every document it receives (store/sync-wire.ts). */
const asTheClientParses = (collection: SyncCollection, documents: unknown[]) =>
  z.array(syncDocumentSchema(collection)).parse(documents);

async function holds(client: TestClient, collection: SyncCollection, ids: readonly string[]) {
  const pulled = await pullAll(client, collection);
  return pulled.documents.filter((d) => ids.includes(d.id) && !d._deleted).map((d) => d.id);
}

describe('erasure through the change feed', () => {
  it("removes the contact, its conversations and messages from every connected agent's store", async () => {
    const ana = await f.signIn(ANA);
    const carla = await f.signIn(CARLA);
    const admin = await f.signIn(ADMIN);
    const agent = await loadAgent(f.app.db, 'agent-ana');
    if (agent === null) throw new Error('the seed lost Ana');
    await takeConversation(f.app.deps, agent, 'conv-pedro-1');
    const messageIds = (
      await f.app.db
        .selectFrom('messages')
        .select('id')
        .where('conversation_id', '=', 'conv-pedro-1')
        .execute()
    ).map((m) => m.id);
    expect(await holds(ana, 'messages', messageIds)).toHaveLength(messageIds.length);
    const anaMessages = await pullAll(ana, 'messages');
    const streams = [new StreamRecorder(ana), new StreamRecorder(carla)];
    for (const s of streams) await s.until((r) => r.count('connected') === 1);

    await admin.trpc.privacy.erase.mutate({
      contactId: 'contact-pedro',
      confirmName: 'Pedro Santos',
      force: true,
    });

    for (const stream of streams) {
      await stream.until(
        (s) =>
          s.documents('contacts').some((d) => d.id === 'contact-pedro' && d._deleted) &&
          s.documents('conversations').some((d) => d.id === 'conv-pedro-1' && d._deleted) &&
          messageIds.every((id) => s.documents('messages').some((d) => d.id === id && d._deleted)),
      );
      for (const collection of ['contacts', 'conversations', 'messages'] as const) {
        const docs = stream.documents(collection);
        asTheClientParses(collection, docs);
        expect(docs.every((d) => d._deleted)).toBe(true);
        expect(JSON.stringify(docs)).not.toMatch(/Pedro|Santos|fatura|987650003/);
      }
      await stream.stop();
    }
    // An agent who was offline catches up by pulling, and one who starts afresh gets nothing.
    const catchUp = await pullAll(ana, 'messages', anaMessages.checkpoint);
    expect(catchUp.documents.map((d) => d.id).sort()).toEqual([...messageIds].sort());
    expect(catchUp.documents.every((d) => d._deleted)).toBe(true);
    asTheClientParses('messages', catchUp.documents);
    expect(await holds(ana, 'contacts', ['contact-pedro'])).toEqual([]);
    expect(await holds(ana, 'conversations', ['conv-pedro-1'])).toEqual([]);
    expect(await holds(carla, 'messages', messageIds)).toEqual([]);
  });
});

describe('retention through the change feed', () => {
  it('drops conversations past their period from the stores that hold them', async () => {
    // Stores hold closed conversations for a week by default; Maria's closed ten days ago.
    f.app.config.syncWorkingSet = {
      ...f.app.config.syncWorkingSet,
      closedWindowMs: 30 * 86_400_000,
    };
    const ana = await f.signIn(ANA);
    const admin = await f.signIn(ADMIN);
    expect(await holds(ana, 'conversations', ['conv-maria-1'])).toEqual(['conv-maria-1']);
    const messageIds = (
      await f.app.db
        .selectFrom('messages')
        .select('id')
        .where('conversation_id', '=', 'conv-maria-1')
        .execute()
    ).map((m) => m.id);
    const stream = new StreamRecorder(ana);
    await stream.until((r) => r.count('connected') === 1);
    await admin.trpc.privacy.setRetention.mutate({ conversationMonths: 1, fileDays: null });
    // Maria's conversation closed 10 days before the start; João's 5 days before.
    f.app.clock.advance(25 * DAY);

    expect(await runRetention(f.app.deps, f.app.clock.now())).toEqual({
      conversations: 1,
      files: 0,
    });

    await stream.until(
      (s) =>
        s.documents('conversations').some((d) => d.id === 'conv-maria-1' && d._deleted) &&
        messageIds.every((id) => s.documents('messages').some((d) => d.id === id && d._deleted)),
    );
    asTheClientParses('messages', stream.documents('messages'));
    asTheClientParses('conversations', stream.documents('conversations'));
    expect(JSON.stringify(stream.documents('messages'))).not.toContain('aplicativo');
    await stream.stop();
    // A fresh sign-in: the first session expired while the clock moved on.
    expect(await holds(await f.signIn(ANA), 'conversations', ['conv-maria-1'])).toEqual([]);
    const left = await f.app.db
      .selectFrom('conversations')
      .select('id')
      .where('id', 'in', ['conv-maria-1', 'conv-joao-1'])
      .execute();
    expect(left).toEqual([{ id: 'conv-joao-1' }]);
  });
});
