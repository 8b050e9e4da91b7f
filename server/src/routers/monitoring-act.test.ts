import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receiveInboundMessage } from '../services/inbound';
import {
  ANA,
  BRUNO,
  CARLA,
  DIEGO,
  createHarness,
  expectDenied,
  type Harness,
} from '../testing/harness';

/** The audience keys granted on the latest change of a document. */
async function grantedKeys(h: Harness, collection: string, docId: string): Promise<string[]> {
  const change = await h.db
    .selectFrom('changes')
    .select('seq')
    .where('collection', '=', collection)
    .where('doc_id', '=', docId)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  const rows = await h.db
    .selectFrom('change_audience')
    .select(['key', 'grant'])
    .where('seq', '=', change.seq)
    .execute();
  return rows
    .filter((r) => Boolean(r.grant))
    .map((r) => r.key)
    .sort();
}

describe('supervisors see inside and act (issue 11)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  /** A contact who wrote on the demo WhatsApp number and now sits in the bot menu. */
  const inBot = async (address = '5511912345678') => {
    const result = await receiveInboundMessage(h.deps, {
      channelId: 'channel-whatsapp',
      address,
      profileName: 'Fernanda Bot',
      channelMessageId: `wamid.${address}`,
      kind: 'text',
      body: 'Oi',
      attachments: [],
      sentAt: h.clock.now(),
    });
    expect(result.conversation.state).toBe('bot');
    return result.conversation.id;
  };

  it('logs a supervisor opening a live conversation, and refuses agents', async () => {
    await (await h.as(ANA)).conversation.take({ conversationId: 'conv-pedro-1' });
    const carla = await h.as(CARLA);
    const read = await carla.monitoring.read({ conversationId: 'conv-pedro-1' });
    expect(read).toMatchObject({ id: 'conv-pedro-1', ownerId: 'agent-ana' });
    await h.deps.accessLog.flush();
    const logged = await h.db
      .selectFrom('access_log')
      .selectAll()
      .where('action', '=', 'monitoring.read')
      .execute();
    expect(logged).toMatchObject([
      {
        agent_id: 'agent-carla',
        conversation_id: 'conv-pedro-1',
        contact_id: 'contact-pedro',
        outcome: 'allowed',
      },
    ]);
    await expectDenied(
      (await h.as(BRUNO)).monitoring.read({ conversationId: 'conv-pedro-1' }),
      'forbidden',
    );
  });

  it('reads only until the supervisor joins; joining makes them a participant', async () => {
    await (await h.as(ANA)).conversation.take({ conversationId: 'conv-pedro-1' });
    const carla = await h.as(CARLA);
    const message = { conversationId: 'conv-pedro-1', clientId: 'c-1', text: 'Olá, sou a Carla' };
    await expectDenied(carla.conversation.sendText(message), 'not-participant');
    const joined = await carla.monitoring.join({ conversationId: 'conv-pedro-1' });
    expect(joined.participantIds).toEqual(['agent-carla']);
    await carla.conversation.sendText(message);
    const timeline = await carla.conversation.timeline({ conversationId: 'conv-pedro-1' });
    expect(timeline.map((m) => m.system?.type ?? m.body).slice(-2)).toEqual([
      'participant-joined',
      'Olá, sou a Carla',
    ]);
    // Joining again changes nothing; an agent cannot join.
    expect(
      (await carla.monitoring.join({ conversationId: 'conv-pedro-1' })).participantIds,
    ).toEqual(['agent-carla']);
    await expectDenied(
      (await h.as(BRUNO)).monitoring.join({ conversationId: 'conv-pedro-1' }),
      'forbidden',
    );
  });

  it('transfers to another team, also out of the bot', async () => {
    const carla = await h.as(CARLA);
    const id = await inBot();
    // The transfer dialog (conversation.transfer) also serves the monitoring row.
    const moved = await carla.conversation.transfer({
      conversationId: id,
      toTeamId: 'team-vendas',
    });
    expect(moved).toMatchObject({
      state: 'queued',
      teamId: 'team-vendas',
      ownerId: null,
      botDeadline: null,
    });
    const diego = await h.as(DIEGO);
    expect((await diego.conversation.listMine()).queued.map((i) => i.conversation.id)).toEqual([
      id,
    ]);
    const timeline = await carla.conversation.timeline({ conversationId: id });
    expect(timeline.at(-1)?.system).toEqual({
      type: 'transferred',
      fromAgentId: 'agent-carla',
      toAgentId: null,
      toTeamId: 'team-vendas',
      note: null,
      byAgentId: 'agent-carla',
    });
  });

  it('reassigns a conversation that is still in the bot', async () => {
    const id = await inBot('5511911112222');
    const carla = await h.as(CARLA);
    const after = await carla.monitoring.reassign({ conversationId: id, agentId: 'agent-bruno' });
    expect(after).toMatchObject({ state: 'active', ownerId: 'agent-bruno', botDeadline: null });
    const bruno = await h.as(BRUNO);
    expect((await bruno.conversation.listMine()).active.map((i) => i.conversation.id)).toContain(
      id,
    );
  });

  it('tells the agent who lost it who did it: reassign and send back', async () => {
    await (await h.as(ANA)).conversation.take({ conversationId: 'conv-pedro-1' });
    const carla = await h.as(CARLA);
    await carla.monitoring.reassign({ conversationId: 'conv-pedro-1', agentId: 'agent-bruno' });
    const timeline = await carla.conversation.timeline({ conversationId: 'conv-pedro-1' });
    const line = timeline.at(-1);
    expect(line?.system).toEqual({
      type: 'transferred',
      fromAgentId: 'agent-ana',
      toAgentId: 'agent-bruno',
      toTeamId: 'team-suporte',
      note: null,
      byAgentId: 'agent-carla',
    });
    expect(line?.authorAgentId).toBe('agent-carla');
    // Ana no longer sees the conversation, but its last line reaches her.
    expect(await grantedKeys(h, 'conversation', 'conv-pedro-1')).not.toContain('agent:agent-ana');
    expect(await grantedKeys(h, 'message', line?.id ?? '')).toContain('agent:agent-ana');

    await carla.monitoring.sendBackToQueue({ conversationId: 'conv-pedro-1' });
    const back = (await carla.conversation.timeline({ conversationId: 'conv-pedro-1' })).at(-1);
    expect(back?.system).toEqual({
      type: 'sent-back-to-queue',
      byAgentId: 'agent-carla',
      teamId: 'team-suporte',
      fromAgentId: 'agent-bruno',
    });
    expect(await grantedKeys(h, 'message', back?.id ?? '')).toContain('agent:agent-bruno');
  });
});
