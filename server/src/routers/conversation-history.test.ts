import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { DEMO_PASSWORD } from '../demo-data';
import { insertAgent } from '../services/directory-writer';
import {
  ANA,
  BRUNO,
  CARLA,
  DIEGO,
  createHarness,
  expectDenied,
  type Caller,
  type Harness,
} from '../testing/harness';

describe('history and monitoring scope', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    // A Vendas agent without the history-all permission.
    await insertAgent(
      h.db,
      {
        id: 'agent-eva',
        name: 'Eva Rocha',
        email: 'eva@atendo.demo',
        role: 'agent',
        teamIds: ['team-vendas'],
        permissions: [],
        presence: 'offline',
        capacity: 5,
        updatedAt: h.clock.now(),
      },
      await hashPassword(DEMO_PASSWORD),
    );
  });
  afterEach(async () => {
    await h.close();
  });

  it('shows a team its own history and hides other teams without history-all', async () => {
    const eva = await h.as('eva@atendo.demo');
    expect(await eva.conversation.history({ contactId: 'contact-maria' })).toEqual([]);
    await expectDenied(
      eva.conversation.timeline({ conversationId: 'conv-maria-1' }),
      'history-forbidden',
    );
    const ana = await h.as(ANA);
    const history = await ana.conversation.history({ contactId: 'contact-maria' });
    expect(history.map((c) => c.id)).toEqual(['conv-maria-1']);
    const timeline = await ana.conversation.timeline({ conversationId: 'conv-maria-1' });
    expect(timeline[0]?.body).toBe('Oi, meu aplicativo não abre desde ontem.');
  });

  it('shows every team history to an agent with history-all', async () => {
    const diego = await h.as(DIEGO);
    expect(
      (await diego.conversation.history({ contactId: 'contact-maria' })).map((c) => c.id),
    ).toEqual(['conv-maria-1']);
    expect(await diego.conversation.timeline({ conversationId: 'conv-maria-1' })).toHaveLength(6);
  });

  it('keeps a live conversation to those serving it and supervisors; history rights start at close', async () => {
    const bruno = await h.as(BRUNO);
    await bruno.conversation.take({ conversationId: 'conv-pedro-1' });
    const read = (caller: Caller) =>
      caller.conversation.timeline({ conversationId: 'conv-pedro-1' });
    const diego = await h.as(DIEGO);
    const ana = await h.as(ANA);
    const carla = await h.as(CARLA);
    // Diego has history-all in another team; Ana is Bruno's teammate.
    for (const outsider of [diego, ana]) {
      const denied = await expectDenied(read(outsider), 'not-participant');
      expect(denied.details).toEqual({ ownerId: 'agent-bruno' });
    }
    expect((await read(carla)).length).toBeGreaterThan(0);
    await carla.monitoring.forceClose({ conversationId: 'conv-pedro-1' });
    expect(await read(diego)).toEqual(await read(ana));
  });

  it('keeps monitoring for supervisors', async () => {
    const ana = await h.as(ANA);
    await expectDenied(ana.monitoring.list(), 'forbidden');
    await expectDenied(ana.monitoring.forceClose({ conversationId: 'conv-pedro-1' }), 'forbidden');
    const carla = await h.as(CARLA);
    const all = await carla.monitoring.list();
    expect(all.map((i) => i.conversation.id)).toEqual(['conv-pedro-1']);
    expect(await carla.monitoring.list({ minWaitingMs: 10 * 60_000 })).toEqual([]);
    const reassigned = await carla.monitoring.reassign({
      conversationId: 'conv-pedro-1',
      agentId: 'agent-ana',
    });
    expect(reassigned).toMatchObject({ state: 'active', ownerId: 'agent-ana' });
    const back = await carla.monitoring.sendBackToQueue({ conversationId: 'conv-pedro-1' });
    expect(back).toMatchObject({ state: 'queued', ownerId: null });
    const closed = await carla.monitoring.forceClose({ conversationId: 'conv-pedro-1' });
    expect(closed).toMatchObject({ state: 'closed', csatDeadline: null });
    const timeline = await carla.conversation.timeline({ conversationId: 'conv-pedro-1' });
    expect(timeline.at(-1)?.system).toEqual({
      type: 'closed',
      byAgentId: 'agent-carla',
      dispositionId: null,
      forced: true,
    });
  });

  it('lists the contact open conversations on other channels', async () => {
    const ana = await h.as(ANA);
    const others = await ana.conversation.otherChannels({
      contactId: 'contact-pedro',
      exceptChannelId: 'channel-webchat',
    });
    expect(others).toEqual([
      {
        readable: true,
        id: 'conv-pedro-1',
        channelId: 'channel-whatsapp',
        state: 'queued',
        teamId: 'team-suporte',
        ownerId: null,
        ownerName: null,
      },
    ]);
    expect(
      await ana.conversation.otherChannels({
        contactId: 'contact-pedro',
        exceptChannelId: 'channel-whatsapp',
      }),
    ).toEqual([]);
  });

  it('tells of a conversation the caller may not read only who holds it', async () => {
    const ana = await h.as(ANA);
    await ana.conversation.take({ conversationId: 'conv-pedro-1' });
    // Diego works in Vendas only: Ana's Suporte conversation is not his to read.
    const diego = await h.as(DIEGO);
    const input = { contactId: 'contact-pedro', exceptChannelId: 'channel-webchat' };
    expect(await diego.conversation.otherChannels(input)).toEqual([
      { readable: false, channelId: 'channel-whatsapp', ownerName: 'Ana Souza' },
    ]);
  });
});
