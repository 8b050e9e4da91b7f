import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { WebSocket } from 'ws';
import { STREAM_PATH } from '@atendo/shared/sync/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from './app';
import type { AppRouter } from './router';
import { ANA, createHarness, type Harness } from './testing/harness';

const clientFor = (url: string, token: () => string | null) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${url}/trpc`,
        headers: () => {
          const t = token();
          return t ? { authorization: `Bearer ${t}` } : {};
        },
      }),
    ],
  });

describe('the HTTP server on loopback', () => {
  let h: Harness;
  let running: RunningServer;
  beforeEach(async () => {
    h = await createHarness();
    running = await h.server.listen();
  });
  afterEach(async () => {
    await running.close();
    await h.close();
  });

  it('answers /health', async () => {
    const res = await fetch(`${running.url}/health`);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('signs in, works a conversation and reports stable error codes over HTTP', async () => {
    let token: string | null = null;
    const client = clientFor(running.url, () => token);
    const anonymous = await client.auth.me.query().catch((e: unknown) => e);
    expect(anonymous).toBeInstanceOf(TRPCClientError);
    expect((anonymous as TRPCClientError<AppRouter>).data).toMatchObject({
      atendoCode: 'unauthenticated',
      httpStatus: 401,
    });

    const wrong = await client.auth.login
      .mutate({ email: ANA, password: 'nope' })
      .catch((e: unknown) => e);
    expect((wrong as TRPCClientError<AppRouter>).data?.atendoCode).toBe('unauthenticated');

    const session = await client.auth.login.mutate({ email: ANA, password: 'atendo-demo' });
    token = session.token;
    expect(await client.auth.me.query()).toMatchObject({
      id: 'agent-ana',
      teamIds: ['team-suporte'],
    });
    expect(JSON.stringify(await client.catalog.agents.query())).not.toContain('scrypt');

    await client.conversation.take.mutate({ conversationId: 'conv-pedro-1' });
    const lost = await client.conversation.take
      .mutate({ conversationId: 'conv-pedro-1' })
      .catch((e: unknown) => e);
    expect((lost as TRPCClientError<AppRouter>).data).toMatchObject({
      atendoCode: 'already-taken',
      httpStatus: 409,
      details: { ownerId: 'agent-ana', ownerName: 'Ana Souza' },
    });
    const bad = await client.conversation.sendText
      .mutate({ conversationId: 'conv-pedro-1', clientId: 'c', text: '' })
      .catch((e: unknown) => e);
    expect((bad as TRPCClientError<AppRouter>).data).toMatchObject({
      atendoCode: 'invalid-input',
      httpStatus: 400,
    });

    await client.auth.logout.mutate();
    const afterLogout = await client.auth.me.query().catch((e: unknown) => e);
    expect((afterLogout as TRPCClientError<AppRouter>).data?.atendoCode).toBe('unauthenticated');
  });

  it('serves the sync stream as a websocket at STREAM_PATH and refuses other paths', async () => {
    const token = (
      await clientFor(running.url, () => null).auth.login.mutate({
        email: ANA,
        password: 'atendo-demo',
      })
    ).token;
    const base = running.url.replace('http', 'ws');
    const stream = new WebSocket(`${base}${STREAM_PATH}`);
    stream.on('open', () => {
      stream.send(JSON.stringify({ type: 'hello', token }));
    });
    const [first] = (await once(stream, 'message')) as [Buffer];
    expect(JSON.parse(first.toString('utf8'))).toEqual([{ type: 'resync', reason: 'connected' }]);
    const closed = once(stream, 'close');
    await running.close();
    expect((await closed)[0]).toBe(1001);
    running = await h.server.listen();

    const other = new WebSocket(`${running.url.replace('http', 'ws')}/trpc`);
    other.on('error', () => undefined);
    const [, response] = (await once(other, 'unexpected-response')) as [unknown, IncomingMessage];
    expect(response.statusCode).toBe(404);
  });

  it('uploads an attachment and sends it', async () => {
    let token: string | null = null;
    const client = clientFor(running.url, () => token);
    token = (await client.auth.login.mutate({ email: ANA, password: 'atendo-demo' })).token;
    await client.conversation.take.mutate({ conversationId: 'conv-pedro-1' });
    const upload = (type: string, body: Uint8Array, auth = true) =>
      fetch(`${running.url}/api/conversations/conv-pedro-1/uploads`, {
        method: 'POST',
        headers: {
          'content-type': type,
          'x-file-name': encodeURIComponent('fatura março.pdf'),
          ...(auth ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body,
      });
    expect((await upload('application/pdf', new Uint8Array(10), false)).status).toBe(401);
    const refused = await upload('application/x-msdownload', new Uint8Array(10));
    expect(await refused.json()).toMatchObject({
      error: { atendoCode: 'attachment-type-not-allowed' },
    });
    const tooLarge = await upload('application/pdf', new Uint8Array(101 * 1024 * 1024));
    expect(tooLarge.status).toBe(413);
    const ok = await upload('application/pdf', new Uint8Array([37, 80, 68, 70]));
    expect(ok.status).toBe(201);
    const { attachment } = (await ok.json()) as { attachment: { id: string } };
    const download = (auth: boolean) =>
      fetch(`${running.url}/api/attachments/${attachment.id}`, {
        headers: auth ? { authorization: `Bearer ${token}` } : {},
      });
    expect((await download(false)).status).toBe(401);
    const file = await download(true);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([37, 80, 68, 70]));
    h.deps.senders.register('whatsapp', () =>
      Promise.resolve({ ok: true, channelMessageId: 'wamid.doc' }),
    );
    const sent = await client.conversation.sendAttachment.mutate({
      conversationId: 'conv-pedro-1',
      clientId: 'f1',
      attachmentIds: [attachment.id],
    });
    expect(sent).toMatchObject({
      kind: 'media',
      status: 'sent',
      attachments: [{ fileName: 'fatura março.pdf', mediaType: 'document', size: 4 }],
    });
  });
});
