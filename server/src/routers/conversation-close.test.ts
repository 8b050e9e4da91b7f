import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receiveInboundMessage } from '../services/inbound';
import { runTimers } from '../services/timers';
import { ANA, BRUNO, DIEGO, createHarness, expectDenied, type Harness } from '../testing/harness';

const DAY = 24 * 3_600_000;

describe('closing, CSAT and timers', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    await (await h.as(ANA)).conversation.take({ conversationId: 'conv-pedro-1' });
  });
  afterEach(async () => {
    await h.close();
  });

  it.each([
    [null, 'disposition-required'],
    ['disp-duvida', 'disposition-invalid'],
    ['disp-venda', 'disposition-invalid'],
    ['disp-nope', 'disposition-invalid'],
  ] as const)(
    'refuses closing a Suporte conversation with disposition %s (%s)',
    async (dispositionId, code) => {
      const ana = await h.as(ANA);
      await expectDenied(
        ana.conversation.close({ conversationId: 'conv-pedro-1', dispositionId }),
        code,
      );
      const row = await h.db
        .selectFrom('conversations')
        .select('state')
        .where('id', '=', 'conv-pedro-1')
        .executeTakeFirstOrThrow();
      expect(row.state).toBe('active');
    },
  );

  it('asks for CSAT after close, and the answer closes it', async () => {
    const ana = await h.as(ANA);
    await expectDenied(
      (await h.as(BRUNO)).conversation.close({
        conversationId: 'conv-pedro-1',
        dispositionId: 'disp-duvida-cobranca',
      }),
      'not-owner',
    );
    const closed = await ana.conversation.close({
      conversationId: 'conv-pedro-1',
      dispositionId: 'disp-duvida-cobranca',
    });
    expect(closed).toMatchObject({
      state: 'awaiting_csat',
      dispositionId: 'disp-duvida-cobranca',
      csatDeadline: h.clock.now() + DAY,
    });
    // Diego (Vendas) neither served it nor is in its team.
    await expectDenied(
      (await h.as(DIEGO)).csat.answer({ conversationId: 'conv-pedro-1', score: 1 }),
      'forbidden',
    );
    const answered = await ana.csat.answer({
      conversationId: 'conv-pedro-1',
      score: 5,
      comment: 'Ótimo',
    });
    expect(answered).toMatchObject({ state: 'closed', closedAt: h.clock.now() });
    const csat = await h.db.selectFrom('csat_answers').selectAll().executeTakeFirstOrThrow();
    expect(csat).toMatchObject({ conversation_id: 'conv-pedro-1', score: 5, comment: 'Ótimo' });
    await expectDenied(
      ana.csat.answer({ conversationId: 'conv-pedro-1', score: 4 }),
      'csat-not-pending',
    );
    const events = (await ana.conversation.timeline({ conversationId: 'conv-pedro-1' })).flatMap(
      (m) => (m.system ? [m.system.type] : []),
    );
    expect(events).toEqual(['queued', 'taken', 'closed', 'csat-requested', 'csat-answered']);
  });

  it('takes the CSAT answer from the contact reply on the channel', async () => {
    const ana = await h.as(ANA);
    await ana.conversation.close({
      conversationId: 'conv-pedro-1',
      dispositionId: 'disp-duvida-cobranca',
    });
    const reply = await receiveInboundMessage(h.deps, {
      channelId: 'channel-whatsapp',
      address: '5531987650003',
      profileName: 'Pedro',
      channelMessageId: 'wamid.csat',
      kind: 'text',
      body: '4 foi bom',
      attachments: [],
      sentAt: h.clock.now(),
    });
    expect(reply.conversation).toMatchObject({ id: 'conv-pedro-1', state: 'closed' });
  });

  it('closes unanswered CSAT at the deadline', async () => {
    const ana = await h.as(ANA);
    await ana.conversation.close({
      conversationId: 'conv-pedro-1',
      dispositionId: 'disp-duvida-cobranca',
    });
    h.clock.advance(DAY - 1);
    expect(await runTimers(h.deps, h.clock.now())).toEqual({ csatTimedOut: 0, botTimedOut: 0 });
    h.clock.advance(1);
    expect(await runTimers(h.deps, h.clock.now())).toEqual({ csatTimedOut: 1, botTimedOut: 0 });
    const row = await h.db
      .selectFrom('conversations')
      .select(['state', 'closed_at'])
      .where('id', '=', 'conv-pedro-1')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'closed', closed_at: h.clock.now() });
  });

  it('closes a Vendas conversation at once: no disposition required, no CSAT', async () => {
    const ana = await h.as(ANA);
    await ana.conversation.transfer({
      conversationId: 'conv-pedro-1',
      toAgentId: 'agent-bruno',
      toTeamId: 'team-vendas',
    });
    const closed = await (await h.as(BRUNO)).conversation.close({ conversationId: 'conv-pedro-1' });
    expect(closed).toMatchObject({ state: 'closed', dispositionId: null, csatDeadline: null });
  });

  it('routes a contact idle in the bot menu to the default team when the bot times out', async () => {
    const first = await receiveInboundMessage(h.deps, {
      channelId: 'channel-whatsapp',
      address: '5511999990000',
      profileName: 'Novo',
      channelMessageId: 'wamid.a',
      kind: 'text',
      body: 'Oi',
      attachments: [],
      sentAt: h.clock.now(),
    });
    expect(first.conversation.state).toBe('bot');
    h.clock.advance(10 * 60_000);
    expect(await runTimers(h.deps, h.clock.now())).toEqual({ csatTimedOut: 0, botTimedOut: 1 });
    const row = await h.db
      .selectFrom('conversations')
      .select(['state', 'team_id'])
      .where('id', '=', first.conversation.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'queued', team_id: 'team-suporte' });
  });
});
