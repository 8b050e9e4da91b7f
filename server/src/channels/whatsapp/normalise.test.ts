import { describe, expect, it } from 'vitest';
import {
  buildMessageWebhook,
  buildStatusWebhook,
  sampleMessage,
  type SampleType,
} from './fake-webhooks';
import { normaliseWebhook, type InboundMessageEvent } from './normalise';
import { WebhookPayload } from './webhook-payload';

const phoneNumberId = '106540352242922';
const from = '5511987654321';
const timestamp = 1_717_000_000;

function normalise(payload: object) {
  return normaliseWebhook(WebhookPayload.parse(payload));
}

function normaliseOne(type: SampleType): InboundMessageEvent {
  const message = sampleMessage(type, { id: `wamid.${type}`, from, timestamp, mediaId: 'MEDIA1' });
  const events = normalise(
    buildMessageWebhook({ phoneNumberId, from, profileName: 'Maria', messages: [message] }),
  );
  const [event] = events;
  if (events.length !== 1 || event?.kind !== 'message') throw new Error('expected one message');
  return event;
}

const sha256 = 'bzR8NPYDXX9l7cCsXBM6rWp7WNo1x7B9cpEbr/tv5t4=';

describe('normaliseWebhook: messages', () => {
  it.each<[SampleType, Partial<InboundMessageEvent>]>([
    ['text', { messageType: 'text', body: 'Olá, meu pedido não chegou' }],
    [
      'image',
      {
        messageType: 'image',
        body: 'Foto da caixa',
        media: { mediaId: 'MEDIA1', mimeType: 'image/jpeg', mediaType: 'image', sha256 },
      },
    ],
    [
      'audio',
      {
        messageType: 'audio',
        body: '',
        media: {
          mediaId: 'MEDIA1',
          mimeType: 'audio/ogg; codecs=opus',
          mediaType: 'audio',
          sha256,
          voice: true,
        },
      },
    ],
    [
      'video',
      {
        messageType: 'video',
        body: 'Vídeo',
        media: { mediaId: 'MEDIA1', mimeType: 'video/mp4', mediaType: 'video', sha256 },
      },
    ],
    [
      'document',
      {
        messageType: 'document',
        body: 'Nota fiscal',
        media: {
          mediaId: 'MEDIA1',
          mimeType: 'application/pdf',
          mediaType: 'document',
          sha256,
          fileName: 'nota-fiscal.pdf',
        },
      },
    ],
    [
      'sticker',
      {
        messageType: 'sticker',
        body: '',
        media: {
          mediaId: 'MEDIA1',
          mimeType: 'image/webp',
          mediaType: 'sticker',
          sha256,
          animated: false,
        },
      },
    ],
    [
      'location',
      {
        messageType: 'location',
        body: '📍 -23.5505,-46.6333 Loja Centro — Praça da Sé, São Paulo',
      },
    ],
    ['contacts', { messageType: 'contacts', body: '👤 João Lima (+55 11 98888-7777)' }],
    [
      'interactive-button',
      { messageType: 'interactive', body: 'Sim, resolvido', replyTo: 'wamid.QUESTION' },
    ],
    ['interactive-list', { messageType: 'interactive', body: 'Financeiro', replyTo: 'wamid.MENU' }],
    ['button', { messageType: 'button', body: 'Confirmar entrega', replyTo: 'wamid.TEMPLATE' }],
    ['reaction', { messageType: 'reaction', body: '👍', reactionTo: 'wamid.OURS' }],
    ['unsupported', { messageType: 'unsupported', body: '', originalType: 'unsupported' }],
    ['unknown-type', { messageType: 'unsupported', body: '', originalType: 'order' }],
  ])('%s', (type, expected) => {
    const event = normaliseOne(type);
    expect(event).toEqual({
      kind: 'message',
      phoneNumberId,
      from,
      profileName: 'Maria',
      channelMessageId: `wamid.${type}`,
      sentAt: timestamp * 1000,
      ...expected,
    });
  });

  it('keeps what Meta says an unsupported message was', () => {
    const message = {
      ...sampleMessage('unsupported', { id: 'wamid.U', from, timestamp }),
      unsupported: { type: 'edit' },
    };
    const [event] = normalise(buildMessageWebhook({ phoneNumberId, from, messages: [message] }));
    expect(event).toMatchObject({ messageType: 'unsupported', originalType: 'edit' });
  });

  it('reads a removed reaction as an empty emoji', () => {
    const message = {
      ...sampleMessage('reaction', { id: 'wamid.R', from, timestamp }),
      reaction: { message_id: 'wamid.OURS' },
    };
    const [event] = normalise(buildMessageWebhook({ phoneNumberId, from, messages: [message] }));
    expect(event).toMatchObject({ body: '', reactionTo: 'wamid.OURS' });
  });

  it('keeps a batch whose unknown message sits between known ones, in order', () => {
    const messages = (['text', 'unknown-type', 'location'] as const).map((type, i) =>
      sampleMessage(type, { id: `wamid.${i}`, from, timestamp: timestamp + i }),
    );
    const events = normalise(buildMessageWebhook({ phoneNumberId, from, messages }));
    expect(
      events.map((e) => (e.kind === 'message' ? [e.channelMessageId, e.messageType] : null)),
    ).toEqual([
      ['wamid.0', 'text'],
      ['wamid.1', 'unsupported'],
      ['wamid.2', 'location'],
    ]);
  });

  it('gives no profile name when Meta sends none', () => {
    const payload = buildMessageWebhook({
      phoneNumberId,
      from,
      messages: [sampleMessage('text', { id: 'w', from, timestamp })],
    });
    const value = JSON.parse(
      JSON.stringify(payload).replace('"profile":{"name":"Maria Souza"},', ''),
    ) as object;
    expect(normalise(value)[0]).toMatchObject({ profileName: null });
  });

  it.each([
    ['a text without body', { type: 'text', text: {} }],
    ['an image without id', { type: 'image', image: { mime_type: 'image/jpeg' } }],
    ['a location without latitude', { type: 'location', location: { longitude: 1 } }],
  ])('rejects %s instead of storing half a message', (_label, broken) => {
    const message = { from, id: 'wamid.X', timestamp: String(timestamp), ...broken };
    const payload = buildMessageWebhook({ phoneNumberId, from, messages: [message] });
    expect(WebhookPayload.safeParse(payload).success).toBe(false);
  });
});

describe('normaliseWebhook: statuses', () => {
  it.each([
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'read'],
    ['played', 'read'],
    ['failed', 'failed'],
  ] as const)('%s → %s', (status, expected) => {
    const payload = buildStatusWebhook({
      phoneNumberId,
      statuses: [{ id: 'wamid.OUT', status, timestamp, recipientId: from }],
    });
    expect(normalise(payload)).toEqual([
      {
        kind: 'status',
        phoneNumberId,
        channelMessageId: 'wamid.OUT',
        status: expected,
        at: timestamp * 1000,
        recipientId: from,
        errors: [],
      },
    ]);
  });

  it('carries the error details of a failed status', () => {
    const payload = buildStatusWebhook({
      phoneNumberId,
      statuses: [
        {
          id: 'wamid.OUT',
          status: 'failed',
          timestamp,
          recipientId: from,
          errors: [
            {
              code: 131047,
              title: 'Re-engagement message',
              details:
                'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
            },
          ],
        },
      ],
    });
    const [event] = normalise(payload);
    expect(event).toMatchObject({
      status: 'failed',
      errors: [
        { code: 131047, error_data: { details: expect.stringContaining('24 hours') as unknown } },
      ],
    });
  });

  it('passes out-of-order and duplicate statuses on as they came', () => {
    const statuses = (['read', 'delivered', 'read', 'sent'] as const).map((status, i) => ({
      id: 'wamid.OUT',
      status,
      timestamp: timestamp + i,
      recipientId: from,
    }));
    const events = normalise(buildStatusWebhook({ phoneNumberId, statuses }));
    expect(events.map((e) => (e.kind === 'status' ? e.status : null))).toEqual([
      'read',
      'delivered',
      'read',
      'sent',
    ]);
  });

  it('skips a status value Meta may add later instead of rejecting the batch', () => {
    const payload = buildStatusWebhook({
      phoneNumberId,
      statuses: [{ id: 'wamid.OUT', status: 'read', timestamp, recipientId: from }],
    });
    const text = JSON.stringify(payload).replace('"read"', '"deleted"');
    expect(normalise(JSON.parse(text) as object)).toEqual([]);
  });
});

describe('normaliseWebhook: envelope', () => {
  it('reports account-level errors as error events', () => {
    const payload = buildMessageWebhook({ phoneNumberId, from, messages: [] });
    const text = JSON.stringify(payload).replace(
      '"messages":[]',
      '"errors":[{"code":131000,"title":"Something went wrong","message":"Something went wrong","error_data":{"details":"Unknown"}}]',
    );
    expect(normalise(JSON.parse(text) as object)).toEqual([
      {
        kind: 'error',
        phoneNumberId,
        errors: [
          {
            code: 131000,
            title: 'Something went wrong',
            message: 'Something went wrong',
            error_data: { details: 'Unknown' },
          },
        ],
      },
    ]);
  });

  it('ignores changes of other fields such as template status updates', () => {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [
            {
              field: 'message_template_status_update',
              value: { event: 'APPROVED', message_template_id: 1 },
            },
          ],
        },
      ],
    };
    expect(normalise(payload)).toEqual([]);
  });

  it.each([
    ['another object', { object: 'page', entry: [] }],
    ['no entry', { object: 'whatsapp_business_account' }],
    [
      'a messages change without metadata',
      {
        object: 'whatsapp_business_account',
        entry: [
          { id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp' } }] },
        ],
      },
    ],
  ])('rejects %s', (_label, payload) => {
    expect(WebhookPayload.safeParse(payload).success).toBe(false);
  });
});
