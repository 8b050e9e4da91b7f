import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csatPrompt } from '@atendo/shared/rules/csat';
import type { SendResponse, SessionResponse, TranscriptResponse } from './protocol';
import { isMessage, isState, openVisitorStream } from './sse-test-client';
import { bearer, startWebchatServer, WEBCHAT_CHANNEL_ID, WEBCHAT_KEY } from './webchat-test-server';

/*
 * The whole web chat journey over real HTTP and Server-Sent Events on loopback: visitor → bot
 * menu → queue → agent takes → replies → closes with a disposition → visitor rates.
 */

let server: Awaited<ReturnType<typeof startWebchatServer>>;
beforeAll(async () => {
  server = await startWebchatServer();
});
afterAll(async () => {
  await server.stop();
});

async function post(
  path: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const openSession = async (locale: 'pt-BR' | 'en') => {
  const { status, body } = await post(`/webchat/${WEBCHAT_KEY}/sessions`, {
    name: 'Maria Visitante',
    email: 'maria.visitante@example.com',
    locale,
  });
  expect(status).toBe(201);
  return body as SessionResponse;
};

const countByChannelMessageId = async (id: string) =>
  (
    await server.db
      .selectFrom('messages')
      .select('id')
      .where('channel_id', '=', WEBCHAT_CHANNEL_ID)
      .where('channel_message_id', '=', id)
      .execute()
  ).length;

describe('web chat, end to end', () => {
  it('takes a visitor from the bot menu through an agent to a recorded CSAT', async () => {
    const session = await openSession('en');
    const stream = await openVisitorStream(
      `${server.url}/webchat/sessions/events`,
      bearer(session.token),
    );
    const say = async (clientMessageId: string, text: string) => {
      const sent = await post(
        '/webchat/sessions/messages',
        { clientMessageId, text },
        session.token,
      );
      return { status: sent.status, body: sent.body as SendResponse };
    };

    const first = await say('visitor-msg-0001', 'Olá, preciso de ajuda');
    expect(first.status).toBe(201);
    const menu = await stream.next(isMessage((body) => body.startsWith('Olá! Escolha')));
    expect(menu.message.body).toContain('1 - Suporte');
    expect(menu.message.authorName).toBeNull();

    // A retried POST (same client id) is answered with the stored message and stores nothing.
    const retry = await say('visitor-msg-0001', 'Olá, preciso de ajuda');
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ created: false, messageId: first.body.messageId });
    expect(await countByChannelMessageId('visitor-msg-0001')).toBe(1);

    await say('visitor-msg-0002', '1');
    await stream.next(isState('queued'));
    const conversationId = first.body.conversationId;

    const ana = await server.agent('ana@atendo.demo');
    await ana.conversation.take.mutate({ conversationId });
    await stream.next(isState('active'));
    await ana.conversation.sendText.mutate({
      conversationId,
      clientId: 'ana-reply-1',
      text: 'Oi Maria, aqui é a Ana. Como posso ajudar?',
    });
    const reply = await stream.next(isMessage((body) => body.startsWith('Oi Maria')));
    expect(reply.message.authorName).toBe('Ana Souza');

    // The widget acknowledges what it showed: the agent's message becomes delivered.
    expect(
      (await post('/webchat/sessions/acks', { messageIds: [reply.message.id] }, session.token))
        .status,
    ).toBe(200);
    const acked = await server.db
      .selectFrom('messages')
      .select('status')
      .where('id', '=', reply.message.id)
      .executeTakeFirstOrThrow();
    expect(acked.status).toBe('delivered');

    await ana.conversation.close.mutate({ conversationId, dispositionId: 'disp-duvida-produto' });
    await stream.next(isState('awaiting_csat'));
    const asked = await stream.next(
      (e): e is Extract<typeof e, { type: 'csat' }> => e.type === 'csat',
    );
    expect(asked.prompt).toBe(csatPrompt('en'));

    // Not an answer: asked again once, in the visitor's language.
    await say('visitor-msg-0003', 'obrigada!');
    await stream.next(isMessage((body) => body === csatPrompt('en')));

    const rated = await post(
      '/webchat/sessions/csat',
      { score: 5, comment: 'Great' },
      session.token,
    );
    expect(rated.status).toBe(200);
    await stream.next(isState('closed'));
    const answer = await server.db
      .selectFrom('csat_answers')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(answer).toMatchObject({ score: 5, comment: 'Great' });
    const closed = await server.db
      .selectFrom('conversations')
      .select(['state', 'disposition_id'])
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(closed).toEqual({ state: 'closed', disposition_id: 'disp-duvida-produto' });

    // A reload reads the transcript: the agent's name is there, internal lines are not.
    const transcript = (await (
      await fetch(`${server.url}/webchat/sessions/transcript`, {
        headers: { authorization: `Bearer ${session.token}` },
      })
    ).json()) as TranscriptResponse;
    expect(transcript.state).toBe('closed');
    expect(transcript.messages.map((m) => m.authorName)).toContain('Ana Souza');
    expect(transcript.messages.every((m) => m.kind !== 'system')).toBe(true);

    // The contact carries what the visitor typed in the form.
    const contact = await server.db
      .selectFrom('contacts')
      .select(['name', 'emails'])
      .where('name', '=', 'Maria Visitante')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(contact.emails)).toEqual(['maria.visitante@example.com']);
    await stream.close();
  });

  it('refuses a forged token with a typed error', async () => {
    const response = await post(
      '/webchat/sessions/messages',
      { clientMessageId: 'x'.repeat(10), text: 'hi' },
      'forged.token',
    );
    expect(response).toEqual({
      status: 401,
      body: {
        error: {
          code: 'unauthenticated',
          message: expect.any(String) as string,
          details: { reason: 'invalid' },
        },
      },
    });
  });

  it('answers the browser preflight of a customer site (cross-origin)', async () => {
    const response = await fetch(`${server.url}/webchat/sessions/messages`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://loja.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('refuses an unknown channel key', async () => {
    const response = await post('/webchat/no-such-site/sessions', {
      name: 'X',
      email: 'x@example.com',
      locale: 'en',
    });
    expect(response.status).toBe(404);
  });
});

/**
 * Sends raw bytes with explicit headers. The body may be shorter than the declared length: the
 * server must answer from the headers alone, so the request is torn down once it has.
 */
function upload(token: string, headers: Record<string, string>, body: Buffer) {
  return new Promise<{ status: number; body: { error?: { code: string } } }>((resolve, reject) => {
    const request = http.request(
      `${server.url}/webchat/sessions/uploads`,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on('end', () => {
          request.destroy();
          resolve({
            status: response.statusCode ?? 0,
            body: JSON.parse(text) as { error?: { code: string } },
          });
        });
      },
    );
    request.on('error', reject);
    request.write(body);
  });
}

describe('web chat uploads', () => {
  it.each([
    ['a program', 'application/x-msdownload', 1000, 415, 'attachment-type-not-allowed'],
    ['a file over the channel limit', 'image/png', 26 * 1024 * 1024, 413, 'attachment-too-large'],
  ])('refuses %s and stores nothing', async (_label, type, declaredSize, status, code) => {
    const session = await openSession('pt-BR');
    const clientId = `upload-${code}`;
    const result = await upload(
      session.token,
      {
        'content-type': type,
        'content-length': String(declaredSize),
        'x-file-name': 'file.bin',
        'x-client-message-id': clientId,
      },
      Buffer.alloc(16),
    );
    expect(result).toMatchObject({ status, body: { error: { code } } });
    expect(await countByChannelMessageId(clientId)).toBe(0);
  });

  it('stores an allowed file once as a media message', async () => {
    const session = await openSession('pt-BR');
    const bytes = Buffer.from('hello, atendo');
    const headers = {
      'content-type': 'text/plain',
      'content-length': String(bytes.length),
      'x-file-name': encodeURIComponent('nota fiscal.txt'),
      'x-client-message-id': 'upload-ok-0001',
    };
    expect((await upload(session.token, headers, bytes)).status).toBe(201);
    expect((await upload(session.token, headers, bytes)).status).toBe(200);
    const rows = await server.db
      .selectFrom('messages')
      .select(['kind', 'attachments'])
      .where('channel_message_id', '=', 'upload-ok-0001')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.kind).toBe('media');
    expect(JSON.parse(rows[0]?.attachments ?? '[]')).toEqual([
      expect.objectContaining({
        fileName: 'nota fiscal.txt',
        mimeType: 'text/plain',
        size: bytes.length,
      }),
    ]);
  });
});

describe('web chat assets', () => {
  it('serves the widget as one classic script and a demo page that embeds it', async () => {
    const widget = await fetch(`${server.url}/webchat/widget.js`);
    expect(widget.headers.get('content-type')).toContain('javascript');
    const code = await widget.text();
    expect(code).toContain('attachShadow');
    expect(code).not.toMatch(/^\s*import /m);
    const demo = await (await fetch(`${server.url}/webchat/demo?channel=${WEBCHAT_KEY}`)).text();
    expect(demo).toContain(`src="/webchat/widget.js" data-channel="${WEBCHAT_KEY}"`);
  });
});
