import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendResponse, TranscriptResponse } from './protocol';
import { bearer, startWebchatServer, WEBCHAT_CHANNEL_ID } from './webchat-test-server';

/*
 * What a visitor's credential gives away and reaches (issue 10), over real HTTP on loopback:
 * the token is opaque and travels only in the Authorization header, and a visitor's
 * acknowledgements touch only their own conversation.
 */

let server: Awaited<ReturnType<typeof startWebchatServer>>;
beforeAll(async () => {
  server = await startWebchatServer();
});
afterAll(async () => {
  await server.stop();
});

const transcript = async (token: string): Promise<TranscriptResponse> => {
  const response = await fetch(`${server.url}/webchat/sessions/transcript`, {
    headers: bearer(token),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as TranscriptResponse;
};

const ack = (token: string, messageIds: string[]) =>
  fetch(`${server.url}/webchat/sessions/acks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: JSON.stringify({ messageIds }),
  });

const statusOf = async (messageId: string) =>
  (
    await server.db
      .selectFrom('messages')
      .select('status')
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow()
  ).status;

describe('the visitor token', () => {
  it('is opaque: no name, e-mail or claims in it, and only its hash is stored', async () => {
    const session = await server.openSession('Maria Sigilo');
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const decoded = Buffer.from(session.token, 'base64url').toString('latin1');
    for (const secret of ['Maria', 'visitor@example.com', 'channel-webchat', session.visitorId]) {
      expect(session.token).not.toContain(secret);
      expect(decoded).not.toContain(secret);
    }
    const rows = await server.db.selectFrom('webchat_sessions').selectAll().execute();
    const row = rows.find((r) => r.visitor_id === session.visitorId);
    expect(row).toMatchObject({ channel_id: WEBCHAT_CHANNEL_ID, name: 'Maria Sigilo' });
    expect(JSON.stringify(rows)).not.toContain(session.token);
  });

  it('is refused in the query string of the live stream, and accepted in the header', async () => {
    const session = await server.openSession('Quésia Query');
    const inQuery = await fetch(
      `${server.url}/webchat/sessions/events?token=${encodeURIComponent(session.token)}`,
    );
    expect(inQuery.status).toBe(401);
    expect(await inQuery.json()).toMatchObject({
      error: { code: 'unauthenticated', details: { reason: 'invalid' } },
    });
    const controller = new AbortController();
    const inHeader = await fetch(`${server.url}/webchat/sessions/events`, {
      headers: bearer(session.token),
      signal: controller.signal,
    });
    expect(inHeader.status).toBe(200);
    expect(inHeader.headers.get('content-type')).toBe('text/event-stream');
    controller.abort();
  });
});

describe('a session alone', () => {
  it('creates no contact and no conversation until the first message', async () => {
    const count = async () => ({
      contacts: (await server.db.selectFrom('contacts').select('id').execute()).length,
      conversations: (await server.db.selectFrom('conversations').select('id').execute()).length,
    });
    const before = await count();
    const session = await server.openSession('Nina Nenhuma');
    expect(await count()).toEqual(before);
    expect((await server.say(session.token, 'alone-msg-0001', 'Oi')).status).toBe(201);
    expect(await count()).toEqual({
      contacts: before.contacts + 1,
      conversations: before.conversations + 1,
    });
  });
});

describe('acknowledgements', () => {
  it("mark only the visitor's own outbound messages delivered", async () => {
    const owner = await server.openSession('Olga Dona');
    const intruder = await server.openSession('Ivo Intruso');
    const sent = (await server.say(owner.token, 'ack-owner-0001', 'Oi')).body as SendResponse;
    await server.say(intruder.token, 'ack-intruder-0001', 'Oi');
    const menu = (await transcript(owner.token)).messages.find((m) => m.direction === 'outbound');
    if (!menu) throw new Error('no menu in the transcript');
    const before = await statusOf(menu.id);
    expect(before).not.toBe('delivered');

    // Another visitor on the same channel names the owner's message: nothing changes.
    const refused = await ack(intruder.token, [menu.id]);
    expect(refused.status).toBe(200);
    expect(await statusOf(menu.id)).toBe(before);
    // Nor do an inbound message of the owner's, or an id that names nothing.
    const inbound = await statusOf(sent.messageId);
    expect((await ack(owner.token, [sent.messageId, 'no-such-message'])).status).toBe(200);
    expect(await statusOf(sent.messageId)).toBe(inbound);

    expect((await ack(owner.token, [menu.id])).status).toBe(200);
    expect(await statusOf(menu.id)).toBe('delivered');
  });
});

describe('erasing the contact (LGPD)', () => {
  it("revokes the visitor's sessions and drops the form data they held", async () => {
    const session = await server.openSession('Érica Apagada');
    const sent = (await server.say(session.token, 'erase-msg-0001', 'Oi')).body as SendResponse;
    const conversation = await server.db
      .selectFrom('conversations')
      .select('contact_id')
      .where('id', '=', sent.conversationId)
      .executeTakeFirstOrThrow();
    const admin = await server.agent('admin@atendo.demo');
    await admin.privacy.erase.mutate({
      contactId: conversation.contact_id,
      confirmName: 'Érica Apagada',
      force: true,
    });
    const rows = await server.db
      .selectFrom('webchat_sessions')
      .select('name')
      .where('visitor_id', '=', session.visitorId)
      .execute();
    expect(rows).toEqual([]);
    const refused = await fetch(`${server.url}/webchat/sessions/transcript`, {
      headers: bearer(session.token),
    });
    expect(refused.status).toBe(401);
  });
});
