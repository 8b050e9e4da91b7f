import type { DeepReadonly } from 'rxdb';
import type { ChannelKind } from '@atendo/shared/schemas/channel';
import type { Tag } from '@atendo/shared/schemas/catalog';
import type { Conversation } from '@atendo/shared/schemas/conversation';

/** What one list row shows, joined from the conversation, its contact, channel and tags. */
export type ConversationRowData = {
  conversation: DeepReadonly<Conversation>;
  contactName: string;
  /** False while the contact has not synced yet and `contactName` is the fallback. */
  contactKnown: boolean;
  channelKind: ChannelKind | null;
  channelName: string;
  tags: DeepReadonly<Tag>[];
};

export type RowFilter = { search: string; channelId: string | null };

const normalise = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * Search matches the contact's name, the last message and tag names, ignoring case and accents
 * ("joao" finds "João"), so agents can type fast without reaching for dead keys.
 */
export function filterRows(rows: readonly ConversationRowData[], filter: RowFilter) {
  const needle = normalise(filter.search.trim());
  return rows.filter((row) => {
    if (filter.channelId !== null && row.conversation.channelId !== filter.channelId) return false;
    if (needle === '') return true;
    const haystack = [
      row.contactName,
      row.conversation.lastMessagePreview ?? '',
      ...row.tags.map((tag) => tag.name),
    ];
    return haystack.some((text) => normalise(text).includes(needle));
  });
}
