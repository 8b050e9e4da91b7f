import { describe, expect, it } from 'vitest';
import { connectClient, pullAll, StreamRecorder, type TestClient } from '../../sync/test-client';
import { ANA, BRUNO, DIEGO, useSyncServer } from '../../sync/test-fixture';

/*
 * Admin changes reach connected agents through the change feed, with no reload: the stream
 * pushes them, or (for a scope change) tells the client to pull again, and the pull hands over
 * the new scope.
 */

const f = useSyncServer();
const connected = (s: StreamRecorder) => s.count('connected') >= 1;
const admin = async (): Promise<TestClient> => f.signIn('admin@atendo.demo');

describe('admin changes on a connected agent', () => {
  it('puts a new tag in the team’s agents’ menus, and takes an archived one out', async () => {
    const ana = new StreamRecorder(await f.signIn(ANA));
    const diego = new StreamRecorder(await f.signIn(DIEGO));
    await ana.until(connected);
    await diego.until(connected);
    const client = await admin();
    const tag = await client.trpc.admin.tags.create.mutate({
      teamId: 'team-suporte',
      name: 'VIP',
      color: '#7048e8',
    });
    await ana.until((s) => s.documents('tags').some((d) => d.id === tag.id && !d._deleted));
    await client.trpc.admin.tags.archive.mutate({ tagId: tag.id });
    await ana.until((s) => s.documents('tags').some((d) => d.id === tag.id && d._deleted));
    // Diego is in Vendas: a later Vendas change reaches him, the Suporte tag never did.
    await client.trpc.admin.tags.create.mutate({
      teamId: 'team-vendas',
      name: 'Lead',
      color: '#2f9e44',
    });
    await diego.until((s) => s.documents('tags').length === 1);
    expect(diego.documents('tags').map((d) => d.id)).not.toContain(tag.id);
  });

  it('syncs a team’s quick replies to its agents in the directory', async () => {
    const ana = new StreamRecorder(await f.signIn(ANA));
    await ana.until(connected);
    const client = await admin();
    const reply = await client.trpc.admin.quickReplies.create.mutate({
      teamId: 'team-suporte',
      shortcut: 'boas-vindas',
      text: 'Olá {{contact.firstName}}, aqui é {{agent.name}}. Como posso ajudar?',
    });
    const id = `quickReply:${reply.id}`;
    await ana.until((s) => s.documents('directory').some((d) => d.id === id && !d._deleted));
    const pulled = await pullAll(await f.signIn(BRUNO), 'directory');
    expect(pulled.documents.find((d) => d.id === id)).toMatchObject({
      type: 'quickReply',
      quickReply: { shortcut: 'boas-vindas' },
    });
    const diego = await pullAll(await f.signIn(DIEGO), 'directory');
    expect(diego.documents.map((d) => d.id)).not.toContain(id);
    await client.trpc.admin.quickReplies.remove.mutate({ quickReplyId: reply.id });
    await ana.until((s) => s.documents('directory').some((d) => d.id === id && d._deleted));
  });

  it('moves a team’s conversations into an agent’s store when an admin adds them to it', async () => {
    const ana = await f.signIn(ANA);
    const before = await pullAll(ana, 'conversations');
    // conv-maria-1 closed ten days ago: outside the working set's 7-day window (sync/working-set).
    expect(before.documents.map((d) => d.id)).toEqual(['conv-pedro-1']);
    const stream = new StreamRecorder(ana);
    await stream.until(connected);
    const client = await admin();
    await client.trpc.admin.teams.update.mutate({
      teamId: 'team-vendas',
      memberIds: ['agent-bruno', 'agent-diego', 'agent-ana'],
    });
    await stream.until((s) => s.count('scope-changed') >= 1);
    // The client pulls with its old checkpoint, is told to reset, and pulls its new scope.
    expect((await pullAll(ana, 'conversations', before.checkpoint)).reset).toBe(true);
    const after = await pullAll(ana, 'conversations');
    expect(after.documents.map((d) => d.id).sort()).toEqual(['conv-joao-1', 'conv-pedro-1']);

    await client.trpc.admin.teams.update.mutate({
      teamId: 'team-vendas',
      memberIds: ['agent-bruno', 'agent-diego'],
    });
    await stream.until((s) => s.count('scope-changed') >= 2);
    expect((await pullAll(ana, 'conversations')).documents.map((d) => d.id)).not.toContain(
      'conv-joao-1',
    );
  });

  it('tells everyone a deactivated agent is inactive, and refuses the agent’s token', async () => {
    const carla = new StreamRecorder(await f.signIn('carla@atendo.demo'));
    await carla.until(connected);
    const bruno = await f.signIn(BRUNO);
    const client = await admin();
    await client.trpc.admin.agents.deactivate.mutate({ agentId: 'agent-bruno' });
    await carla.until((s) =>
      s.events.some(
        (e) =>
          e.type === 'changes' &&
          e.documents.some(
            (d) => d.id === 'agent:agent-bruno' && 'agent' in d && d.agent.active === false,
          ),
      ),
    );
    await expect(bruno.trpc.auth.me.query()).rejects.toMatchObject({
      data: { atendoCode: 'unauthenticated' },
    });
    // A new stream with the old token is refused at its hello.
    const again = new StreamRecorder(connectClient(f.server, bruno.token));
    await again.until((s) => s.closes.length > 0);
    expect(again.closes).toEqual([4401]);
  });
});
