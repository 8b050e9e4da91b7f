import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ANA,
  BRUNO,
  CARLA,
  createHarness,
  expectDenied,
  failure,
  type Harness,
} from '../testing/harness';

describe('conversation.take and sending', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('gives a queued conversation to exactly one of 50 agents clicking at once', async () => {
    const callers = [await h.as(ANA), await h.as(BRUNO), await h.as(CARLA)];
    const attempts = Array.from({ length: 50 }, (_, i) => i).flatMap((i) => {
      const caller = callers[i % callers.length];
      return caller ? [caller.conversation.take({ conversationId: 'conv-pedro-1' })] : [];
    });
    const results = await Promise.allSettled(attempts);
    const winners = results.filter((r) => r.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    const row = await h.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', 'conv-pedro-1')
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('active');
    const names: Record<string, string> = {
      'agent-ana': 'Ana Souza',
      'agent-bruno': 'Bruno Lima',
      'agent-carla': 'Carla Mendes',
    };
    const losers = await Promise.all(
      results
        .filter((r) => r.status === 'rejected')
        .map((r) => failure(Promise.reject(r.reason as Error))),
    );
    expect(losers).toHaveLength(49);
    for (const loser of losers) {
      expect(loser).toMatchObject({
        atendoCode: 'already-taken',
        details: { ownerId: row.owner_id, ownerName: names[row.owner_id ?? ''] },
      });
    }
    const taken = await h.db
      .selectFrom('messages')
      .select('system')
      .where('conversation_id', '=', 'conv-pedro-1')
      .where('kind', '=', 'system')
      .execute();
    expect(taken.filter((m) => m.system?.includes('"taken"'))).toHaveLength(1);
  });

  it('does not let an agent of another team take from a queue', async () => {
    const diego = await h.as('diego@atendo.demo');
    await expectDenied(diego.conversation.take({ conversationId: 'conv-pedro-1' }), 'forbidden');
  });

  it('stores one message per clientId, however often the outbox retries', async () => {
    const ana = await h.as(ANA);
    await ana.conversation.take({ conversationId: 'conv-pedro-1' });
    const input = {
      conversationId: 'conv-pedro-1',
      clientId: 'draft-42',
      text: 'Olá Pedro, vou verificar.',
    };
    const first = await ana.conversation.sendText(input);
    const second = await ana.conversation.sendText(input);
    const parallel = await Promise.all([
      ana.conversation.sendText(input),
      ana.conversation.sendText(input),
    ]);
    expect([second.id, ...parallel.map((m) => m.id)]).toEqual([first.id, first.id, first.id]);
    const rows = await h.db
      .selectFrom('messages')
      .select('id')
      .where('client_id', '=', 'draft-42')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses sending from agents who are neither owner nor participant', async () => {
    const ana = await h.as(ANA);
    await ana.conversation.take({ conversationId: 'conv-pedro-1' });
    const bruno = await h.as(BRUNO);
    await expectDenied(
      bruno.conversation.sendText({ conversationId: 'conv-pedro-1', clientId: 'b', text: 'oi' }),
      'not-participant',
    );
  });

  it('lists the queue for the team and the taken conversation as active for the owner', async () => {
    const ana = await h.as(ANA);
    const before = await ana.conversation.listMine();
    expect(before.queued.map((i) => i.conversation.id)).toEqual(['conv-pedro-1']);
    expect(before.queued[0]).toMatchObject({
      contactName: 'Pedro Santos',
      channelKind: 'whatsapp',
      waitingSince: h.clock.now() - 7 * 60_000,
    });
    await ana.conversation.take({ conversationId: 'conv-pedro-1' });
    const after = await ana.conversation.listMine();
    expect(after.queued).toEqual([]);
    expect(after.active.map((i) => i.conversation.id)).toEqual(['conv-pedro-1']);
  });
});
