import type { Attachment } from '@atendo/shared/schemas/message';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGraphServer, type FakeGraphServer } from './fake-graph-server';
import {
  buildMessageWebhook,
  buildStatusWebhook,
  sampleMessage,
  signWebhook,
  type SampleType,
  type StatusInput,
} from './fake-webhooks';
import type { StoreMediaInput } from './inbound-media';
import { recordingSleep, silentLogger } from './test-support';
import {
  createWhatsAppChannel,
  type InboundMessageInput,
  type StatusUpdateInput,
  type WhatsAppChannel,
} from './whatsapp-channel';

const appSecret = 'meta-app-secret';
const phoneNumberId = '106540352242922';
const from = '5511987654321';
const timestamp = 1_717_000_000;

/** The server side as plain recorders; de-duplication by wamid mirrors the server's ingest. */
function serverSide() {
  const ingested: InboundMessageInput[] = [];
  const stored = new Map<string, InboundMessageInput>();
  const statuses: StatusUpdateInput[] = [];
  const media: StoreMediaInput[] = [];
  return {
    ingested,
    stored,
    statuses,
    media,
    ingest: (input: InboundMessageInput) => {
      ingested.push(input);
      if (!stored.has(input.channelMessageId)) stored.set(input.channelMessageId, input);
      return Promise.resolve();
    },
    updateStatus: (input: StatusUpdateInput) => {
      statuses.push(input);
      return Promise.resolve();
    },
    storeMedia: (input: StoreMediaInput): Promise<Attachment> => {
      media.push(input);
      return Promise.resolve({
        id: `att-${media.length}`,
        fileName: input.fileName,
        mimeType: input.mimeType,
        size: input.bytes.length,
        mediaType: input.mediaType,
        ...(input.mediaType === 'sticker' ? { animated: input.animated } : {}),
      });
    },
  };
}

let fake: FakeGraphServer;
let server: ReturnType<typeof serverSide>;
let channel: WhatsAppChannel;

beforeEach(async () => {
  fake = await startFakeGraphServer();
  server = serverSide();
  channel = createWhatsAppChannel({
    config: {
      channelId: 'ch-wa-1',
      phoneNumberId,
      accessToken: fake.accessToken,
      appSecret,
      verifyToken: 'verify-me',
      graphBaseUrl: fake.baseUrl,
      retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 40 },
    },
    ingest: server.ingest,
    updateStatus: server.updateStatus,
    storeMedia: server.storeMedia,
    now: () => 1_717_000_500_000,
    logger: silentLogger,
    sleep: recordingSleep().sleep,
  });
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
    const failing = createWhatsAppChannel({
      config: {
        channelId: 'c',
        phoneNumberId,
        accessToken: 't',
        appSecret,
        verifyToken: 'v',
        graphBaseUrl: fake.baseUrl,
      },
      ingest: () => Promise.reject(new Error('database is locked')),
      updateStatus: server.updateStatus,
      storeMedia: server.storeMedia,
      now: () => 0,
      logger: silentLogger,
    });
    const { rawBody, signature } = signWebhook(messageWebhook('text'), appSecret);
    expect(await failing.handleWebhook(rawBody, signature)).toEqual({
      status: 500,
      reason: 'processing-failed',
    });
  });
});

describe('delivery statuses', () => {
  const status = (
    s: StatusInput['status'],
    offset: number,
    errors?: StatusInput['errors'],
  ): StatusInput => ({
    id: 'wamid.OUT',
    status: s,
    timestamp: timestamp + offset,
    recipientId: from,
    ...(errors === undefined ? {} : { errors }),
  });

  it('passes statuses on in arrival order, out-of-order and duplicates included', async () => {
    const statuses = [
      status('sent', 0),
      status('read', 5),
      status('delivered', 3),
      status('read', 5),
      status('played', 9),
    ];
    expect(await post(buildStatusWebhook({ phoneNumberId, statuses }))).toMatchObject({
      status: 200,
      statuses: 5,
    });
    expect(server.statuses.map((s) => [s.status, s.at])).toEqual([
      ['sent', timestamp * 1000],
      ['read', (timestamp + 5) * 1000],
      ['delivered', (timestamp + 3) * 1000],
      ['read', (timestamp + 5) * 1000],
      ['read', (timestamp + 9) * 1000],
    ]);
    expect(
      server.statuses.every(
        (s) => s.error === null && !s.closesWindow && s.channelId === 'ch-wa-1',
      ),
    ).toBe(true);
  });

  it.each([
    [131047, { code: 'window-closed', message: 'window closed — send a template' }, true],
    [
      131026,
      {
        code: 'undeliverable',
        message: 'undeliverable: Receiver is incapable of receiving this message',
      },
      false,
    ],
    [
      131049,
      {
        code: 'ecosystem-limit',
        message:
          'not delivered to keep ecosystem engagement healthy: Receiver is incapable of receiving this message',
      },
      false,
    ],
    [130429, { code: 'rate-limited', message: 'throughput limit' }, false],
    [
      131000,
      {
        code: 'whatsapp-131000',
        message: 'failed: Receiver is incapable of receiving this message',
      },
      false,
    ],
  ])('maps a failed status with %i', async (code, error, closesWindow) => {
    const errors = [
      { code, title: 'Some title', details: 'Receiver is incapable of receiving this message' },
    ];
    await post(buildStatusWebhook({ phoneNumberId, statuses: [status('failed', 1, errors)] }));
    expect(server.statuses).toEqual([
      {
        channelId: 'ch-wa-1',
        channelMessageId: 'wamid.OUT',
        status: 'failed',
        error,
        closesWindow,
        at: (timestamp + 1) * 1000,
      },
    ]);
  });
});
