import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CONTACT_WA_ID,
  START_SECONDS,
  WA_CHANNEL_ID,
  startWhatsAppTestServer,
  type WhatsAppTestServer,
} from './whatsapp-test-server';

/*
 * Issue 10's takeover on WhatsApp, through the real webhook route, tRPC over HTTP and the fake
 * Graph API: Ana edits the contact of Diego's Vendas conversation so that Diego's next message
 * would go to a number of her choice. The channel address cannot be edited, and what the agent
 * may edit (phones) never re-routes the conversation.
 */

let t: WhatsAppTestServer;
beforeEach(async () => {
  t = await startWhatsAppTestServer();
});
afterEach(async () => {
  await t.close();
});

const ANA_NUMBER = '5511955554444';
const text = (id: string, body: string, seconds: number) => ({
  from: CONTACT_WA_ID,
  id,
  timestamp: String(START_SECONDS + seconds),
  type: 'text',
  text: { body },
});
const atendoCode = (error: unknown) =>
  (error as { data?: { atendoCode?: string } }).data?.atendoCode ?? String(error);

describe('a WhatsApp contact’s address', () => {
  it('cannot be redirected by another agent’s contact edit', async () => {
    expect(await t.inbound([text('wamid.HI', 'Olá', 0)])).toBe(200);
    expect(await t.inbound([text('wamid.SALES', '2', 1)])).toBe(200);
    const row = await t.h.db
      .selectFrom('conversations')
      .select(['id', 'contact_id'])
      .where('channel_id', '=', WA_CHANNEL_ID)
      .where('state', '<>', 'closed')
      .where('team_id', '=', 'team-vendas')
      .executeTakeFirstOrThrow();
    const diego = await t.agent('diego@atendo.demo');
    await diego.client.conversation.take.mutate({ conversationId: row.id });

    const ana = await t.agent('ana@atendo.demo');
    const contact = await ana.client.contact.get.query({ id: row.contact_id });
    const fields = {
      name: contact.name,
      phones: contact.phones,
      emails: contact.emails,
      addresses: contact.addresses,
      customFields: contact.customFields,
    };
    const anaAddress = [{ channelId: WA_CHANNEL_ID, address: ANA_NUMBER }];
    const moved = ana.client.contact.update.mutate({
      id: contact.id,
      version: contact.version,
      fields: { ...fields, addresses: anaAddress },
    });
    expect(await moved.then(() => 'accepted', atendoCode)).toBe('address-proven');
    // A phone that is another contact's (Maria's, seeded) is refused, naming that contact.
    const taken = await ana.client.contact.update
      .mutate({
        id: contact.id,
        version: contact.version,
        fields: { ...fields, phones: ['+5511987650001'] },
      })
      .catch((error: unknown) => error as { data?: { atendoCode?: string; details?: object } });
    expect(taken).toMatchObject({
      data: {
        atendoCode: 'phone-taken',
        details: { field: 'phones.0', phone: '+5511987650001', contactName: 'Maria Oliveira' },
      },
    });
    // Her own number as the contact's only phone is a plain edit: it re-routes nothing.
    const edited = await ana.client.contact.update.mutate({
      id: contact.id,
      version: contact.version,
      fields: { ...fields, phones: [`+${ANA_NUMBER}`] },
    });
    expect(edited.addresses).toEqual(contact.addresses);

    await diego.client.conversation.sendText.mutate({
      conversationId: row.id,
      clientId: 'diego-wa-0001',
      text: 'Segue o orçamento.',
    });
    await t.server.whatsappIdle();
    const sends = t.fake.sends().map((s) => s.json as { to?: string; text?: { body?: string } });
    // The author's line comes first (the channel names who writes: issue 11).
    // The author's first name comes first (the channel says who writes: issue 11).
    const proposal = sends.find((s) => s.text?.body === '*Diego:*\nSegue o orçamento.');
    expect(proposal?.to).toBe(CONTACT_WA_ID);
    expect(sends.some((s) => s.to === ANA_NUMBER)).toBe(false);
  });

  it('keeps a conversation started by phone on that number when the phone is edited', async () => {
    const ana = await t.agent('ana@atendo.demo');
    const contact = await ana.client.contact.create.mutate({
      name: 'Lia Telefone',
      phones: ['+5511933332222'],
    });
    const params = { '1': 'Lia', '2': 'Ana' };
    const started = await ana.client.conversation.start.mutate({
      contactId: contact.id,
      channelId: WA_CHANNEL_ID,
      clientId: 'start-lia',
      content: { kind: 'template', templateId: 'template-retomada', params },
    });
    await ana.client.contact.update.mutate({
      id: contact.id,
      version: contact.version,
      fields: { name: contact.name, phones: [`+${ANA_NUMBER}`], emails: [] },
    });
    await ana.client.conversation.sendTemplate.mutate({
      conversationId: started.conversation.id,
      clientId: 'again-lia',
      templateId: 'template-retomada',
      params,
    });
    await t.server.whatsappIdle();
    const recipients = t.fake.sends().map((s) => (s.json as { to?: string }).to);
    expect(recipients).toEqual(['5511933332222', '5511933332222']);
  });
});
