import type { MediaType } from '@atendo/shared/schemas/message';
import type {
  ChangeValue,
  CloudApiErrorDetail,
  ContactCard,
  WebhookPayload,
  WhatsAppMessage,
  WhatsAppStatus,
} from './webhook-payload';

/** A media object announced by a webhook; the bytes are fetched separately by media id. */
export type InboundMedia = {
  mediaId: string;
  mimeType: string;
  mediaType: MediaType;
  fileName?: string;
  sha256?: string;
  animated?: boolean;
  voice?: boolean;
};

export type InboundMessageEvent = {
  kind: 'message';
  phoneNumberId: string;
  /** The contact's WhatsApp id (`wa_id`), digits only. */
  from: string;
  profileName: string | null;
  channelMessageId: string;
  sentAt: number;
  /** The WhatsApp type, or `unsupported` for types Atendo does not render. */
  messageType: WhatsAppMessage['type'];
  /** For `unsupported`: what Meta called it (`order`, `system`, …). */
  originalType?: string;
  body: string;
  media?: InboundMedia;
  /** The wamid the contact reacted to; `body` is the emoji, empty when the reaction was removed. */
  reactionTo?: string;
  /** The wamid the contact replied to (WhatsApp's quote). */
  replyTo?: string;
};

/** Atendo's statuses: `played` (voice messages) counts as `read`. */
export type InboundStatusValue = 'sent' | 'delivered' | 'read' | 'failed';

export type InboundStatusEvent = {
  kind: 'status';
  phoneNumberId: string;
  channelMessageId: string;
  status: InboundStatusValue;
  at: number;
  recipientId: string | null;
  errors: CloudApiErrorDetail[];
};

/** A problem Meta reports about the number or the app rather than about one message. */
export type InboundErrorEvent = {
  kind: 'error';
  phoneNumberId: string;
  errors: CloudApiErrorDetail[];
};

export type InboundEvent = InboundMessageEvent | InboundStatusEvent | InboundErrorEvent;

const STATUS_MAP: Readonly<Record<string, InboundStatusValue>> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  played: 'read',
  failed: 'failed',
};

/** Flattens one verified, parsed webhook into events, in the order Meta listed them. */
export function normaliseWebhook(payload: WebhookPayload): InboundEvent[] {
  const events: InboundEvent[] = [];
  for (const entry of payload.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      events.push(...normaliseChange(change.value));
    }
  }
  return events;
}

function normaliseChange(value: ChangeValue): InboundEvent[] {
  const phoneNumberId = value.metadata.phone_number_id;
  const events: InboundEvent[] = [];
  for (const message of value.messages ?? []) {
    events.push(normaliseMessage(message, phoneNumberId, profileNameOf(value, message.from)));
  }
  for (const status of value.statuses ?? []) {
    const event = normaliseStatus(status, phoneNumberId);
    if (event !== null) events.push(event);
  }
  if (value.errors !== undefined && value.errors.length > 0) {
    events.push({ kind: 'error', phoneNumberId, errors: value.errors });
  }
  return events;
}

function profileNameOf(value: ChangeValue, waId: string): string | null {
  const contacts = value.contacts ?? [];
  const contact =
    contacts.find((c) => c.wa_id === waId) ?? (contacts.length === 1 ? contacts[0] : undefined);
  const name = contact?.profile?.name;
  return name === undefined || name === '' ? null : name;
}

export function normaliseStatus(
  status: WhatsAppStatus,
  phoneNumberId: string,
): InboundStatusEvent | null {
  const mapped = STATUS_MAP[status.status];
  if (mapped === undefined) return null;
  return {
    kind: 'status',
    phoneNumberId,
    channelMessageId: status.id,
    status: mapped,
    at: secondsToMs(status.timestamp),
    recipientId: status.recipient_id ?? null,
    errors: status.errors ?? [],
  };
}

export function normaliseMessage(
  message: WhatsAppMessage,
  phoneNumberId: string,
  profileName: string | null,
): InboundMessageEvent {
  const event: InboundMessageEvent = {
    kind: 'message',
    phoneNumberId,
    from: message.from,
    profileName,
    channelMessageId: message.id,
    sentAt: secondsToMs(message.timestamp),
    messageType: message.type,
    ...contentOf(message),
  };
  const quoted = message.context?.id;
  if (quoted !== undefined && message.type !== 'reaction') event.replyTo = quoted;
  return event;
}

type Content = Pick<InboundMessageEvent, 'body' | 'media' | 'reactionTo' | 'originalType'>;

function contentOf(message: WhatsAppMessage): Content {
  switch (message.type) {
    case 'text':
      return { body: message.text.body };
    case 'image':
    case 'video': {
      const media = message.type === 'image' ? message.image : message.video;
      return { body: media.caption ?? '', media: mediaOf(message.type, media) };
    }
    case 'audio':
      return {
        body: '',
        media: { ...mediaOf('audio', message.audio), voice: message.audio.voice ?? false },
      };
    case 'document':
      return {
        body: message.document.caption ?? '',
        media: withFileName(mediaOf('document', message.document), message.document.filename),
      };
    case 'sticker':
      return {
        body: '',
        media: {
          ...mediaOf('sticker', message.sticker),
          animated: message.sticker.animated ?? false,
        },
      };
    case 'location':
      return { body: locationText(message.location) };
    case 'contacts':
      return { body: message.contacts.map(contactCardText).join('\n') };
    case 'interactive':
      return { body: interactiveText(message.interactive) };
    case 'button':
      return { body: message.button.text };
    case 'reaction':
      return { body: message.reaction.emoji ?? '', reactionTo: message.reaction.message_id };
    case 'unsupported':
      return { body: '', originalType: message.originalType };
  }
}

function mediaOf(
  mediaType: MediaType,
  media: { id: string; mime_type: string; sha256?: string | undefined },
): InboundMedia {
  const result: InboundMedia = { mediaId: media.id, mimeType: media.mime_type, mediaType };
  if (media.sha256 !== undefined) result.sha256 = media.sha256;
  return result;
}

function withFileName(media: InboundMedia, fileName: string | undefined): InboundMedia {
  return fileName === undefined || fileName === '' ? media : { ...media, fileName };
}

function locationText(location: {
  latitude: number;
  longitude: number;
  name?: string | undefined;
  address?: string | undefined;
}): string {
  const label = [location.name, location.address].filter(
    (part) => part !== undefined && part !== '',
  );
  const head = `📍 ${location.latitude},${location.longitude}`;
  return label.length === 0 ? head : `${head} ${label.join(' — ')}`;
}

function contactCardText(card: ContactCard): string {
  const name =
    card.name?.formatted_name ??
    ([card.name?.first_name, card.name?.last_name].filter(Boolean).join(' ') || 'contact');
  const phones = (card.phones ?? []).map((p) => p.phone ?? p.wa_id).filter((p) => p !== undefined);
  return phones.length === 0 ? `👤 ${name}` : `👤 ${name} (${phones.join(', ')})`;
}

function interactiveText(interactive: {
  type: string;
  button_reply?: { title: string } | undefined;
  list_reply?: { title: string; description?: string | undefined } | undefined;
  nfm_reply?: { body?: string | undefined } | undefined;
}): string {
  if (interactive.button_reply !== undefined) return interactive.button_reply.title;
  if (interactive.list_reply !== undefined) return interactive.list_reply.title;
  return interactive.nfm_reply?.body ?? '';
}

/** Meta's timestamps are Unix seconds as strings; Atendo keeps epoch milliseconds. */
export function secondsToMs(seconds: string): number {
  return Number(seconds) * 1000;
}
