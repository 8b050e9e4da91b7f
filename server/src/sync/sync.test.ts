import { describe, expect, it } from 'vitest';
import { SYNC_COLLECTIONS, syncDocumentSchema } from '@atendo/shared/sync/protocol';
import type { SyncCollection } from '@atendo/shared/sync/protocol';
import { loadAgent } from '../repo/directory';
import { takeConversation } from '../services/take-conversation';
import { pullAll, StreamRecorder } from './test-client';
import { ANA, BRUNO, CARLA, DIEGO, useSyncServer } from './test-fixture';
import { addMessage, addTag, openConversation, transfer } from './test-writes';

const f = useSyncServer();
const signIn = (email: string) => f.signIn(email);

/** Vendas' data: a queued conversation with a message, and a tag, beside the seeded catalogue. */
async function writeVendas(suffix: string): Promise<void> {
  await openConversation(f.app, {
    id: `conv-vendas-${suffix}`,
    contactId: 'contact-lucia',
    channelId: 'channel-webchat',
    teamId: 'team-vendas',
  });
  await addTag(f.app, `tag-vendas-${suffix}`, 'team-vendas');
}

/** Ids of everything that belongs to team Vendas only, per collection. */
async function vendasIds(): Promise<Record<SyncCollection, Set<string>>> {
  const ofTeam = async (table: 'conversations' | 'tags' | 'dispositions') =>
    (
      await f.app.db.selectFrom(table).select('id').where('team_id', '=', 'team-vendas').execute()
    ).map((r) => r.id);
  const conversations = await ofTeam('conversations');
  const messages = await f.app.db
    .selectFrom('messages')
    .select('id')
    .where('conversation_id', 'in', conversations)
    .execute();
  const templates = await f.app.db
    .selectFrom('templates')
    .select('id')
    .where('team_ids', '=', '["team-vendas"]')
    .execute();
  return {
    conversations: new Set(conversations),
    messages: new Set(messages.map((m) => m.id)),
    contacts: new Set(),
    templates: new Set(templates.map((t) => t.id)),
    tags: new Set(await ofTeam('tags')),
    dispositions: new Set(await ofTeam('dispositions')),
    directory: new Set(),
  };
}

describe('sync.pull', () => {
  it('gives an agent of Suporte nothing of Vendas, in any collection', async () => {
    await writeVendas('1');
    const ana = await signIn(ANA);
    const forbidden = await vendasIds();
    expect(forbidden.messages.size).toBeGreaterThan(0);
    expect(forbidden.templates.size).toBeGreaterThan(0);
    for (const collection of SYNC_COLLECTIONS) {
      const { documents } = await pullAll(ana, collection);
      for (const doc of documents) syncDocumentSchema(collection).parse(doc);
      const leaked = documents.filter((doc) => forbidden[collection].has(doc.id));
      expect(leaked, collection).toEqual([]);
    }
    const conversations = (await pullAll(ana, 'conversations')).documents.map((d) => d.id);
    // conv-maria-1 closed ten days ago: older than the working set's seven days.
    expect(conversations.sort()).toEqual(['conv-pedro-1']);
    const tags = (await pullAll(ana, 'tags')).documents.map((d) => d.id);
    expect(tags.sort()).toEqual(['tag-aguardando', 'tag-urgente']);
  });

  it.each([
    [ANA, 'conv-maria-1', 30, true],
    [BRUNO, 'conv-maria-1', 30, true],
    [DIEGO, 'conv-maria-1', 30, true],
    [CARLA, 'conv-maria-1', 30, true],
    [ANA, 'conv-joao-1', 30, false],
    [BRUNO, 'conv-joao-1', 30, true],
    [DIEGO, 'conv-joao-1', 30, true],
    // conv-maria-1 closed ten days ago: outside a seven-day window, read from the server
    // instead. conv-joao-1 closed five days ago is inside it, and outside a one-day window.
    [ANA, 'conv-maria-1', 7, false],
    [CARLA, 'conv-maria-1', 7, false],
    [BRUNO, 'conv-joao-1', 7, true],
    [BRUNO, 'conv-joao-1', 1, false],
  ])(
    'closed history: %s sees %s with a window of %s days: %s',
    async (email, conversationId, days, visible) => {
      f.app.config.syncWorkingSet = {
        ...f.app.config.syncWorkingSet,
        closedWindowMs: days * 86_400_000,
      };
      const client = await signIn(email);
      const conversations = (await pullAll(client, 'conversations')).documents;
      expect(conversations.some((c) => c.id === conversationId)).toBe(visible);
      const messages = (await pullAll(client, 'messages')).documents;
      const own = messages.filter(
        (m) => 'conversationId' in m && m.conversationId === conversationId,
      );
      expect(own.length > 0).toBe(visible);
    },
  );

  it('gives a supervisor every open conversation of every team', async () => {
    await writeVendas('1');
    await openConversation(f.app, {
      id: 'conv-suporte-2',
      contactId: 'contact-joao',
      channelId: 'channel-webchat',
      teamId: 'team-suporte',
    });
    const open = await f.app.db
      .selectFrom('conversations')
      .select('id')
      .where('state', '<>', 'closed')
      .execute();
    const carla = await signIn(CARLA);
    const seen = new Set((await pullAll(carla, 'conversations')).documents.map((d) => d.id));
    expect(open.length).toBe(3);
    for (const { id } of open) expect(seen.has(id), id).toBe(true);
  });

  it('paginates by checkpoint without gaps while messages arrive', async () => {
    const carla = await signIn(CARLA);
    const received: string[] = [];
    let checkpoint = null;
    for (let page = 0; page < 100; page++) {
      const result = await carla.trpc.sync.pull.query({
        collection: 'messages',
        checkpoint,
        limit: 3,
      });
      received.push(...result.documents.map((d) => d.id));
      checkpoint = result.checkpoint;
      if (page < 6) {
        f.app.clock.advance(1000);
        await addMessage(f.app, 'conv-pedro-1', `late-${page}`);
      } else if (result.documents.length < 3) break;
      else expect(result.documents).toHaveLength(3);
    }
    const since = f.app.clock.now() - f.app.config.syncWorkingSet.closedWindowMs;
    const all = await f.app.db
      .selectFrom('messages')
      .innerJoin('conversations as c', 'c.id', 'messages.conversation_id')
      .select('messages.id')
      .where((eb) => eb.or([eb('c.state', '<>', 'closed'), eb('c.closed_at', '>=', since)]))
      .execute();
    // A message written while the snapshot pages are read can come twice (the snapshot, then
    // the feed after it): the store writes it once. Nothing else repeats.
    const repeated = received.filter((id, i) => received.indexOf(id) !== i);
    expect(repeated.every((id) => id.startsWith('late-'))).toBe(true);
    expect(new Set(received)).toEqual(new Set(all.map((m) => m.id)));
  });

  it('advances the checkpoint over changes the agent may not see', async () => {
    const ana = await signIn(ANA);
    const before = await pullAll(ana, 'conversations');
    await writeVendas('1');
    const after = await pullAll(ana, 'conversations', before.checkpoint);
    expect(after.documents).toEqual([]);
    expect(after.checkpoint.seq).toBeGreaterThan(before.checkpoint.seq);
  });
});

describe('transfer away from an agent', () => {
  it('removes the conversation from the old owner and gives the new one its backlog', async () => {
    const ana = await signIn(ANA);
    const diego = await signIn(DIEGO);
    const anaAgent = await loadAgent(f.app.db, 'agent-ana');
    if (anaAgent === null) throw new Error('seed lost Ana');
    await takeConversation(f.app.deps, anaAgent, 'conv-pedro-1');
    const anaStart = await pullAll(ana, 'conversations');
    expect(anaStart.documents.find((d) => d.id === 'conv-pedro-1')).toMatchObject({
      ownerId: 'agent-ana',
      _deleted: false,
    });
    const diegoMessages = await pullAll(diego, 'messages');
    expect(diegoMessages.documents.some((m) => m.id === 'conv-pedro-1-m0')).toBe(false);
    const stream = new StreamRecorder(ana);
    await stream.until((s) => s.count('connected') === 1);

    await transfer(f.app, 'conv-pedro-1', { agentId: 'agent-diego', teamId: 'team-vendas' });

    await stream.until((s) => s.documents('messages').some((m) => m.id === 'conv-pedro-1-m0'));
    expect(stream.documents('conversations')).toEqual([
      expect.objectContaining({ id: 'conv-pedro-1', _deleted: true }),
    ]);
    expect(stream.documents('messages').every((m) => m._deleted)).toBe(true);
    const anaAfter = await pullAll(ana, 'conversations', anaStart.checkpoint);
    expect(anaAfter.documents).toEqual([
      expect.objectContaining({ id: 'conv-pedro-1', _deleted: true }),
    ]);
    // The removal tells Ana nothing but the id: not where the conversation went (team, state,
    // owner), not whose it is (contact), not what is said in it now (issue 10).
    for (const removal of [...stream.documents('conversations'), ...anaAfter.documents]) {
      expect(removal).toEqual({ id: 'conv-pedro-1', _deleted: true });
    }
    for (const removal of stream.documents('messages')) {
      expect(Object.keys(removal).sort()).toEqual(['_deleted', 'id']);
    }
    const backlog = await pullAll(diego, 'messages', diegoMessages.checkpoint);
    const pedro = backlog.documents.filter(
      (m) => 'conversationId' in m && m.conversationId === 'conv-pedro-1',
    );
    const stored = await f.app.db
      .selectFrom('messages')
      .select('id')
      .where('conversation_id', '=', 'conv-pedro-1')
      .execute();
    expect(pedro.map((m) => m.id).sort()).toEqual(stored.map((m) => m.id).sort());
    expect(pedro.every((m) => !m._deleted)).toBe(true);
    await stream.stop();
  });
});
