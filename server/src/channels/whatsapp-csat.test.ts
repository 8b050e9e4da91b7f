import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csatPrompt } from '@atendo/shared/rules/csat';
import { WINDOW_MS } from '@atendo/shared/rules/messaging-window';
import {
  CONTACT_WA_ID,
  START_SECONDS,
  WA_CHANNEL_ID,
  startWhatsAppTestServer,
  type WhatsAppTestServer,
} from './whatsapp-test-server';

let t: WhatsAppTestServer;
beforeEach(async () => {
  t = await startWhatsAppTestServer();
});
afterEach(async () => {
  await t.close();
});

const text = (id: string, body: string, seconds: number) => ({
  from: CONTACT_WA_ID,
  id,
  timestamp: String(START_SECONDS + seconds),
  type: 'text',
  text: { body },
});

describe('CSAT at close on WhatsApp', () => {
  it.each([
    [
      'inside the window, in Portuguese',
      'pt-BR',
      60_000,
      { type: 'text', text: { body: csatPrompt('pt-BR') } },
    ],
    [
      'inside the window, in the contact’s English',
      'en',
      60_000,
      { type: 'text', text: { body: csatPrompt('en') } },
    ],
    [
      'as the CSAT template once the window has shut',
      'pt-BR',
      WINDOW_MS + 60_000,
      {
        type: 'template',
        template: { name: 'avaliacao_atendimento', language: { code: 'pt_BR' } },
      },
    ],
  ])('asks %s', async (_name, locale, wait, expected) => {
    expect(await t.inbound([text('wamid.HELLO', 'Olá', 0)])).toBe(200);
    expect(await t.inbound([text('wamid.PICK', '1', 1)])).toBe(200);
    const row = await t.h.db
      .selectFrom('messages')
      .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
      .select(['conversations.id as conversationId', 'conversations.contact_id as contactId'])
      .where('messages.channel_id', '=', WA_CHANNEL_ID)
      .where('messages.channel_message_id', '=', 'wamid.HELLO')
      .executeTakeFirstOrThrow();
    await t.h.db
      .updateTable('contacts')
      .set({ custom_fields: JSON.stringify({ locale }) })
      .where('id', '=', row.contactId)
      .execute();
    t.h.clock.advance(wait);
    // Signed in after the clock moved, so the session is still valid.
    const ana = await t.agent('ana@atendo.demo');
    await ana.client.conversation.take.mutate({ conversationId: row.conversationId });
    await ana.client.conversation.close.mutate({
      conversationId: row.conversationId,
      dispositionId: 'disp-duvida-produto',
    });
    const last = t.fake.sends().at(-1)?.json;
    expect(last).toMatchObject({ to: CONTACT_WA_ID, ...expected });
    const question = await t.h.db
      .selectFrom('messages')
      .select(['kind', 'status'])
      .where('conversation_id', '=', row.conversationId)
      .where('direction', '=', 'outbound')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(question).toEqual({ kind: expected.type, status: 'sent' });
  });
});
