import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CONTACT_WA_ID,
  START_SECONDS,
  WA_CHANNEL_ID,
  startWhatsAppTestServer,
  type WhatsAppTestServer,
} from './whatsapp-test-server';

/* The seed: "Toda mensagem enviada é identificada para que o contato saiba com quem está
 * interagindo." On WhatsApp that is a "*Ana:*" line above the agent's text or caption. */

let t: WhatsAppTestServer;
beforeEach(async () => {
  t = await startWhatsAppTestServer();
});
afterEach(async () => {
  await t.close();
});

const text = (id: string, body: string, seconds = 0) => ({
  from: CONTACT_WA_ID,
  id,
  timestamp: String(START_SECONDS + seconds),
  type: 'text',
  text: { body },
});

async function activeForAna() {
  await t.inbound([text('wamid.HELLO', 'Olá')]);
  await t.inbound([text('wamid.PICK', '1', 1)]);
  const row = await t.h.db
    .selectFrom('messages')
    .select('conversation_id')
    .where('channel_id', '=', WA_CHANNEL_ID)
    .where('channel_message_id', '=', 'wamid.HELLO')
    .executeTakeFirstOrThrow();
  const ana = await t.agent('ana@atendo.demo');
  await ana.client.conversation.take.mutate({ conversationId: row.conversation_id });
  t.fake.requests.length = 0;
  return { conversationId: row.conversation_id, ana: ana.client, token: ana.token };
}

async function upload(conversationId: string, token: string): Promise<string> {
  const response = await fetch(`${t.url}/api/conversations/${conversationId}/uploads`, {
    method: 'POST',
    headers: {
      'content-type': 'application/pdf',
      'x-file-name': 'boleto.pdf',
      authorization: `Bearer ${token}`,
    },
    body: new Uint8Array([37, 80, 68, 70]),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { attachment: { id: string } }).attachment.id;
}

const sentBodies = () =>
  t.fake
    .sends()
    .map(
      (r) => r.json as { type: string; text?: { body: string }; document?: { caption?: string } },
    )
    .map((json) => json.text?.body ?? json.document?.caption ?? `(${json.type})`);

describe('the author of a WhatsApp message', () => {
  it('opens every agent text and caption with the author’s name; bot messages stay bare', async () => {
    const { conversationId, ana, token } = await activeForAna();
    await ana.conversation.sendText.mutate({ conversationId, clientId: 'a1', text: 'Bom dia!' });
    const attachmentId = await upload(conversationId, token);
    await ana.conversation.sendAttachment.mutate({
      conversationId,
      clientId: 'a2',
      attachmentIds: [attachmentId],
      caption: 'Segue o boleto',
    });
    const second = await upload(conversationId, token);
    await ana.conversation.sendAttachment.mutate({
      conversationId,
      clientId: 'a3',
      attachmentIds: [second],
    });
    expect(sentBodies()).toEqual(['*Ana:*\nBom dia!', '*Ana:*\nSegue o boleto', '*Ana:*']);
    const stored = await t.h.db
      .selectFrom('messages')
      .select('body')
      .where('conversation_id', '=', conversationId)
      .where('client_id', '=', 'a1')
      .executeTakeFirstOrThrow();
    // The timeline keeps what the agent wrote; only the contact's copy is prefixed.
    expect(stored.body).toBe('Bom dia!');
  });

  it('sends the author line on its own when the text fills the channel’s limit', async () => {
    const { conversationId, ana } = await activeForAna();
    const full = 'a'.repeat(4096);
    await ana.conversation.sendText.mutate({ conversationId, clientId: 'l1', text: full });
    expect(sentBodies()).toEqual(['*Ana:*', full]);
  });

  it('can be turned off per channel, but never with collaborators in the conversation', async () => {
    const admin = await t.agent('admin@atendo.demo');
    const updated = await admin.client.admin.channels.update.mutate({
      channelId: WA_CHANNEL_ID,
      authorPrefix: false,
    });
    expect(updated.whatsapp?.authorPrefix).toBe(false);
    const { conversationId, ana } = await activeForAna();
    await ana.conversation.sendText.mutate({ conversationId, clientId: 'b1', text: 'Oi' });
    await ana.conversation.invite.mutate({ conversationId, agentId: 'agent-bruno' });
    await ana.conversation.sendText.mutate({
      conversationId,
      clientId: 'b2',
      text: 'Chamei o Bruno',
    });
    expect(sentBodies()).toEqual(['Oi', '*Ana:*\nChamei o Bruno']);
  });

  it('is on by default for a new WhatsApp channel, and a web chat channel refuses the setting', async () => {
    const admin = await t.agent('admin@atendo.demo');
    const [channel] = await admin.client.admin.channels.list
      .query({})
      .then((all) => all.filter((c) => c.id === WA_CHANNEL_ID));
    expect(channel?.whatsapp?.authorPrefix).toBe(true);
    await expect(
      admin.client.admin.channels.update.mutate({
        channelId: 'channel-webchat',
        authorPrefix: false,
      }),
    ).rejects.toMatchObject({ data: { atendoCode: 'invalid-input' } });
  });
});
