import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendResponse, TranscriptResponse } from './protocol';
import { bearer, startWebchatServer } from './webchat-test-server';

/*
 * What a visitor's token opens and for how long, over real HTTP on loopback: the files a
 * visitor sends reach the agents who may read the conversation (and nobody else), and a token
 * stops working after the configured TTL (the default, 30 days, here).
 */

const DAY = 86_400_000;
let server: Awaited<ReturnType<typeof startWebchatServer>>;
beforeAll(async () => {
  server = await startWebchatServer();
});
afterAll(async () => {
  await server.stop();
});

async function upload(token: string, clientMessageId: string, bytes: Buffer) {
  const response = await fetch(`${server.url}/webchat/sessions/uploads`, {
    method: 'POST',
    headers: {
      ...bearer(token),
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent('orçamento.pdf'),
      'x-client-message-id': clientMessageId,
    },
    body: bytes,
  });
  return { status: response.status, body: (await response.json()) as SendResponse };
}

const transcript = (token: string) =>
  fetch(`${server.url}/webchat/sessions/transcript`, { headers: bearer(token) });

const attachmentIdOf = async (messageId: string): Promise<string> => {
  const row = await server.db
    .selectFrom('messages')
    .select('attachments')
    .where('id', '=', messageId)
    .executeTakeFirstOrThrow();
  const [attachment] = JSON.parse(row.attachments) as { id: string }[];
  if (!attachment) throw new Error('the media message has no attachment');
  return attachment.id;
};

describe('files a visitor sends', () => {
  const bytes = Buffer.from('%PDF-1.4 orçamento 123\n');
  let attachmentId = '';

  beforeAll(async () => {
    const session = await server.openSession('Rita Arquivo');
    await server.say(session.token, 'files-msg-0001', 'Olá');
    // Option 2 routes to Vendas: Bruno is in that team, Ana is not.
    await server.say(session.token, 'files-msg-0002', '2');
    const sent = await upload(session.token, 'files-upload-0001', bytes);
    expect(sent.status).toBe(201);
    // A retried upload is answered from the first one and keeps no second copy of the bytes.
    const retried = await upload(session.token, 'files-upload-0001', bytes);
    expect(retried).toMatchObject({ status: 200, body: { messageId: sent.body.messageId } });
    attachmentId = await attachmentIdOf(sent.body.messageId);
  });

  it('are recorded once as uploads of the conversation, with one copy on disk', async () => {
    const uploads = await server.db
      .selectFrom('uploads')
      .select(['id', 'conversation_id', 'agent_id', 'file_name', 'mime_type', 'size', 'path'])
      .where('id', '=', attachmentId)
      .execute();
    expect(uploads).toEqual([
      expect.objectContaining({
        agent_id: null,
        file_name: 'orçamento.pdf',
        mime_type: 'application/pdf',
        size: bytes.length,
      }),
    ]);
    const stored = fs.readdirSync(path.join(server.dataDir, 'uploads', 'webchat'));
    expect(stored).toEqual([attachmentId]);
  });

  it('download with the same bytes for an agent of the conversation’s team', async () => {
    const token = await server.agentToken('bruno@atendo.demo');
    const response = await fetch(`${server.url}/api/attachments/${attachmentId}`, {
      headers: bearer(token),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(
      encodeURIComponent('orçamento.pdf'),
    );
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it.each([
    ['an agent outside the team', 'ana@atendo.demo', 403, 'not-participant'],
    ['nobody signed in', null, 401, 'unauthenticated'],
  ])('are refused to %s', async (_label, email, status, code) => {
    const headers = email ? bearer(await server.agentToken(email)) : {};
    const response = await fetch(`${server.url}/api/attachments/${attachmentId}`, { headers });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { atendoCode: code } });
  });
});

describe('visitor tokens', () => {
  it('keep the same conversation on a reload inside the TTL', async () => {
    const session = await server.openSession('Vera Validade');
    expect(session.expiresAt).toBeGreaterThan(Date.UTC(2026, 2, 31));
    const first = (await server.say(session.token, 'ttl-msg-0001', 'Oi')).body as SendResponse;
    server.advanceClock(29 * DAY);
    const response = await transcript(session.token);
    expect(response.status).toBe(200);
    const body = (await response.json()) as TranscriptResponse;
    expect(body.conversationId).toBe(first.conversationId);
  });

  it('expire after the TTL with a typed 401 everywhere, and a fresh start works', async () => {
    const session = await server.openSession('Otto Expirado');
    expect((await server.say(session.token, 'ttl-msg-0002', 'Oi')).status).toBe(201);
    server.advanceClock(30 * DAY);
    const expired = {
      error: {
        code: 'unauthenticated',
        message: 'visitor token expired',
        details: { reason: 'expired' },
      },
    };
    expect(await server.say(session.token, 'ttl-msg-0003', 'ainda aí?')).toEqual({
      status: 401,
      body: expired,
    });
    const read = await transcript(session.token);
    expect({ status: read.status, body: await read.json() }).toEqual({
      status: 401,
      body: expired,
    });
    const events = await fetch(`${server.url}/webchat/sessions/events`, {
      headers: bearer(session.token),
    });
    expect(events.status).toBe(401);
    await events.body?.cancel();

    const fresh = await server.openSession('Otto Expirado');
    expect((await server.say(fresh.token, 'ttl-msg-0004', 'Oi de novo')).status).toBe(201);
  });

  it('refuse a signed token from before sessions were stored, and a made-up one, as invalid', async () => {
    // The old format: the claims (name and e-mail included) in base64, a dot, an HMAC.
    const claims = { channelId: 'channel-webchat', visitorId: 'v-old', name: 'Tina', issuedAt: 1 };
    const old = `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2lnbmF0dXJl`;
    for (const token of [old, 'A'.repeat(43)]) {
      const response = await transcript(token);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: {
          code: 'unauthenticated',
          message: 'invalid visitor token',
          details: { reason: 'invalid' },
        },
      });
    }
  });
});
