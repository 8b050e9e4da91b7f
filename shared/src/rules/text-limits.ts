import type { ChannelKind } from '../schemas/channel';
import { allow, deny, type Decision } from './decision';

/**
 * How long one free-text message may be on each channel, in UTF-16 code units (what
 * `String.length` and zod's `max` count). WhatsApp's Cloud API takes a text body of up to 4,096
 * characters; the web chat widget and its server route use the same bound, and so do the other
 * kinds until they have their own adapter. The server's input schema accepts the largest of
 * them (`MAX_TEXT_LENGTH`) and then applies the channel's own limit with `checkTextLength`, so
 * the composer and the server refuse exactly the same texts.
 */
export const TEXT_LIMITS: Readonly<Record<ChannelKind, number>> = {
  whatsapp: 4096,
  webchat: 4096,
  email: 4096,
  telegram: 4096,
};

export const MAX_TEXT_LENGTH = Math.max(...Object.values(TEXT_LIMITS));

/** A caption under a file (WhatsApp's media caption limit). */
export const MAX_CAPTION_LENGTH = 1024;

/** The composer shows its counter from this share of the limit on. */
export const TEXT_COUNTER_FROM = 0.8;

export const textLimitFor = (kind: ChannelKind | null): number =>
  kind === null ? MAX_TEXT_LENGTH : TEXT_LIMITS[kind];

/** The text as it will be sent (trimmed, like the server's schema) must fit the channel. */
export function checkTextLength(
  text: string,
  kind: ChannelKind | null,
): Decision<'invalid-input', { length: number; limit: number }> {
  const length = text.trim().length;
  const limit = textLimitFor(kind);
  return length <= limit
    ? allow({ length, limit })
    : deny('invalid-input', { field: 'text', length, limit, why: 'too-long' });
}
