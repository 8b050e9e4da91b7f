import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import {
  ANA,
  BRUNO,
  CARLA,
  DIEGO,
  createHarness,
  expectDenied,
  type Harness,
} from '../testing/harness';

/** The audience rows recorded for a document after `fromSeq`, as "+key" / "-key". */
async function audienceOf(
  db: Database,
  collection: string,
  docId: string,
  fromSeq: number,
): Promise<string[][]> {
  const changes = await db
    .selectFrom('changes')
    .select('seq')
    .where('collection', '=', collection)
    .where('doc_id', '=', docId)
    .where('seq', '>', fromSeq)
    .orderBy('seq')
    .execute();
  return Promise.all(
    changes.map(async ({ seq }) => {
      const rows = await db
        .selectFrom('change_audience')
        .select(['key', 'grant'])
        .where('seq', '=', seq)
        .orderBy('key')
        .execute();
      return rows.map((r) => `${r.grant ? '+' : '-'}${r.key}`).sort();
    }),
  );
}

const lastSeq = async (db: Database): Promise<number> =>
  (
    await db
      .selectFrom('changes')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst()
  )?.seq ?? 0;

describe('transfer, invite and tags', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    await (await h.as(ANA)).conversation.take({ conversationId: 'conv-pedro-1' });
  });
  afterEach(async () => {
    await h.close();
  });

  it('transfers to an agent: the new owner and the backlog are granted, the old owner revoked', async () => {
    const ana = await h.as(ANA);
    const seq = await lastSeq(h.db);
    const after = await ana.conversation.transfer({
      conversationId: 'conv-pedro-1',
      toAgentId: 'agent-bruno',
      note: 'Cliente de cobrança',
    });
    expect(after).toMatchObject({
      state: 'active',
      ownerId: 'agent-bruno',
      teamId: 'team-suporte',
    });
    expect(await audienceOf(h.db, 'conversation', 'conv-pedro-1', seq)).toEqual([
      ['+agent:agent-bruno', '+monitor', '-agent:agent-ana'],
    ]);
    // The inbound message from before the transfer is re-announced to Bruno.
    expect(await audienceOf(h.db, 'message', 'conv-pedro-1-m0', seq)).toEqual([
      ['+agent:agent-bruno', '+monitor', '-agent:agent-ana'],
    ]);
    const timeline = await (
      await h.as(BRUNO)
    ).conversation.timeline({ conversationId: 'conv-pedro-1' });
    expect(timeline.at(-1)?.system).toEqual({
      type: 'transferred',
      fromAgentId: 'agent-ana',
      toAgentId: 'agent-bruno',
      toTeamId: 'team-suporte',
      note: 'Cliente de cobrança',
    });
  });

  it('transfers to a team queue, and refuses an agent outside the target team', async () => {
    const ana = await h.as(ANA);
    await expectDenied(
      ana.conversation.transfer({ conversationId: 'conv-pedro-1', toAgentId: 'agent-diego' }),
      'invalid-input',
    );
    const queued = await ana.conversation.transfer({
      conversationId: 'conv-pedro-1',
      toTeamId: 'team-vendas',
    });
    expect(queued).toMatchObject({
      state: 'queued',
      ownerId: null,
      teamId: 'team-vendas',
      queuedAt: h.clock.now(),
    });
    const diego = await h.as(DIEGO);
    expect((await diego.conversation.listMine()).queued.map((i) => i.conversation.id)).toEqual([
      'conv-pedro-1',
    ]);
  });

  it('lets only the owner or a supervisor transfer', async () => {
    const bruno = await h.as(BRUNO);
    await expectDenied(
      bruno.conversation.transfer({ conversationId: 'conv-pedro-1', toAgentId: 'agent-bruno' }),
      'not-owner',
    );
    const carla = await h.as(CARLA);
    const moved = await carla.conversation.transfer({
      conversationId: 'conv-pedro-1',
      toAgentId: 'agent-bruno',
    });
    expect(moved.ownerId).toBe('agent-bruno');
  });

  it('lets an invited participant send under their own name, until removed', async () => {
    const ana = await h.as(ANA);
    const bruno = await h.as(BRUNO);
    await expectDenied(
      (await h.as(DIEGO)).conversation.invite({
        conversationId: 'conv-pedro-1',
        agentId: 'agent-diego',
      }),
      'not-owner',
    );
    await ana.conversation.invite({ conversationId: 'conv-pedro-1', agentId: 'agent-bruno' });
    const sent = await bruno.conversation.sendText({
      conversationId: 'conv-pedro-1',
      clientId: 'b1',
      text: 'Aqui é o Bruno, do financeiro.',
    });
    expect(sent.authorAgentId).toBe('agent-bruno');
    expect((await bruno.conversation.listMine()).active.map((i) => i.conversation.id)).toEqual([
      'conv-pedro-1',
    ]);
    await ana.conversation.removeParticipant({
      conversationId: 'conv-pedro-1',
      agentId: 'agent-bruno',
    });
    await expectDenied(
      bruno.conversation.sendText({ conversationId: 'conv-pedro-1', clientId: 'b2', text: 'oi' }),
      'not-participant',
    );
  });

  it('tags only with the conversation team tags', async () => {
    const ana = await h.as(ANA);
    await expectDenied(
      ana.conversation.addTag({ conversationId: 'conv-pedro-1', tagId: 'tag-negociacao' }),
      'tag-not-in-team',
    );
    await expectDenied(
      (await h.as(DIEGO)).conversation.addTag({
        conversationId: 'conv-pedro-1',
        tagId: 'tag-urgente',
      }),
      'not-owner',
    );
    const tagged = await ana.conversation.addTag({
      conversationId: 'conv-pedro-1',
      tagId: 'tag-urgente',
    });
    expect(tagged.tagIds).toEqual(['tag-urgente']);
    const list = await ana.conversation.listMine();
    expect(list.active[0]?.tags.map((t) => t.name)).toEqual(['Urgente']);
    const untagged = await ana.conversation.removeTag({
      conversationId: 'conv-pedro-1',
      tagId: 'tag-urgente',
    });
    expect(untagged.tagIds).toEqual([]);
  });
});
