import { describe, expect, it, vi } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import { connectClient, pullAll, StreamRecorder } from './test-client';
import { ANA, CARLA, DIEGO, useSyncServer } from './test-fixture';
import { fanoutFor } from './fanout';
import { addTag, moveAgent, openConversation } from './test-writes';

const f = useSyncServer();

const fanout = () => fanoutFor(f.app.db, f.app.deps.feed, f.app.deps.logger);

describe('sync.stream', () => {
  it('pushes an agent only what its teams may see', async () => {
    const ana = await f.signIn(ANA);
    const stream = new StreamRecorder(ana);
    // Diego (Vendas) streams at the same time, so the one fan-out serves two scopes at once.
    const diego = new StreamRecorder(await f.signIn(DIEGO));
    await stream.until((s) => s.count('connected') === 1);
    await diego.until((s) => s.count('connected') === 1);

    await openConversation(f.app, {
      id: 'conv-vendas-1',
      contactId: 'contact-lucia',
      channelId: 'channel-webchat',
      teamId: 'team-vendas',
    });
    await addTag(f.app, 'tag-vendas-1', 'team-vendas');
    await addTag(f.app, 'tag-suporte-1', 'team-suporte');
    await openConversation(f.app, {
      id: 'conv-suporte-1',
      contactId: 'contact-joao',
      channelId: 'channel-webchat',
      teamId: 'team-suporte',
    });

    // Changes are routed in feed order, so once the last write arrived every earlier one was
    // either delivered or withheld.
    await stream.until((s) => s.documents('messages').some((m) => m.id === 'conv-suporte-1-m0'));
    expect(stream.documents('conversations').map((d) => d.id)).toEqual(['conv-suporte-1']);
    expect(stream.documents('tags').map((d) => d.id)).toEqual(['tag-suporte-1']);
    expect(stream.documents('messages').map((d) => d.id)).toEqual(['conv-suporte-1-m0']);
    expect(stream.errors).toEqual([]);
    await diego.until((s) => s.documents('tags').some((t) => t.id === 'tag-vendas-1'));
    expect(diego.documents('conversations').map((d) => d.id)).toEqual(['conv-vendas-1']);
    expect(diego.documents('tags').map((d) => d.id)).toEqual(['tag-vendas-1']);
  });

  it('sends every supervisor change of both teams, with a checkpoint the pull accepts', async () => {
    const carla = await f.signIn(CARLA);
    const stream = new StreamRecorder(carla);
    await stream.until((s) => s.count('connected') === 1);
    await openConversation(f.app, {
      id: 'conv-vendas-1',
      contactId: 'contact-lucia',
      channelId: 'channel-webchat',
      teamId: 'team-vendas',
    });
    await stream.until((s) => s.documents('messages').length === 1);
    const event = stream.events.find((e) => e.type === 'changes' && e.collection === 'messages');
    if (event?.type !== 'changes') throw new Error('no messages event');
    const next = await carla.trpc.sync.pull.query({
      collection: 'messages',
      checkpoint: event.checkpoint,
      limit: 10,
    });
    expect(next).toMatchObject({ documents: [], reset: false });
  });

  it('refuses a stream without a valid token', async () => {
    const anonymous = connectClient(f.server, null);
    const stream = new StreamRecorder(anonymous);
    await stream.until((s) => s.errors.length === 1);
    const [error] = stream.errors;
    expect(error).toBeInstanceOf(TRPCClientError);
    expect(error).toMatchObject({ data: { code: 'UNAUTHORIZED' } });
    expect(stream.events).toEqual([]);
    await anonymous.close();
  });

  it('tells an agent moved to another team to resync, and its old checkpoint resets', async () => {
    const ana = await f.signIn(ANA);
    const before = await pullAll(ana, 'tags');
    const stream = new StreamRecorder(ana);
    await stream.until((s) => s.count('connected') === 1);

    await moveAgent(f.app, 'agent-ana', ['team-vendas']);

    await stream.until((s) => s.count('scope-changed') === 1);
    const stale = await ana.trpc.sync.pull.query({
      collection: 'tags',
      checkpoint: before.checkpoint,
      limit: 100,
    });
    expect(stale).toMatchObject({ documents: [], reset: true });
    expect(stale.checkpoint.epoch).not.toBe(before.checkpoint.epoch);
    const fresh = await pullAll(ana, 'tags');
    expect(fresh.documents.map((d) => d.id).sort()).toEqual(['tag-agendamento', 'tag-negociacao']);
  });

  it('recovers after the server restarts: the client reconnects and is told to resync', async () => {
    const ana = await f.signIn(ANA);
    const stream = new StreamRecorder(ana);
    await stream.until((s) => s.count('connected') === 1);

    await f.server.close();
    await f.restart();
    await stream.until((s) => s.count('connected') === 2);
    await addTag(f.app, 'tag-after-restart', 'team-suporte');

    await stream.until((s) => s.documents('tags').some((t) => t.id === 'tag-after-restart'));
    expect(stream.errors).toEqual([]);
  });

  it('forgets a subscriber when the client unsubscribes', async () => {
    const ana = await f.signIn(ANA);
    const stream = new StreamRecorder(ana);
    await stream.until((s) => s.count('connected') === 1);
    expect(fanout().subscriberCount).toBe(1);
    stream.stop();
    await vi.waitFor(() => {
      expect(fanout().subscriberCount).toBe(0);
    });
  });
});
