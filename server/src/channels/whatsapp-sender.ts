import fs from 'node:fs/promises';
import path from 'node:path';
import {
  authorPrefixLine,
  namesAuthor,
  withAuthorPrefix,
} from '@atendo/shared/rules/author-prefix';
import { MAX_CAPTION_LENGTH, TEXT_LIMITS } from '@atendo/shared/rules/text-limits';
import type { Message } from '@atendo/shared/schemas/message';
import { whatsAppSettingsOf } from '../repo/admin-channels';
import type { Deps } from '../services/deps';
import type { SendInput, SendResult } from './types';
import type { OutboundContent, SendOutcome, WhatsAppChannel } from './whatsapp';

/**
 * The name the contact reads above an agent's message (docs/agent-seat.md), or null: none for
 * bot and system messages, none when the channel turned it off and the agent is alone.
 */
export async function authorNameFor(deps: Deps, input: SendInput): Promise<string | null> {
  if (input.author === null) return null;
  const row = await deps.db
    .selectFrom('channels')
    .select('settings')
    .where('id', '=', input.channel.id)
    .executeTakeFirst();
  const channelSetting = row === undefined ? true : whatsAppSettingsOf(row).authorPrefix;
  const participantCount = input.conversation.participantIds.length;
  return namesAuthor({ hasAuthor: true, channelSetting, participantCount })
    ? input.author.name
    : null;
}

/**
 * What a message becomes on WhatsApp: one Cloud API message per attachment, text otherwise.
 * With an author name the text, or the first file's caption, opens with it; a template cannot
 * (Meta approved its exact text), and audio and stickers take no caption on WhatsApp.
 */
export async function whatsAppContents(
  deps: Deps,
  message: Message,
  authorName: string | null = null,
): Promise<OutboundContent[]> {
  if (message.kind === 'template' && message.template !== null) {
    const { name, language, params } = message.template;
    return [{ type: 'template', name, language, params }];
  }
  // A text that fits only without the author line (the composer counts the agent's own text)
  // is sent after the line, as a message of its own, rather than refused by Meta.
  const named = (body: string, limit: number): { line: string | null; body: string } => {
    if (authorName === null) return { line: null, body };
    const prefixed = withAuthorPrefix(body, authorName);
    return prefixed.length <= limit
      ? { line: null, body: prefixed }
      : { line: authorPrefixLine(authorName), body };
  };
  const lineFirst = (line: string | null): OutboundContent[] =>
    line === null ? [] : [{ type: 'text', body: line }];
  if (message.kind !== 'media') {
    const { line, body } = named(message.body, TEXT_LIMITS.whatsapp);
    return [...lineFirst(line), { type: 'text', body }];
  }
  const caption = named(message.body, MAX_CAPTION_LENGTH);
  const contents: OutboundContent[] = lineFirst(caption.line);
  for (const [index, attachment] of message.attachments.entries()) {
    const row = await deps.db
      .selectFrom('uploads')
      .select('path')
      .where('id', '=', attachment.id)
      .executeTakeFirst();
    if (!row) throw new Error(`upload ${attachment.id} has no stored file`);
    const bytes = await fs.readFile(path.join(deps.dataDir, row.path));
    // The caption goes with the first file, as the agent wrote one message.
    const first = index === 0 && caption.body !== '' ? { caption: caption.body } : {};
    contents.push({
      type: 'media',
      mediaType: attachment.mediaType,
      bytes,
      mimeType: attachment.mimeType,
      fileName: attachment.fileName,
      ...first,
    });
  }
  return contents;
}

/**
 * The WhatsApp id the conversation was opened on. Only a conversation without one (from before
 * migration 0005, or started by an agent and not yet answered) falls back: the contact's
 * WhatsApp id on this channel, else their wa_id on another of the organisation's numbers (the
 * same person's WhatsApp), else their first phone.
 */
export function whatsAppAddress(
  input: SendInput,
  whatsAppChannelIds: ReadonlySet<string> = new Set(),
): string | null {
  if (input.address !== null) return input.address;
  const { addresses, phones } = input.contact;
  const known =
    addresses.find((a) => a.channelId === input.channel.id) ??
    addresses.find((a) => whatsAppChannelIds.has(a.channelId));
  if (known) return known.address;
  const phone = phones[0];
  return phone === undefined ? null : phone.replace(/^\+/, '');
}

/** The organisation's WhatsApp numbers, by channel id. */
export async function whatsAppChannelIds(deps: Deps): Promise<Set<string>> {
  const rows = await deps.db
    .selectFrom('channels')
    .select('id')
    .where('kind', '=', 'whatsapp')
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Sends every part of the message in order through the channel's per-contact queue. The first
 * part's wamid identifies the message for status receipts; a failing part stops the rest.
 */
export async function sendThroughChannel(
  channel: WhatsAppChannel,
  input: { messageId: string; to: string; contents: OutboundContent[] },
  onWindowClosed: () => Promise<void>,
): Promise<SendResult> {
  let first: string | null = null;
  for (const content of input.contents) {
    const outcome: SendOutcome = await channel.send({
      messageId: input.messageId,
      to: input.to,
      content,
    });
    if (!outcome.ok) {
      if (outcome.closesWindow) await onWindowClosed();
      return { ok: false, error: outcome.error, retryable: outcome.retryable };
    }
    first ??= outcome.channelMessageId;
  }
  if (first === null) {
    return {
      ok: false,
      error: { code: 'empty-message', message: 'the message has nothing to send' },
      retryable: false,
    };
  }
  return { ok: true, channelMessageId: first };
}
