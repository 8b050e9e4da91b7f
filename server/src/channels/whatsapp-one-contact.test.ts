import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  RECEPTIVO_CHANNEL_ID,
  START_SECONDS,
  WA_CHANNEL_ID,
  startWhatsAppTestServer,
  type WhatsAppTestServer,
} from './whatsapp-test-server';

/* Lúcia (+55 41 98765-0004) is a known contact: writing on any of the organisation's WhatsApp
 * numbers, with or without the ninth digit, she is Lúcia, not a second "Lúcia Ferreira". */

let t: WhatsAppTestServer;
beforeEach(async () => {
  t = await startWhatsAppTestServer();
});
afterEach(async () => {
  await t.close();
});

const text = (from: string, id: string, body: string) => ({
  from,
  id,
  timestamp: String(START_SECONDS),
  type: 'text',
  text: { body },
});

const contactOf = async (channelId: string, wamid: string) =>
  await t.h.db
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .select(['conversations.contact_id as contactId', 'conversations.id as conversationId'])
    .where('messages.channel_id', '=', channelId)
    .where('messages.channel_message_id', '=', wamid)
    .executeTakeFirstOrThrow();

const contactCount = async () =>
  (await t.h.db.selectFrom('contacts').select('id').execute()).length;

describe('one contact per phone on WhatsApp', () => {
  it.each([
    ['with the ninth digit', '5541987650004'],
    ['without the ninth digit, as WhatsApp often reports it', '554187650004'],
  ])('Lúcia writing to WhatsApp Receptivo %s is the existing Lúcia', async (_name, waId) => {
    const before = await contactCount();
    expect(await t.inboundReceptivo([text(waId, 'wamid.L1', 'Oi, é a Lúcia')], waId, 'Lúcia')).toBe(
      200,
    );
    const { contactId } = await contactOf(RECEPTIVO_CHANNEL_ID, 'wamid.L1');
    expect(contactId).toBe('contact-lucia');
    expect(await contactCount()).toBe(before);
    const addresses = await t.h.db
      .selectFrom('contact_addresses')
      .select(['channel_id', 'address'])
      .where('contact_id', '=', 'contact-lucia')
      .execute();
    expect(addresses).toContainEqual({ channel_id: RECEPTIVO_CHANNEL_ID, address: waId });
    const phones = await t.h.db
      .selectFrom('contact_phones')
      .select('phone')
      .where('contact_id', '=', 'contact-lucia')
      .execute();
    expect(phones).toEqual([{ phone: '+5541987650004' }]);
  });

  it('a new number on one WhatsApp channel is the same contact on the other, and "other channels" finds it', async () => {
    const stranger = '5511955554444';
    await t.inbound([text(stranger, 'wamid.S1', 'Olá')], stranger);
    await t.inboundReceptivo([text(stranger, 'wamid.S2', 'Alô?')], stranger);
    const first = await contactOf(WA_CHANNEL_ID, 'wamid.S1');
    const second = await contactOf(RECEPTIVO_CHANNEL_ID, 'wamid.S2');
    expect(second.contactId).toBe(first.contactId);
    const ana = await t.agent('ana@atendo.demo');
    const others = await ana.client.conversation.otherChannels.query({
      contactId: second.contactId,
      exceptChannelId: RECEPTIVO_CHANNEL_ID,
    });
    expect(others.map((o) => [o.readable ? o.id : null, o.channelId])).toEqual([
      [first.conversationId, WA_CHANNEL_ID],
    ]);
  });
});
