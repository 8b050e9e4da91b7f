import { computeSignature } from './webhook-signature';

/**
 * Builders for the webhooks Meta sends, shaped like the examples in Meta's documentation, plus
 * the signature header. Tests and the benchmark use them to play Meta's side of a conversation.
 */

export type SignedWebhook = { rawBody: Buffer; signature: string };

/** Serialises (when needed) and signs a webhook exactly as Meta does: HMAC over the raw bytes. */
export function signWebhook(body: object | string | Buffer, appSecret: string): SignedWebhook {
  const rawBody = Buffer.isBuffer(body)
    ? body
    : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  return { rawBody, signature: computeSignature(rawBody, appSecret) };
}

export type Metadata = { phoneNumberId: string; displayPhoneNumber?: string; wabaId?: string };

export type MessageWebhookInput = Metadata & {
  from: string;
  profileName?: string;
  /** Raw message objects; build them with `sampleMessage` or by hand. */
  messages: object[];
};

export function buildMessageWebhook(input: MessageWebhookInput): object {
  const contacts = [{ profile: { name: input.profileName ?? 'Maria Souza' }, wa_id: input.from }];
  return envelope(input, { contacts, messages: input.messages });
}

export type StatusInput = {
  id: string;
  status: 'sent' | 'delivered' | 'read' | 'failed' | 'played';
  /** Unix seconds. */
  timestamp: number;
  recipientId: string;
  errors?: { code: number; title?: string; message?: string; details?: string }[];
};

export function buildStatusWebhook(input: Metadata & { statuses: StatusInput[] }): object {
  return envelope(input, { statuses: input.statuses.map(statusObject) });
}

function statusObject(status: StatusInput): object {
  const base = {
    id: status.id,
    status: status.status,
    timestamp: String(status.timestamp),
    recipient_id: status.recipientId,
  };
  if (status.errors === undefined) {
    return {
      ...base,
      conversation: { id: 'CONVERSATION_ID', origin: { type: 'service' } },
      pricing: { billable: false, pricing_model: 'PMP', category: 'service' },
    };
  }
  const errors = status.errors.map((e) => ({
    code: e.code,
    title: e.title ?? 'Error',
    message: e.message ?? e.title ?? 'Error',
    error_data: { details: e.details ?? 'See the error code.' },
    href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
  }));
  return { ...base, errors };
}

function envelope(meta: Metadata, value: object): object {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: meta.wabaId ?? '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: meta.displayPhoneNumber ?? '15550783881',
                phone_number_id: meta.phoneNumberId,
              },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

export type SampleType =
  | 'text'
  | 'image'
  | 'audio'
  | 'video'
  | 'document'
  | 'sticker'
  | 'location'
  | 'contacts'
  | 'interactive-button'
  | 'interactive-list'
  | 'button'
  | 'reaction'
  | 'unsupported'
  | 'unknown-type';

export type SampleInput = { id: string; from: string; timestamp: number; mediaId?: string };

/** One realistic message of each type, as Meta's webhook examples show them. */
export function sampleMessage(type: SampleType, input: SampleInput): object {
  const base = { from: input.from, id: input.id, timestamp: String(input.timestamp) };
  const mediaId = input.mediaId ?? '1003383421387256';
  const sha256 = 'bzR8NPYDXX9l7cCsXBM6rWp7WNo1x7B9cpEbr/tv5t4=';
  const bodies: Record<SampleType, object> = {
    text: { type: 'text', text: { body: 'Olá, meu pedido não chegou' } },
    image: {
      type: 'image',
      image: { caption: 'Foto da caixa', mime_type: 'image/jpeg', sha256, id: mediaId },
    },
    audio: {
      type: 'audio',
      audio: { mime_type: 'audio/ogg; codecs=opus', sha256, id: mediaId, voice: true },
    },
    video: {
      type: 'video',
      video: { caption: 'Vídeo', mime_type: 'video/mp4', sha256, id: mediaId },
    },
    document: {
      type: 'document',
      document: {
        caption: 'Nota fiscal',
        filename: 'nota-fiscal.pdf',
        mime_type: 'application/pdf',
        sha256,
        id: mediaId,
      },
    },
    sticker: {
      type: 'sticker',
      sticker: { mime_type: 'image/webp', sha256, id: mediaId, animated: false },
    },
    location: {
      type: 'location',
      location: {
        latitude: -23.5505,
        longitude: -46.6333,
        name: 'Loja Centro',
        address: 'Praça da Sé, São Paulo',
      },
    },
    contacts: {
      type: 'contacts',
      contacts: [
        {
          name: { formatted_name: 'João Lima', first_name: 'João', last_name: 'Lima' },
          phones: [{ phone: '+55 11 98888-7777', wa_id: '5511988887777', type: 'CELL' }],
        },
      ],
    },
    'interactive-button': {
      type: 'interactive',
      context: { from: '15550783881', id: 'wamid.QUESTION' },
      interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Sim, resolvido' } },
    },
    'interactive-list': {
      type: 'interactive',
      context: { from: '15550783881', id: 'wamid.MENU' },
      interactive: {
        type: 'list_reply',
        list_reply: { id: 'billing', title: 'Financeiro', description: '2ª via de boleto' },
      },
    },
    button: {
      type: 'button',
      context: { from: '15550783881', id: 'wamid.TEMPLATE' },
      button: { payload: 'CONFIRM', text: 'Confirmar entrega' },
    },
    reaction: { type: 'reaction', reaction: { message_id: 'wamid.OURS', emoji: '👍' } },
    unsupported: {
      type: 'unsupported',
      errors: [
        {
          code: 131051,
          title: 'Message type unknown',
          message: 'Message type unknown',
          error_data: { details: 'Message type is currently not supported.' },
        },
      ],
    },
    'unknown-type': { type: 'order', order: { catalog_id: '123', product_items: [] } },
  };
  return { ...base, ...bodies[type] };
}
