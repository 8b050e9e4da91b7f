import { z } from 'zod';

/**
 * Zod schemas for the Cloud API webhook (`field: "messages"`). Objects are not strict: Meta adds
 * fields between API versions, and an extra field must never make us drop a customer's message.
 */

/** Unix seconds as a decimal string, as Meta sends every timestamp. */
const UnixSeconds = z.string().regex(/^\d{1,12}$/);

export const CloudApiErrorDetail = z.object({
  code: z.number().int(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});
export type CloudApiErrorDetail = z.infer<typeof CloudApiErrorDetail>;

const Context = z.object({
  from: z.string().optional(),
  id: z.string().optional(),
  forwarded: z.boolean().optional(),
  frequently_forwarded: z.boolean().optional(),
});

const MessageBase = z.object({
  from: z.string().min(1),
  id: z.string().min(1),
  timestamp: UnixSeconds,
  context: Context.optional(),
  errors: z.array(CloudApiErrorDetail).optional(),
});

const MediaObject = z.object({
  id: z.string().min(1),
  mime_type: z.string().min(1),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  url: z.string().optional(),
});

const ContactCard = z.object({
  name: z
    .object({
      formatted_name: z.string().optional(),
      first_name: z.string().optional(),
      last_name: z.string().optional(),
    })
    .optional(),
  phones: z
    .array(z.object({ phone: z.string().optional(), wa_id: z.string().optional() }))
    .optional(),
  emails: z.array(z.object({ email: z.string().optional() })).optional(),
});
export type ContactCard = z.infer<typeof ContactCard>;

const Reply = z.object({ id: z.string(), title: z.string(), description: z.string().optional() });

export const TextMessage = MessageBase.extend({
  type: z.literal('text'),
  text: z.object({ body: z.string() }),
});
export const ImageMessage = MessageBase.extend({ type: z.literal('image'), image: MediaObject });
export const AudioMessage = MessageBase.extend({
  type: z.literal('audio'),
  audio: MediaObject.extend({ voice: z.boolean().optional() }),
});
export const VideoMessage = MessageBase.extend({ type: z.literal('video'), video: MediaObject });
export const DocumentMessage = MessageBase.extend({
  type: z.literal('document'),
  document: MediaObject.extend({ filename: z.string().optional() }),
});
export const StickerMessage = MessageBase.extend({
  type: z.literal('sticker'),
  sticker: MediaObject.extend({ animated: z.boolean().optional() }),
});
export const LocationMessage = MessageBase.extend({
  type: z.literal('location'),
  location: z.object({
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().optional(),
    address: z.string().optional(),
    url: z.string().optional(),
  }),
});
export const ContactsMessage = MessageBase.extend({
  type: z.literal('contacts'),
  contacts: z.array(ContactCard).min(1),
});
/** Replies to our buttons and lists; other interactive kinds (flows) keep their raw type. */
export const InteractiveMessage = MessageBase.extend({
  type: z.literal('interactive'),
  interactive: z.object({
    type: z.string(),
    button_reply: Reply.optional(),
    list_reply: Reply.optional(),
    nfm_reply: z.object({ body: z.string().optional(), name: z.string().optional() }).optional(),
  }),
});
/** A tap on a template's quick-reply button. */
export const ButtonMessage = MessageBase.extend({
  type: z.literal('button'),
  button: z.object({ text: z.string(), payload: z.string().optional() }),
});
/** An emoji reaction; an absent or empty emoji means the contact removed their reaction. */
export const ReactionMessage = MessageBase.extend({
  type: z.literal('reaction'),
  reaction: z.object({ message_id: z.string().min(1), emoji: z.string().optional() }),
});
/** Meta's own "unsupported", and every type we do not know, normalised to this shape. */
export const UnsupportedMessage = MessageBase.extend({
  type: z.literal('unsupported'),
  originalType: z.string(),
});

export const KNOWN_MESSAGE_TYPES = [
  'text',
  'image',
  'audio',
  'video',
  'document',
  'sticker',
  'location',
  'contacts',
  'interactive',
  'button',
  'reaction',
] as const;
const knownTypes: ReadonlySet<string> = new Set(KNOWN_MESSAGE_TYPES);

/**
 * A message of a type this adapter does not know (order, system, request_welcome, a future
 * type) becomes `unsupported` instead of failing the whole batch it arrived in.
 */
function tagUnknownType(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || !('type' in raw)) return raw;
  const type = raw.type;
  if (typeof type !== 'string' || knownTypes.has(type)) return raw;
  return { ...raw, type: 'unsupported', originalType: metaUnsupportedType(raw) ?? type };
}

/** Newer API versions say what an `unsupported` message was: `unsupported: {type: "edit"}`. */
function metaUnsupportedType(raw: object): string | undefined {
  if (!('unsupported' in raw)) return undefined;
  const detail = raw.unsupported;
  if (typeof detail !== 'object' || detail === null || !('type' in detail)) return undefined;
  return typeof detail.type === 'string' ? detail.type : undefined;
}

export const WhatsAppMessage = z.preprocess(
  tagUnknownType,
  z.discriminatedUnion('type', [
    TextMessage,
    ImageMessage,
    AudioMessage,
    VideoMessage,
    DocumentMessage,
    StickerMessage,
    LocationMessage,
    ContactsMessage,
    InteractiveMessage,
    ButtonMessage,
    ReactionMessage,
    UnsupportedMessage,
  ]),
);
export type WhatsAppMessage = z.infer<typeof WhatsAppMessage>;

export const WHATSAPP_STATUSES = ['sent', 'delivered', 'read', 'failed', 'played'] as const;
export type WhatsAppStatusValue = (typeof WHATSAPP_STATUSES)[number];

export const WhatsAppStatus = z.object({
  id: z.string().min(1),
  /** Kept open: a status Meta adds later is skipped by the normaliser, not a 400 for the batch. */
  status: z.string().min(1),
  timestamp: UnixSeconds,
  recipient_id: z.string().optional(),
  errors: z.array(CloudApiErrorDetail).optional(),
});
export type WhatsAppStatus = z.infer<typeof WhatsAppStatus>;

export const ChangeValue = z.object({
  messaging_product: z.literal('whatsapp'),
  metadata: z.object({ display_phone_number: z.string(), phone_number_id: z.string().min(1) }),
  contacts: z
    .array(z.object({ profile: z.object({ name: z.string() }).optional(), wa_id: z.string() }))
    .optional(),
  messages: z.array(WhatsAppMessage).optional(),
  statuses: z.array(WhatsAppStatus).optional(),
  errors: z.array(CloudApiErrorDetail).optional(),
});
export type ChangeValue = z.infer<typeof ChangeValue>;

/**
 * Changes of other fields (template status, account updates) share the envelope but not the
 * value shape; they are accepted and ignored, so their value is left unparsed.
 */
const Change = z.union([
  z.object({ field: z.literal('messages'), value: ChangeValue }),
  z
    .object({ field: z.string().refine((f) => f !== 'messages'), value: z.unknown() })
    .transform((change) => ({ field: 'other' as const, originalField: change.field })),
]);

export const WebhookPayload = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(z.object({ id: z.string(), changes: z.array(Change) })),
});
export type WebhookPayload = z.infer<typeof WebhookPayload>;
