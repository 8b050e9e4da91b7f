import { z } from 'zod';
import { BotMenu, Channel, ChannelDirection } from '../channel';
import { Id, Locale } from '../common';
import { SecretInput, SecretState } from './common';

/** Meta's phone number id: the number's id in the Graph API (digits), not the phone number. */
export const PhoneNumberId = z
  .string()
  .trim()
  .regex(/^\d{6,20}$/, 'the phone number id is the digits Meta shows under API Setup');

/** The WhatsApp Business Account id (digits), for the template sync. */
export const WabaId = z
  .string()
  .trim()
  .regex(/^\d{6,20}$/, 'the WhatsApp Business Account id is digits');

/** A web chat visitor's page origin, as the browser sends it in `Origin`. */
export const WebOrigin = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^/\s?#]+$/, 'an origin is scheme and host, e.g. https://www.example.com');

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');

/** One field of the web chat's pre-chat form. Name and e-mail are always asked. */
export const PreChatField = z.object({
  /** Stored in the contact's custom fields under this key. */
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a key is lower-case letters, digits and _'),
  label: z.string().trim().min(1).max(80),
  type: z.enum(['text', 'phone', 'email']),
  required: z.boolean(),
});
export type PreChatField = z.infer<typeof PreChatField>;

/** What the widget shows: the channel's look, its greeting and the pre-chat form. */
export const WebchatSettings = z.object({
  /** Origins that may embed the widget; empty allows every origin. */
  allowedOrigins: z.array(WebOrigin).max(50),
  colors: z.object({ primary: Colour, text: Colour }),
  greeting: z.string().trim().max(500),
  preChatFields: z.array(PreChatField).max(10),
  language: Locale,
});
export type WebchatSettings = z.infer<typeof WebchatSettings>;

export const DEFAULT_WEBCHAT_SETTINGS: WebchatSettings = {
  allowedOrigins: [],
  colors: { primary: '#1f6feb', text: '#ffffff' },
  greeting: '',
  preChatFields: [],
  language: 'pt-BR',
};

/** Secrets of one WhatsApp number's Meta app; each falls back to its WHATSAPP_* variable. */
export const WhatsAppSecretsInput = z.object({
  accessToken: SecretInput,
  appSecret: SecretInput,
  verifyToken: SecretInput,
});
export type WhatsAppSecretsInput = z.infer<typeof WhatsAppSecretsInput>;

/** A WhatsApp number as the admin console shows it: never a secret, only whether it is set. */
export const AdminWhatsApp = z.object({
  phoneNumberId: z.string(),
  wabaId: z.string().nullable(),
  secrets: z.object({
    accessToken: SecretState,
    appSecret: SecretState,
    verifyToken: SecretState,
  }),
  /** The callback URL to paste into the Meta app's WhatsApp webhook settings. */
  webhookUrl: z.string(),
  /** Agents' messages open with the author's name ("*Ana:*"); on unless the admin turns it off. */
  authorPrefix: z.boolean(),
});
export type AdminWhatsApp = z.infer<typeof AdminWhatsApp>;

export const AdminChannel = Channel.extend({
  archived: z.boolean(),
  /** Set for kind 'whatsapp'. */
  whatsapp: AdminWhatsApp.nullable(),
  /** Set for kind 'webchat'; its key (the script tag's data-channel) is `externalId`. */
  webchat: WebchatSettings.nullable(),
  /** For web chat: the tag to paste into the company's site. */
  embedSnippet: z.string().nullable(),
});
export type AdminChannel = z.infer<typeof AdminChannel>;

const CommonFields = {
  name: z.string().trim().min(1).max(120),
  direction: ChannelDirection.default('both'),
  defaultTeamId: Id,
  botMenu: BotMenu.nullable().default(null),
};

const WebchatKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a key is lower-case letters, digits and -');

export const ChannelCreate = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('whatsapp'),
    ...CommonFields,
    phoneNumberId: PhoneNumberId,
    wabaId: WabaId.nullable().default(null),
    authorPrefix: z.boolean().default(true),
    secrets: WhatsAppSecretsInput.default({}),
  }),
  z.object({
    kind: z.literal('webchat'),
    ...CommonFields,
    /** The `data-channel` of the script tag. */
    key: WebchatKey,
    webchat: WebchatSettings.default(DEFAULT_WEBCHAT_SETTINGS),
  }),
]);
export type ChannelCreate = z.input<typeof ChannelCreate>;

/** What is left out stays; `whatsapp` fields apply to WhatsApp channels, `webchat` to web chat. */
export const ChannelUpdate = z.object({
  channelId: Id,
  name: CommonFields.name.optional(),
  direction: ChannelDirection.optional(),
  defaultTeamId: Id.optional(),
  botMenu: BotMenu.nullable().optional(),
  phoneNumberId: PhoneNumberId.optional(),
  wabaId: WabaId.nullable().optional(),
  authorPrefix: z.boolean().optional(),
  secrets: WhatsAppSecretsInput.optional(),
  key: WebchatKey.optional(),
  webchat: WebchatSettings.optional(),
});
export type ChannelUpdate = z.infer<typeof ChannelUpdate>;

export const ChannelIdInput = z.object({ channelId: Id });

/**
 * What "test connection" found. `problem` says what to fix: the token (bad-token), the phone
 * number id (wrong-id), the network or Meta (unreachable), the WABA id (wrong-waba-id), or a
 * secret not set anywhere (not-configured).
 */
export const ConnectionTestResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    displayPhoneNumber: z.string().nullable(),
    verifiedName: z.string().nullable(),
    qualityRating: z.string().nullable(),
  }),
  z.object({
    ok: z.literal(false),
    problem: z.enum([
      'bad-token',
      'wrong-id',
      'wrong-waba-id',
      'unreachable',
      'not-configured',
      'other',
    ]),
    message: z.string(),
  }),
]);
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;
