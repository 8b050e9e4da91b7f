import { z } from 'zod';
import { Agent } from '../schemas/agent';
import { Channel } from '../schemas/channel';
import { Contact } from '../schemas/contact';
import { Conversation } from '../schemas/conversation';
import { Message } from '../schemas/message';
import { Disposition, Tag, Template } from '../schemas/catalog';
import { Team } from '../schemas/team';

/**
 * The replication protocol between the server's change feed and the client's local store.
 * Collections are replicated one by one, each with its own checkpoint; the server decides what
 * an agent may see (see audience.ts), the client never asks for more.
 */
export const SYNC_COLLECTIONS = [
  'conversations',
  'messages',
  'contacts',
  'templates',
  'tags',
  'dispositions',
  'directory',
] as const;
export const SyncCollection = z.enum(SYNC_COLLECTIONS);
export type SyncCollection = z.infer<typeof SyncCollection>;

/**
 * Agents, teams and channels travel in one collection (the client keeps at most 10 RxDB
 * collections). `id` is prefixed by type so the three never collide: `agent:<id>`, … .
 */
export const DirectoryEntry = z.discriminatedUnion('type', [
  z.object({ id: z.string(), type: z.literal('agent'), updatedAt: z.number(), agent: Agent }),
  z.object({ id: z.string(), type: z.literal('team'), updatedAt: z.number(), team: Team }),
  z.object({ id: z.string(), type: z.literal('channel'), updatedAt: z.number(), channel: Channel }),
]);
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export type SyncDocumentMap = {
  conversations: Conversation;
  messages: Message;
  contacts: Contact;
  templates: Template;
  tags: Tag;
  dispositions: Disposition;
  directory: DirectoryEntry;
};
export const SYNC_DOCUMENT_SCHEMAS = {
  conversations: Conversation,
  messages: Message,
  contacts: Contact,
  templates: Template,
  tags: Tag,
  dispositions: Disposition,
  directory: DirectoryEntry,
} as const satisfies { [K in SyncCollection]: z.ZodType<SyncDocumentMap[K]> };

/** A replicated document; `_deleted` is a soft delete or a removal from the agent's scope. */
export type SyncDocument<C extends SyncCollection> = SyncDocumentMap[C] & { _deleted: boolean };

/**
 * `seq` is the server's commit-ordered change sequence, never a timestamp. `epoch` names the
 * database and the agent's scope version: when it changes (new database, agent moved between
 * teams) the server answers `reset` and the client drops that collection and pulls it again.
 */
export const Checkpoint = z.object({
  seq: z.number().int().nonnegative(),
  epoch: z.string().max(200),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

export const PullInput = z.object({
  collection: SyncCollection,
  checkpoint: Checkpoint.nullable(),
  limit: z.number().int().min(1).max(2000),
});
export type PullInput = z.infer<typeof PullInput>;

export type PullResult<C extends SyncCollection = SyncCollection> = {
  documents: SyncDocument<C>[];
  checkpoint: Checkpoint;
  /** True when the client must drop its copy of the collection and pull from scratch. */
  reset: boolean;
};

/** What the live stream pushes: fresh documents per collection, or a request to resync. */
export type StreamEvent =
  | {
      type: 'changes';
      collection: SyncCollection;
      documents: SyncDocument<SyncCollection>[];
      checkpoint: Checkpoint;
    }
  | { type: 'resync'; reason: 'connected' | 'lagging' | 'scope-changed' };
