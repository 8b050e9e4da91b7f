import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendResponse, TranscriptResponse } from './protocol';
import { bearer, startWebchatServer, WEBCHAT_CHANNEL_ID } from './webchat-test-server';

/*
 * Issue 10's contact-address takeover, replayed over real HTTP: Ana (Suporte) may not read
 * Diego's Vendas web chat conversation. She opens a web chat session of her own, finds Rita's
 * contact and tries to give it her visitor id, so her token would read Rita's transcript and
 * files and write into Rita's conversation. The edit is refused, and even a contact whose
 * addresses changed some other way keeps each conversation with the visitor it was opened on.
 */

let server: Awaited<ReturnType<typeof startWebchatServer>>;
beforeAll(async () => {
  server = await startWebchatServer();
});
afterAll(async () => {
  await server.stop();
});

const readTranscript = async (token: string): Promise<TranscriptResponse> => {
  const response = await fetch(`${server.url}/webchat/sessions/transcript`, {
    headers: bearer(token),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as TranscriptResponse;
};

const bodies = (t: TranscriptResponse) => t.messages.map((m) => m.body);

const atendoCode = (error: unknown) =>
  (error as { data?: { atendoCode?: string } }).data?.atendoCode ?? String(error);

describe('a web chat contact’s visitor id', () => {
  let rita = { token: '', visitorId: '' };
  let conversationId = '';
  let attachmentId = '';

  beforeAll(async () => {
    rita = await server.openSession('Rita Segredo');
    await server.say(rita.token, 'take-msg-0001', 'Olá');
    const routed = (await server.say(rita.token, 'take-msg-0002', '2')).body as SendResponse;
    conversationId = routed.conversationId;
    const upload = await fetch(`${server.url}/webchat/sessions/uploads`, {
      method: 'POST',
      headers: {
        ...bearer(rita.token),
        'content-type': 'application/pdf',
        'x-file-name': 'contrato.pdf',
        'x-client-message-id': 'take-upload-0001',
      },
      body: Buffer.from('%PDF-1.4 contrato sigiloso\n'),
    });
    expect(upload.status).toBe(201);
    const sent = (await upload.json()) as SendResponse;
    const row = await server.db
      .selectFrom('messages')
      .select('attachments')
      .where('id', '=', sent.messageId)
      .executeTakeFirstOrThrow();
    attachmentId = (JSON.parse(row.attachments) as { id: string }[])[0]?.id ?? '';
    const diego = await server.agent('diego@atendo.demo');
    await diego.conversation.take.mutate({ conversationId });
    await diego.conversation.sendText.mutate({
      conversationId,
      clientId: 'diego-0001',
      text: 'Segue a proposta, Rita.',
    });
  });

  it('cannot be taken by an agent through contact.update or contact.create', async () => {
    const ana = await server.agent('ana@atendo.demo');
    const mine = await server.openSession('Ana Atacante');
    await server.say(mine.token, 'take-msg-0101', 'Oi');
    const [target] = await ana.contact.search.query({ query: 'Rita Segredo' });
    const [own] = await ana.contact.search.query({ query: 'Ana Atacante' });
    if (!target || !own) throw new Error('both contacts are searchable');
    const fieldsOf = (c: typeof target) => ({
      name: c.name,
      phones: c.phones,
      emails: c.emails,
      addresses: c.addresses,
      customFields: c.customFields,
    });
    const mineAddress = { channelId: WEBCHAT_CHANNEL_ID, address: mine.visitorId };
    const attempts = [
      // Freeing her own visitor id first, as the attack needs…
      ana.contact.update.mutate({
        id: own.id,
        version: own.version,
        fields: { ...fieldsOf(own), addresses: [] },
      }),
      // …then moving it onto Rita's contact, in place of Rita's or beside it.
      ana.contact.update.mutate({
        id: target.id,
        version: target.version,
        fields: { ...fieldsOf(target), addresses: [mineAddress] },
      }),
      ana.contact.update.mutate({
        id: target.id,
        version: target.version,
        fields: { ...fieldsOf(target), addresses: [...target.addresses, mineAddress] },
      }),
      ana.contact.create.mutate({ name: 'Clone', addresses: [mineAddress] }),
    ];
    for (const attempt of attempts) {
      expect(await attempt.then(() => 'accepted', atendoCode)).toBe('address-proven');
    }
    const stored = await server.db
      .selectFrom('contact_addresses')
      .select(['contact_id', 'address'])
      .where('address', 'in', [rita.visitorId, mine.visitorId])
      .orderBy('address')
      .execute();
    expect(stored).toEqual(
      expect.arrayContaining([
        { contact_id: target.id, address: rita.visitorId },
        { contact_id: own.id, address: mine.visitorId },
      ]),
    );
    expect(stored).toHaveLength(2);
    // An edit of the name alone, sending back the addresses as replicated, still works.
    const renamed = await ana.contact.update.mutate({
      id: target.id,
      version: target.version,
      fields: { ...fieldsOf(target), name: 'Rita S.' },
    });
    expect(renamed.addresses).toEqual(target.addresses);
  });

  it('keeps each conversation with the visitor it was opened on, whatever the contact says', async () => {
    const mine = await server.openSession('Ana Outra');
    await server.say(mine.token, 'take-msg-0201', 'Oi');
    // Say the contact's address changed by some path other than an agent's edit.
    const ritaContact = await server.db
      .selectFrom('conversations')
      .select('contact_id')
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    await server.db.deleteFrom('contact_addresses').where('address', '=', mine.visitorId).execute();
    await server.db
      .updateTable('contact_addresses')
      .set({ address: mine.visitorId })
      .where('contact_id', '=', ritaContact.contact_id)
      .execute();

    const stolen = await readTranscript(mine.token);
    expect(stolen.conversationId).not.toBe(conversationId);
    expect(bodies(stolen)).not.toContain('Segue a proposta, Rita.');
    const file = await fetch(`${server.url}/webchat/sessions/attachments/${attachmentId}`, {
      headers: bearer(mine.token),
    });
    expect(file.status).toBe(404);
    await file.body?.cancel();
    const outbound = await server.db
      .selectFrom('messages')
      .select('id')
      .where('conversation_id', '=', conversationId)
      .where('direction', '=', 'outbound')
      .where('author_agent_id', '=', 'agent-diego')
      .executeTakeFirstOrThrow();
    const ack = await fetch(`${server.url}/webchat/sessions/acks`, {
      method: 'POST',
      headers: { ...bearer(mine.token), 'content-type': 'application/json' },
      body: JSON.stringify({ messageIds: [outbound.id] }),
    });
    expect(ack.status).toBe(200);
    // Her visitor id now names Rita's contact, whose open conversation is Rita's: refused.
    const written = await server.say(mine.token, 'take-msg-0202', 'sou eu');
    expect(written.status).toBe(409);

    const own = await readTranscript(rita.token);
    expect(own.conversationId).toBe(conversationId);
    expect(bodies(own)).toEqual(expect.arrayContaining(['Olá', 'Segue a proposta, Rita.']));
    expect(bodies(own)).not.toContain('sou eu');
    const ownFile = await fetch(`${server.url}/webchat/sessions/attachments/${attachmentId}`, {
      headers: bearer(rita.token),
    });
    expect(ownFile.status).toBe(200);
    await ownFile.body?.cancel();
    const status = await server.db
      .selectFrom('messages')
      .select('status')
      .where('id', '=', outbound.id)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('sent');
  });
});
