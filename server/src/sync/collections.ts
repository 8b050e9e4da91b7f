import type { SyncCollection } from '@atendo/shared/sync/protocol';

/** The collections the server's change feed records, one per entity table. */
export const FEED_COLLECTIONS = [
  'conversation',
  'message',
  'contact',
  'template',
  'tag',
  'disposition',
  'agent',
  'team',
  'channel',
  'quick_reply',
] as const;
export type FeedCollection = (typeof FEED_COLLECTIONS)[number];

/**
 * Which feed collections a replicated collection is made of. The directory gathers agents,
 * teams, channels and quick replies because the client keeps at most ten local collections.
 */
export const FEED_COLLECTIONS_OF: { [C in SyncCollection]: readonly FeedCollection[] } = {
  conversations: ['conversation'],
  messages: ['message'],
  contacts: ['contact'],
  templates: ['template'],
  tags: ['tag'],
  dispositions: ['disposition'],
  directory: ['agent', 'team', 'channel', 'quick_reply'],
};

const SYNC_COLLECTION_OF: { [F in FeedCollection]: SyncCollection } = {
  conversation: 'conversations',
  message: 'messages',
  contact: 'contacts',
  template: 'templates',
  tag: 'tags',
  disposition: 'dispositions',
  agent: 'directory',
  team: 'directory',
  channel: 'directory',
  quick_reply: 'directory',
};

export function syncCollectionOf(collection: FeedCollection): SyncCollection {
  return SYNC_COLLECTION_OF[collection];
}

export function isFeedCollection(value: string): value is FeedCollection {
  return (FEED_COLLECTIONS as readonly string[]).includes(value);
}

/**
 * The audience keys a replicated collection's documents can carry (shared/src/sync/audience.ts
 * and feed/audience-keys.ts). A pull walks only these of the agent's keys: the catalogue's
 * pull has no business reading the history keys, whose rows number every message ever closed.
 */
const KEY_FORMS: { [C in SyncCollection]: readonly string[] } = {
  conversations: ['agent:', 'queue:', 'history:', 'history-all', 'monitor'],
  messages: ['agent:', 'queue:', 'history:', 'history-all', 'monitor'],
  contacts: ['all'],
  templates: ['all', 'team:'],
  tags: ['team:'],
  dispositions: ['team:'],
  directory: ['all'],
};

export function keysOfCollection(collection: SyncCollection, keys: Iterable<string>): string[] {
  const forms = KEY_FORMS[collection];
  return [...keys].filter((key) =>
    forms.some((form) => (form.endsWith(':') ? key.startsWith(form) : key === form)),
  );
}
