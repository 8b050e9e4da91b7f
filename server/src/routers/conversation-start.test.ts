import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receiveInboundMessage } from '../services/inbound';
import { ANA, BRUNO, CARLA, createHarness, expectDenied, type Harness } from '../testing/harness';

const HOUR = 3_600_000;
const retomada = {
  kind: 'template' as const,
  templateId: 'template-retomada',
  params: { '1': 'Maria', '2': 'Ana' },
};
const text = (body: string) => ({ kind: 'text' as const, text: body });

describe('conversation.start', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('needs a template on WhatsApp when the contact last wrote more than 24 h ago', async () => {
    const ana = await h.as(ANA);
    const input = { contactId: 'contact-maria', channelId: 'channel-whatsapp', clientId: 'c1' };
    await expectDenied(
      ana.conversation.start({ ...input, content: text('Oi Maria') }),
      'template-required',
    );
    expect(
      await h.db
        .selectFrom('conversations')
        .select('id')
        .where('contact_id', '=', 'contact-maria')
        .execute(),
    ).toHaveLength(1);

    const started = await ana.conversation.start({ ...input, content: retomada });
    expect(started.conversation).toMatchObject({
      state: 'active',
      ownerId: 'agent-ana',
      teamId: 'team-suporte',
    });
    expect(started.message).toMatchObject({
      kind: 'template',
      authorAgentId: 'agent-ana',
      clientId: 'c1',
    });
    expect(started.message.body).toContain('Olá Maria, aqui é Ana da Atendo');
  });

  it('allows free text once the contact answers, until 24 h pass again', async () => {
    const ana = await h.as(ANA);
    const { conversation } = await ana.conversation.start({
      contactId: 'contact-maria',
      channelId: 'channel-whatsapp',
      clientId: 'c1',
      content: retomada,
    });
    await receiveInboundMessage(h.deps, {
      channelId: 'channel-whatsapp',
      address: '5511987650001',
      profileName: 'Maria',
      channelMessageId: 'wamid.1',
      kind: 'text',
      body: 'Pode sim!',
      attachments: [],
      sentAt: h.clock.now(),
    });
    const sent = await ana.conversation.sendText({
      conversationId: conversation.id,
      clientId: 'c2',
      text: 'Ótimo!',
    });
    expect(sent).toMatchObject({ kind: 'text', body: 'Ótimo!', authorAgentId: 'agent-ana' });

    h.clock.advance(24 * HOUR + 1);
    await expectDenied(
      ana.conversation.sendText({
        conversationId: conversation.id,
        clientId: 'c3',
        text: 'Ainda aí?',
      }),
      'template-required',
    );
    const template = await ana.conversation.sendTemplate({
      conversationId: conversation.id,
      clientId: 'c4',
      templateId: 'template-retomada',
      params: { '1': 'Maria', '2': 'Ana' },
    });
    expect(template.kind).toBe('template');
  });

  it('refuses web chat for a contact who never opened the widget, and creates nothing', async () => {
    const bruno = await h.as(BRUNO);
    await expectDenied(
      bruno.conversation.start({
        contactId: 'contact-lucia',
        channelId: 'channel-webchat',
        clientId: 'w1',
        content: text('Olá Lúcia'),
      }),
      'contact-unreachable',
    );
    const rows = await h.db
      .selectFrom('conversations')
      .select('id')
      .where('contact_id', '=', 'contact-lucia')
      .where('channel_id', '=', 'channel-webchat')
      .execute();
    expect(rows).toEqual([]);
    expect(
      await bruno.conversation.checkStart({
        contactId: 'contact-lucia',
        channelId: 'channel-webchat',
      }),
    ).toEqual({
      ok: false,
      reason: 'contact-unreachable',
      details: { channelKind: 'webchat', missing: 'webchat-visitor' },
    });
  });

  it('accepts free text on web chat for a visitor, which has no window', async () => {
    const { conversation: first } = await receiveInboundMessage(h.deps, {
      channelId: 'channel-webchat',
      address: 'visitor-42',
      profileName: 'Visitante',
      channelMessageId: 'v1',
      kind: 'text',
      body: 'Oi',
      attachments: [],
      sentAt: h.clock.now(),
    });
    await h.db
      .updateTable('conversations')
      .set({ state: 'closed' })
      .where('id', '=', first.id)
      .execute();
    const bruno = await h.as(BRUNO);
    const started = await bruno.conversation.start({
      contactId: first.contactId,
      channelId: 'channel-webchat',
      clientId: 'w2',
      content: text('Olá de novo'),
    });
    expect(started.message).toMatchObject({ kind: 'text', body: 'Olá de novo' });
    // Bruno is in the channel's default team (Vendas), so the conversation lands there.
    expect(started.conversation.teamId).toBe('team-vendas');
  });

  it('lets an agent in two teams choose the team, and refuses a team they are not in', async () => {
    const bruno = await h.as(BRUNO);
    const input = { contactId: 'contact-joao', channelId: 'channel-whatsapp', content: retomada };
    await expectDenied(
      bruno.conversation.start({ ...input, clientId: 't0', teamId: 'team-nenhuma' }),
      'not-team-member',
    );
    const ana = await h.as(ANA);
    await expectDenied(
      ana.conversation.start({ ...input, clientId: 't1', teamId: 'team-vendas' }),
      'not-team-member',
    );
    const started = await bruno.conversation.start({
      ...input,
      clientId: 't2',
      teamId: 'team-vendas',
    });
    expect(started.conversation.teamId).toBe('team-vendas');
  });

  it('checks the start before anything is written: another agent serving the contact', async () => {
    const ana = await h.as(ANA);
    await ana.conversation.start({
      contactId: 'contact-joao',
      channelId: 'channel-whatsapp',
      clientId: 'a1',
      content: retomada,
    });
    const bruno = await h.as(BRUNO);
    expect(
      await bruno.conversation.checkStart({
        contactId: 'contact-joao',
        channelId: 'channel-whatsapp',
      }),
    ).toMatchObject({ ok: false, reason: 'contact-busy', details: { ownerName: 'Ana Souza' } });
    expect(
      await ana.conversation.checkStart({
        contactId: 'contact-joao',
        channelId: 'channel-whatsapp',
      }),
    ).toMatchObject({ ok: true });
  });

  it('refuses an inbound-only channel', async () => {
    const ana = await h.as(ANA);
    await expectDenied(
      ana.conversation.start({
        contactId: 'contact-maria',
        channelId: 'channel-receptivo',
        clientId: 'r1',
        content: retomada,
      }),
      'inbound-only-channel',
    );
  });

  it('refuses a contact another agent is talking to, naming the owner', async () => {
    const ana = await h.as(ANA);
    const bruno = await h.as(BRUNO);
    const input = { contactId: 'contact-maria', channelId: 'channel-whatsapp', content: retomada };
    await ana.conversation.start({ ...input, clientId: 'a1' });
    const denied = await expectDenied(
      bruno.conversation.start({ ...input, clientId: 'b1' }),
      'contact-busy',
    );
    // Bruno may not read Ana's conversation: who holds it, and nothing else (docs/security.md).
    expect(denied.details).toEqual({ ownerName: 'Ana Souza' });
  });

  it('resumes the agent own open conversation instead of opening a second one', async () => {
    const ana = await h.as(ANA);
    const input = { contactId: 'contact-maria', channelId: 'channel-whatsapp', content: retomada };
    const first = await ana.conversation.start({ ...input, clientId: 'a1' });
    const again = await ana.conversation.start({ ...input, clientId: 'a2' });
    expect(again).toMatchObject({ resumed: true, conversation: { id: first.conversation.id } });
  });

  it('refuses a contact who is still in the bot menu', async () => {
    await receiveInboundMessage(h.deps, {
      channelId: 'channel-whatsapp',
      address: '5511999990000',
      profileName: 'Novo',
      channelMessageId: 'wamid.new',
      kind: 'text',
      body: 'Oi',
      attachments: [],
      sentAt: h.clock.now(),
    });
    const contact = await h.db
      .selectFrom('contact_addresses')
      .select('contact_id')
      .where('address', '=', '5511999990000')
      .executeTakeFirstOrThrow();
    const ana = await h.as(ANA);
    await expectDenied(
      ana.conversation.start({
        contactId: contact.contact_id,
        channelId: 'channel-whatsapp',
        clientId: 'x',
        content: retomada,
      }),
      'in-bot',
    );
  });

  it('refuses a contact pending a CSAT answer after another agent closed', async () => {
    const ana = await h.as(ANA);
    const { conversation } = await ana.conversation.start({
      contactId: 'contact-maria',
      channelId: 'channel-whatsapp',
      clientId: 'a1',
      content: retomada,
    });
    const closed = await ana.conversation.close({
      conversationId: conversation.id,
      dispositionId: 'disp-duvida-produto',
    });
    expect(closed.state).toBe('awaiting_csat');
    const bruno = await h.as(BRUNO);
    const denied = await expectDenied(
      bruno.conversation.start({
        contactId: 'contact-maria',
        channelId: 'channel-whatsapp',
        clientId: 'b1',
        content: retomada,
      }),
      'awaiting-csat',
    );
    expect(denied.details).toMatchObject({ ownerName: 'Ana Souza' });
    // The supervisor's way out: force-close from monitoring, then Bruno may start.
    const carla = await h.as(CARLA);
    await carla.monitoring.forceClose({ conversationId: conversation.id });
    const started = await bruno.conversation.start({
      contactId: 'contact-maria',
      channelId: 'channel-whatsapp',
      clientId: 'b2',
      content: retomada,
    });
    expect(started.conversation.ownerId).toBe('agent-bruno');
  });
});
