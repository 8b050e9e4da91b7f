import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGraphServer, type FakeGraphServer } from './fake-graph-server';
import { buildMessageWebhook, sampleMessage, signWebhook, type SampleType } from './fake-webhooks';
import {
  createTestChannel,
  serverSide,
  TEST_APP_SECRET as appSecret,
  TEST_PHONE_NUMBER_ID as phoneNumberId,
  type ServerSide,
} from './test-support';
import type { InboundMessageInput, WhatsAppChannel } from './whatsapp-channel';

const from = '5511987654321';
const timestamp = 1_717_000_000;

let fake: FakeGraphServer;
let server: ServerSide;
let channel: WhatsAppChannel;

beforeEach(async () => {
  fake = await startFakeGraphServer();
  server = serverSide();
  channel = createTestChannel(fake, server).channel;
});
afterEach(() => fake.close());

function post(payload: object | string) {
  const { rawBody, signature } = signWebhook(payload, appSecret);
  return channel.handleWebhook(rawBody, signature);
}

function messageWebhook(type: SampleType, id = `wamid.${type}`, mediaId?: string) {
  const message = sampleMessage(type, {
    id,
    from,
    timestamp,
    ...(mediaId === undefined ? {} : { mediaId }),
  });
  return buildMessageWebhook({ phoneNumberId, from, profileName: 'Maria', messages: [message] });
}

function nothingPassedOn() {
  expect(server.ingested).toEqual([]);
  expect(server.statuses).toEqual([]);
  expect(server.media).toEqual([]);
  expect(fake.requests).toEqual([]);
}

describe('subscription handshake', () => {
  it('echoes the challenge for the right token and refuses others', () => {
    const query = {
      'hub.mode': 'subscribe',
      'hub.verify_token': 'verify-me',
      'hub.challenge': '42',
    };
    expect(channel.handleVerification(query)).toEqual({ status: 200, body: '42' });
    expect(channel.handleVerification({ ...query, 'hub.verify_token': 'x' })).toEqual({
      status: 403,
      reason: 'token-mismatch',
    });
  });
});

describe('webhook signature and shape', () => {
  const body = () =>
    signWebhook(
      messageWebhook('image', 'wamid.I', fake.addMedia(Buffer.from('jpg'), 'image/jpeg')),
      appSecret,
    );

  it.each([
    ['missing', () => undefined, 'missing'],
    ['malformed', () => 'sha256=abc', 'malformed'],
    [
      'signed with the wrong secret',
      () => signWebhook(body().rawBody, 'not-the-secret').signature,
      'mismatch',
    ],
  ])(
    'answers 401 and passes nothing on when the signature is %s',
    async (_label, header, reason) => {
      const { rawBody } = body();
      fake.requests.length = 0;
      expect(await channel.handleWebhook(rawBody, header())).toEqual({ status: 401, reason });
      nothingPassedOn();
    },
  );

  it('answers 401 when the body was changed after signing', async () => {
    const { rawBody, signature } = body();
    fake.requests.length = 0;
    const tampered = Buffer.from(rawBody.toString().replace('Maria', 'Mallory'));
    expect(await channel.handleWebhook(tampered, signature)).toEqual({
      status: 401,
      reason: 'mismatch',
    });
    nothingPassedOn();
  });

  it.each([
    ['not JSON', '{"object": "whatsapp_business_account", ', 'invalid-json'],
    ['JSON null', 'null', 'invalid-payload'],
    ['another object', { object: 'instagram', entry: [] }, 'invalid-payload'],
    [
      'a text message without text',
      buildMessageWebhook({
        phoneNumberId,
        from,
        messages: [{ from, id: 'w', timestamp: '1', type: 'text' }],
      }),
      'invalid-payload',
    ],
  ])('answers 400 and stores nothing for %s', async (_label, payload, reason) => {
    expect(await post(payload)).toEqual({ status: 400, reason });
    nothingPassedOn();
  });
});

describe('inbound messages', () => {
  it.each<[SampleType, Partial<InboundMessageInput>]>([
    ['text', { body: 'Olá, meu pedido não chegou', whatsappType: 'text' }],
    [
      'location',
      {
        body: '📍 -23.5505,-46.6333 Loja Centro — Praça da Sé, São Paulo',
        whatsappType: 'location',
      },
    ],
    ['contacts', { body: '👤 João Lima (+55 11 98888-7777)', whatsappType: 'contacts' }],
    [
      'interactive-button',
      { body: 'Sim, resolvido', replyTo: 'wamid.QUESTION', whatsappType: 'interactive' },
    ],
    [
      'interactive-list',
      { body: 'Financeiro', replyTo: 'wamid.MENU', whatsappType: 'interactive' },
    ],
    ['button', { body: 'Confirmar entrega', replyTo: 'wamid.TEMPLATE', whatsappType: 'button' }],
    ['reaction', { body: '👍', reactionTo: 'wamid.OURS', whatsappType: 'reaction' }],
    ['unsupported', { body: '', whatsappType: 'unsupported' }],
    ['unknown-type', { body: '', whatsappType: 'unsupported' }],
  ])('passes a %s message to the ingest callback', async (type, expected) => {
    expect(await post(messageWebhook(type))).toEqual({
      status: 200,
      messages: 1,
      statuses: 0,
      skipped: 0,
    });
    expect(server.ingested).toEqual([
      {
        channelId: 'ch-wa-1',
        address: from,
        profileName: 'Maria',
        channelMessageId: `wamid.${type}`,
        kind: 'text',
        attachments: [],
        sentAt: timestamp * 1000,
        reactionTo: null,
        replyTo: null,
        mediaError: null,
        ...expected,
      },
    ]);
  });

  it.each([
    ['image', 'image/jpeg', 'image-ID.jpg', 'Foto da caixa'],
    ['audio', 'audio/ogg; codecs=opus', 'audio-ID.ogg', ''],
    ['video', 'video/mp4', 'video-ID.mp4', 'Vídeo'],
    ['document', 'application/pdf', 'nota-fiscal.pdf', 'Nota fiscal'],
    ['sticker', 'image/webp', 'sticker-ID.webp', ''],
  ] as const)(
    'downloads %s media at once and stores it before ingesting',
    async (type, mimeType, fileName, body) => {
      const bytes = Buffer.from(`${type} bytes`);
      const mediaId = fake.addMedia(bytes, mimeType);
      expect(await post(messageWebhook(type, 'wamid.M', mediaId))).toMatchObject({
        status: 200,
        messages: 1,
      });
      expect(server.media).toHaveLength(1);
      expect(server.media[0]?.bytes.equals(bytes)).toBe(true);
      expect(server.media[0]).toMatchObject({
        channelId: 'ch-wa-1',
        channelMessageId: 'wamid.M',
        mediaId,
        mediaType: type,
        mimeType,
      });
      expect(server.ingested[0]).toMatchObject({
        kind: 'media',
        body,
        attachments: [
          {
            id: 'att-1',
            fileName: fileName.replace('ID', mediaId),
            size: bytes.length,
            mediaType: type,
          },
        ],
        mediaError: null,
      });
      const paths = fake.requests.map((r) => `${r.method} ${r.path}`);
      expect(paths).toEqual([`GET /v23.0/${mediaId}`, `GET /media-download/${mediaId}`]);
    },
  );

  it('keeps the message and reports the problem when the media cannot be fetched', async () => {
    expect(await post(messageWebhook('image', 'wamid.GONE', '404404'))).toMatchObject({
      status: 200,
      messages: 1,
    });
    expect(server.media).toEqual([]);
    expect(server.ingested[0]).toMatchObject({
      kind: 'media',
      attachments: [],
      mediaError: { code: 'whatsapp-100' },
    });
  });

  it('is safe to receive the same webhook twice: the server stores the message once', async () => {
    const payload = messageWebhook('text');
    await post(payload);
    await post(payload);
    expect(server.ingested.map((m) => m.channelMessageId)).toEqual(['wamid.text', 'wamid.text']);
    expect(server.stored.size).toBe(1);
  });

  it('skips events for another business number served by the same app', async () => {
    const payload = buildMessageWebhook({
      phoneNumberId: '999',
      from,
      messages: [sampleMessage('text', { id: 'w', from, timestamp })],
    });
    expect(await post(payload)).toEqual({ status: 200, messages: 0, statuses: 0, skipped: 1 });
    expect(server.ingested).toEqual([]);
  });

  it('answers 500 when the server fails to store, so Meta delivers again', async () => {
    const failing = createTestChannel(fake, server, {
      ingest: () => Promise.reject(new Error('database is locked')),
    }).channel;
    const { rawBody, signature } = signWebhook(messageWebhook('text'), appSecret);
    expect(await failing.handleWebhook(rawBody, signature)).toEqual({
      status: 500,
      reason: 'processing-failed',
    });
  });
});
