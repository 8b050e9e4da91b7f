import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition, servedMimeType } from '../../stored-file';
import type { SendResponse } from './protocol';
import { bearer, startWebchatServer } from './webchat-test-server';

/*
 * The files of a visitor's conversation, opened by the visitor over real HTTP on loopback:
 * the agent's and their own, with the same bytes and safe headers; nobody else's, and nothing
 * without a valid token.
 */

const DAY = 86_400_000;
let server: Awaited<ReturnType<typeof startWebchatServer>>;
beforeAll(async () => {
  server = await startWebchatServer();
});
afterAll(async () => {
  await server.stop();
});

type File = { name: string; type: string; bytes: Buffer };

async function visitorUpload(token: string, clientMessageId: string, file: File) {
  const response = await fetch(`${server.url}/webchat/sessions/uploads`, {
    method: 'POST',
    headers: {
      ...bearer(token),
      'content-type': file.type,
      'x-file-name': encodeURIComponent(file.name),
      'x-client-message-id': clientMessageId,
    },
    body: file.bytes,
  });
  expect(response.status).toBe(201);
  const { messageId } = (await response.json()) as SendResponse;
  const row = await server.db
    .selectFrom('messages')
    .select('attachments')
    .where('id', '=', messageId)
    .executeTakeFirstOrThrow();
  const [attachment] = JSON.parse(row.attachments) as { id: string }[];
  return attachment?.id ?? '';
}

async function agentUpload(agentToken: string, conversationId: string, file: File) {
  const response = await fetch(`${server.url}/api/conversations/${conversationId}/uploads`, {
    method: 'POST',
    headers: {
      ...bearer(agentToken),
      'content-type': file.type,
      'x-file-name': encodeURIComponent(file.name),
    },
    body: file.bytes,
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { attachment: { id: string } }).attachment.id;
}

const download = (token: string | null, id: string) =>
  fetch(`${server.url}/webchat/sessions/attachments/${encodeURIComponent(id)}`, {
    headers: token === null ? {} : bearer(token),
  });

// A 1×1 PNG; the bytes only have to round-trip, but a real image keeps the test honest.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const agentPdf: File = {
  name: 'proposta “final” (1).pdf',
  type: 'application/pdf',
  bytes: Buffer.from('%PDF-1.4 proposta\n'),
};
const visitorPng: File = { name: 'foto da nota.png', type: 'image/png', bytes: PNG };

const ids = { agentPdf: '', visitorPng: '', unsent: '' };
let visitorToken = '';

beforeAll(async () => {
  const session = await server.openSession('Fábio Arquivo');
  visitorToken = session.token;
  const { conversationId } = (await server.say(visitorToken, 'files-visitor-0001', 'Olá'))
    .body as SendResponse;
  await server.say(visitorToken, 'files-visitor-0002', '1');
  ids.visitorPng = await visitorUpload(visitorToken, 'files-visitor-0003', visitorPng);
  const ana = await server.agent('ana@atendo.demo');
  await ana.conversation.take.mutate({ conversationId });
  const anaToken = await server.agentToken('ana@atendo.demo');
  ids.agentPdf = await agentUpload(anaToken, conversationId, agentPdf);
  await ana.conversation.sendAttachment.mutate({
    conversationId,
    clientId: 'ana-file-1',
    attachmentIds: [ids.agentPdf],
  });
  // Uploaded for a message the agent has not sent (yet): not the visitor's to open.
  ids.unsent = await agentUpload(anaToken, conversationId, { ...agentPdf, name: 'rascunho.pdf' });
});

describe('a visitor opens the files of their conversation', () => {
  it.each([
    ['the agent’s document, as a download', 'agentPdf', agentPdf, 'attachment'],
    ['their own image, inline for the thumbnail', 'visitorPng', visitorPng, 'inline'],
  ] as const)('%s', async (_label, key, file, disposition) => {
    const response = await download(visitorToken, ids[key]);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(file.bytes);
    expect(response.headers.get('content-type')).toBe(file.type);
    expect(response.headers.get('content-length')).toBe(String(file.bytes.length));
    expect(response.headers.get('content-disposition')).toBe(
      contentDisposition(disposition, file.name),
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('and nothing else: another visitor, an unsent upload and unknown ids are all 404', async () => {
    const other = await server.openSession('Outro Visitante');
    await server.say(other.token, 'files-other-0001', 'Olá');
    const attempts = [
      [other.token, ids.agentPdf],
      [other.token, ids.visitorPng],
      [visitorToken, ids.unsent],
      [visitorToken, 'no-such-file'],
      [visitorToken, '..%2F..%2Fatendo.db'],
    ] as const;
    for (const [token, id] of attempts) {
      const response = await download(token, id);
      expect({ id, status: response.status, body: await response.json() }).toEqual({
        id,
        status: 404,
        body: { error: { code: 'not-found', message: 'attachment not found' } },
      });
    }
  });

  it('refuses a missing token with the typed 401', async () => {
    const response = await download(null, ids.agentPdf);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: { code: 'unauthenticated', details: { reason: 'invalid' } },
    });
  });

  // Last: moving the clock on expires every token in this file.
  it('refuses an expired token with the typed 401', async () => {
    server.advanceClock(30 * DAY);
    const response = await download(visitorToken, ids.agentPdf);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: {
        code: 'unauthenticated',
        message: 'visitor token expired',
        details: { reason: 'expired' },
      },
    });
  });
});

describe('file headers', () => {
  it.each([
    ['inline', 'nota.png', `inline; filename="nota.png"; filename*=UTF-8''nota.png`],
    [
      'attachment',
      'orçamento "final" (1)*.pdf',
      `attachment; filename="or_amento _final_ (1)*.pdf"; filename*=UTF-8''or%C3%A7amento%20%22final%22%20%281%29%2A.pdf`,
    ],
    [
      'attachment',
      'a\\b%c.txt',
      `attachment; filename="a_b_c.txt"; filename*=UTF-8''a%5Cb%25c.txt`,
    ],
  ] as const)('%s disposition for %j', (type, name, expected) => {
    expect(contentDisposition(type, name)).toBe(expected);
  });

  it.each([
    ['image/PNG; foo=bar', 'image/png'],
    ['text/html; charset=utf-8', 'text/html'],
    ['not a type', 'application/octet-stream'],
  ])('serves %j as %j', (stored, served) => {
    expect(servedMimeType(stored)).toBe(served);
  });
});
