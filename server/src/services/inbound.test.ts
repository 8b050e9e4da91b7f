import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness';
import { receiveInboundMessage, type InboundInput } from './inbound';
import { updateDeliveryStatus } from './delivery-status';

describe('inbound messages and delivery receipts', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const inbound = (over: Partial<InboundInput>): InboundInput => ({
    channelId: 'channel-whatsapp',
    address: '5511912345678',
    profileName: 'Fernanda',
    channelMessageId: 'wamid.1',
    kind: 'text',
    body: 'Oi',
    attachments: [],
    sentAt: h.clock.now(),
    ...over,
  });

  it('creates the contact and a bot conversation, then routes by the menu choice', async () => {
    const first = await receiveInboundMessage(h.deps, inbound({}));
    expect(first).toMatchObject({
      created: true,
      conversationCreated: true,
      conversation: { state: 'bot', teamId: 'team-suporte' },
    });
    const contact = await h.db
      .selectFrom('contact_phones')
      .select('phone')
      .where('contact_id', '=', first.conversation.contactId)
      .execute();
    expect(contact).toEqual([{ phone: '+5511912345678' }]);
    const invalid = await receiveInboundMessage(
      h.deps,
      inbound({ channelMessageId: 'wamid.2', body: 'hã?' }),
    );
    expect(invalid.conversation.state).toBe('bot');
    const routed = await receiveInboundMessage(
      h.deps,
      inbound({ channelMessageId: 'wamid.3', body: '2' }),
    );
    expect(routed).toMatchObject({
      conversationCreated: false,
      conversation: {
        id: first.conversation.id,
        state: 'queued',
        teamId: 'team-vendas',
        lastInboundAt: h.clock.now(),
      },
    });
  });

  it('stores a redelivered message once', async () => {
    const first = await receiveInboundMessage(h.deps, inbound({}));
    const again = await receiveInboundMessage(h.deps, inbound({}));
    expect(again).toMatchObject({ created: false, message: { id: first.message.id } });
    const rows = await h.db
      .selectFrom('messages')
      .select('id')
      .where('channel_message_id', '=', 'wamid.1')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('queues web chat conversations straight in the default team, and continues the open one', async () => {
    const input = inbound({
      channelId: 'channel-webchat',
      address: 'visitor-1',
      channelMessageId: 'w1',
    });
    const first = await receiveInboundMessage(h.deps, input);
    expect(first.conversation).toMatchObject({
      state: 'queued',
      teamId: 'team-vendas',
      queuedAt: h.clock.now(),
    });
    const second = await receiveInboundMessage(h.deps, {
      ...input,
      channelMessageId: 'w2',
      body: 'Alguém?',
    });
    expect(second.conversation).toMatchObject({
      id: first.conversation.id,
      lastMessagePreview: 'Alguém?',
    });
  });

  it('never moves a delivery status backwards', async () => {
    const ana = await h.as('ana@atendo.demo');
    await ana.conversation.take({ conversationId: 'conv-pedro-1' });
    h.deps.senders.register('whatsapp', () =>
      Promise.resolve({ ok: true, channelMessageId: 'wamid.out' }),
    );
    const sent = await ana.conversation.sendText({
      conversationId: 'conv-pedro-1',
      clientId: 'c',
      text: 'Olá',
    });
    expect(sent).toMatchObject({ status: 'sent', channelMessageId: 'wamid.out' });
    const at = h.clock.now();
    const update = (status: 'delivered' | 'read' | 'failed') =>
      updateDeliveryStatus(h.deps, {
        channelId: 'channel-whatsapp',
        channelMessageId: 'wamid.out',
        status,
        error: null,
        at,
      });
    expect((await update('read'))?.status).toBe('read');
    expect((await update('delivered'))?.status).toBe('read');
    expect((await update('failed'))?.status).toBe('read');
  });

  it('marks a message failed, visibly, when its channel has no sender or the sender throws', async () => {
    const ana = await h.as('ana@atendo.demo');
    await ana.conversation.take({ conversationId: 'conv-pedro-1' });
    const unsent = await ana.conversation.sendText({
      conversationId: 'conv-pedro-1',
      clientId: 'a',
      text: 'Olá',
    });
    expect(unsent).toMatchObject({ status: 'failed', error: { code: 'channel-not-configured' } });
    h.deps.senders.register('whatsapp', () => Promise.reject(new Error('network down')));
    const thrown = await ana.conversation.sendText({
      conversationId: 'conv-pedro-1',
      clientId: 'b',
      text: 'Olá?',
    });
    expect(thrown).toMatchObject({ status: 'failed', error: { code: 'sender-error' } });
  });
});
