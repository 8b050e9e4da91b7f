import type { DeepReadonly } from 'rxdb';
import type { BotMenu, ChannelKind } from '@atendo/shared/schemas/channel';
import type { Tag } from '@atendo/shared/schemas/catalog';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { foldForSearch } from '../../../store/message-search';

/** What one list row shows, joined from the conversation, its contact, channel and tags. */
export type ConversationRowData = {
  conversation: DeepReadonly<Conversation>;
  contactName: string;
  /** False while the contact has not synced yet and `contactName` is the fallback. */
  contactKnown: boolean;
  channelKind: ChannelKind | null;
  channelName: string;
  tags: DeepReadonly<Tag>[];
  /** The bot option the last message chose ("Suporte técnico" for a bare "1"), if it did. */
  botChoice: string | null;
};

/**
 * A conversation that came through the channel's bot menu often ends on the contact's bare
 * choice ("1"): the list shows the option's label instead. Only while it is queued or in the bot,
 * where a digit is a menu choice; once served, "1" is whatever the contact meant.
 */
export function botChoiceOf(
  conversation: Pick<Conversation, 'state' | 'lastMessagePreview'>,
  botMenu: DeepReadonly<BotMenu> | null,
): string | null {
  if (botMenu === null || (conversation.state !== 'queued' && conversation.state !== 'bot')) {
    return null;
  }
  const typed = conversation.lastMessagePreview?.trim() ?? '';
  return botMenu.options.find((option) => option.key === typed)?.label ?? null;
}

export type RowFilter = {
  search: string;
  channelId: string | null;
  /** Conversations with a stored message matching the search (store.conversationsMatching). */
  messageMatches?: ReadonlySet<string>;
};

const normalise = foldForSearch;

/**
 * Search matches the contact's name, the last message, the bot choice, tag names and any stored
 * message of the conversation (`messageMatches`, from the local store's index), ignoring case
 * and accents ("joao" finds "João"), so agents can type fast without reaching for dead keys.
 */
export function filterRows(rows: readonly ConversationRowData[], filter: RowFilter) {
  const needle = normalise(filter.search.trim());
  return rows.filter((row) => {
    if (filter.channelId !== null && row.conversation.channelId !== filter.channelId) return false;
    if (needle === '') return true;
    if (filter.messageMatches?.has(row.conversation.id) === true) return true;
    const haystack = [
      row.contactName,
      row.conversation.lastMessagePreview ?? '',
      row.botChoice ?? '',
      ...row.tags.map((tag) => tag.name),
    ];
    return haystack.some((text) => normalise(text).includes(needle));
  });
}
