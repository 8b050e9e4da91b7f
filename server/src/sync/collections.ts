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
