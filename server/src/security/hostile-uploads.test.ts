import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  atendoCodeOf,
  chunkedBody,
  expectAlive,
  stalledBody,
  startHostileServer,
  storedFiles,
  type HostileServer,
} from './hostile-support';
import {
  HTML_PAGE,
  linuxProgram,
  PNG,
  SVG_WITH_SCRIPT,
  windowsProgram,
  ZIP,
} from './hostile-samples';

/*
 * Hostile uploads over real HTTP on loopback, from an agent (`POST /api/conversations/:id/
 * uploads`) and from an anonymous web chat visitor (`POST /webchat/sessions/uploads`): each is
 * refused with a typed JSON error, stores nothing (no row, no file, not even a partial one),
 * and leaves the server answering.
 */

let s: HostileServer;
beforeAll(async () => {
  s = await startHostileServer();
});
afterAll(async () => {
  await s.stop();
});

type Sample = { name: string; type: string; bytes: Buffer };
const disguised: [string, Sample, number, string][] = [
  [
    'setup.exe as application/octet-stream',
    { name: 'setup.exe', type: 'application/octet-stream', bytes: windowsProgram() },
    415,
    'attachment-type-not-allowed',
  ],
  [
    'a Windows program named relatorio.pdf',
    { name: 'relatorio.pdf', type: 'application/pdf', bytes: windowsProgram() },
    415,
    'attachment-type-not-allowed',
  ],
  [
    'a Linux program named foto.png',
    { name: 'foto.png', type: 'image/png', bytes: linuxProgram() },
    415,
    'attachment-type-not-allowed',
  ],
  [
    'a zip',
    { name: 'fotos.zip', type: 'application/zip', bytes: ZIP },
    415,
    'attachment-type-not-allowed',
  ],
  [
    'a zip as application/octet-stream',
    { name: 'fotos.dat', type: 'application/octet-stream', bytes: ZIP },
    415,
    'attachment-type-not-allowed',
  ],
  [
    'HTML named foto.png',
    { name: 'foto.png', type: 'image/png', bytes: HTML_PAGE },
    415,
    'attachment-content-mismatch',
  ],
  [
    'an SVG with a script',
    { name: 'logo.svg', type: 'image/svg+xml', bytes: SVG_WITH_SCRIPT },
    415,
    'attachment-type-not-allowed',
  ],
  [
    'a right-to-left override hiding .exe',
    { name: 'foto\u202Egnp.exe', type: 'image/png', bytes: PNG },
    415,
    'attachment-type-not-allowed',
  ],
];
// WhatsApp (Pedro's conversation) takes no SVG image; the web chat does, so it is the content.
const forAgent = disguised.filter(([label]) => label !== 'an SVG with a script');

describe('an agent upload', () => {
  it.each(forAgent)('refuses %s and stores nothing', async (_label, file, status, code) => {
    const response = await s.expectNothingStored(() =>
      s.agentUpload(
        { 'content-type': file.type, 'x-file-name': encodeURIComponent(file.name) },
        file.bytes,
      ),
    );
    expect(response.status).toBe(status);
    expect(await atendoCodeOf(response)).toBe(code);
  });

  it('answers a malformed %-escape in X-File-Name with 400, not a URIError', async () => {
    const response = await s.expectNothingStored(() =>
      s.agentUpload({ 'content-type': 'image/png', 'x-file-name': 'foto%E0%A4%A.png' }, PNG),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { atendoCode: 'invalid-input', details: { field: 'X-File-Name' } },
    });
  });

  it('keeps only the base name of a path-traversal name; the file is named by its id', async () => {
    const response = await s.agentUpload(
      { 'content-type': 'text/plain', 'x-file-name': encodeURIComponent('../../etc/passwd') },
      Buffer.from('root:x:0:0\n'),
    );
    expect(response.status).toBe(201);
    const { attachment } = (await response.json()) as {
      attachment: { id: string; fileName: string };
    };
    expect(attachment.fileName).toBe('passwd');
    expect(storedFiles(s.dataDir)).toContain(`uploads/${attachment.id}`);
  });

  it('refuses a chunked body over the limit while it streams, keeping no partial file', async () => {
    // WhatsApp images stop at 5 MB; this one declares no length and goes on to 8 MB.
    const response = await s.expectNothingStored(() =>
      s.agentUpload(
        { 'content-type': 'image/png', 'x-file-name': 'grande.png' },
        chunkedBody(8 * 1024 * 1024),
      ),
    );
    expect(response.status).toBe(413);
    expect(await atendoCodeOf(response)).toBe('attachment-too-large');
  });

  it.each([
    ['someone not signed in', 'conv-pedro-1', null, 401],
    // Diego's closed Vendas conversation: Ana may not send there.
    ['an agent who may not send in the conversation', 'conv-joao-1', 'ana', 409],
  ])('refuses %s before reading the body', async (_label, conversationId, who, status) => {
    // The body never ends: only a refusal made before reading it can answer at all.
    const stalled = stalledBody();
    const answer = await s.expectNothingStored(async () => {
      const response = await s.agentUpload(
        { 'content-type': 'image/png', 'x-file-name': 'foto.png' },
        stalled.body,
        conversationId,
        who === null ? null : s.anaToken,
      );
      return { status: response.status, code: await atendoCodeOf(response) };
    });
    stalled.stop();
    expect(answer).toEqual({ status, code: expect.any(String) as unknown });
  });

  it('stores a name with NUL and bidi controls without them', async () => {
    const response = await s.agentUpload(
      {
        'content-type': 'text/plain',
        'x-file-name': encodeURIComponent('nota\u0000\u202Efiscal.txt'),
      },
      Buffer.from('olá'),
    );
    expect(response.status).toBe(201);
    const { attachment } = (await response.json()) as { attachment: { fileName: string } };
    expect(attachment.fileName).toBe('notafiscal.txt');
  });
});

describe('a web chat visitor upload', () => {
  let n = 0;
  const clientId = () => `hostile-upload-${String(++n).padStart(4, '0')}`;

  it.each(disguised)('refuses %s and stores nothing', async (_label, file, status, code) => {
    const response = await s.expectNothingStored(() =>
      s.visitorUpload(
        { 'content-type': file.type, 'x-file-name': encodeURIComponent(file.name) },
        file.bytes,
        clientId(),
      ),
    );
    expect(response.status).toBe(status);
    expect(await atendoCodeOf(response)).toBe(code);
  });

  it('answers a malformed %-escape in X-File-Name with 400, not a URIError', async () => {
    const response = await s.expectNothingStored(() =>
      s.visitorUpload({ 'content-type': 'image/png', 'x-file-name': '%E0%A4%A' }, PNG, clientId()),
    );
    expect(response.status).toBe(400);
    expect(await atendoCodeOf(response)).toBe('invalid-input');
  });

  it('keeps only the base name of a path-traversal name', async () => {
    const response = await s.visitorUpload(
      { 'content-type': 'image/png', 'x-file-name': encodeURIComponent('..\\..\\win.ini.png') },
      PNG,
      clientId(),
    );
    expect(response.status).toBe(201);
    expect((await s.visitorAttachment(response))?.fileName).toBe('win.ini.png');
  });

  it('refuses a file over the limit before reading it', async () => {
    const response = await s.expectNothingStored(() =>
      s.visitorUpload(
        { 'content-type': 'image/png', 'x-file-name': 'foto.png' },
        Buffer.alloc(26 * 1024 * 1024),
        clientId(),
      ),
    );
    expect(response.status).toBe(413);
    expect(await atendoCodeOf(response)).toBe('attachment-too-large');
  });

  it('stores a name with NUL and bidi controls without them', async () => {
    const response = await s.visitorUpload(
      { 'content-type': 'image/png', 'x-file-name': encodeURIComponent('foto\u0000\u202E.png') },
      PNG,
      clientId(),
    );
    expect(response.status).toBe(201);
    expect((await s.visitorAttachment(response))?.fileName).toBe('foto.png');
  });
});

describe('an upload the client abandons half way', () => {
  it('leaves no partial file, and the server answers on', async () => {
    const before = await s.snapshot();
    const { hostname, port } = new URL(s.url);
    const request = http.request({
      hostname,
      port,
      method: 'POST',
      path: '/api/conversations/conv-pedro-1/uploads',
      headers: {
        authorization: `Bearer ${s.anaToken}`,
        'content-type': 'application/pdf',
        'content-length': String(4 * 1024 * 1024),
        'x-file-name': 'metade.pdf',
      },
    });
    request.on('error', () => undefined);
    request.write(Buffer.alloc(256 * 1024, 0x25));
    // Once the server has started writing the file, the client goes away.
    await vi.waitFor(() => {
      expect(storedFiles(s.dataDir).length).toBeGreaterThan(before.files.length);
    });
    request.destroy();
    await vi.waitFor(async () => {
      expect(await s.snapshot()).toEqual(before);
    });
    await expectAlive(s.url);
  });
});
