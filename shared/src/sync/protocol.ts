import { z } from 'zod';
import { Agent } from '../schemas/agent';
import { Channel } from '../schemas/channel';
import { Contact } from '../schemas/contact';
import { Conversation } from '../schemas/conversation';
import { Message } from '../schemas/message';
import { Disposition, Tag, Template } from '../schemas/catalog';
import { QuickReply } from '../schemas/quick-reply';
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
 * Agents, teams, channels and the teams' quick replies travel in one collection (the client
 * keeps at most 10 RxDB collections). `id` is prefixed by type so they never collide:
 * `agent:<id>`, `quickReply:<id>`, … . Quick replies go to their team only (`team:<id>`).
 */
export const DirectoryEntry = z.discriminatedUnion('type', [
  z.object({ id: z.string(), type: z.literal('agent'), updatedAt: z.number(), agent: Agent }),
  z.object({ id: z.string(), type: z.literal('team'), updatedAt: z.number(), team: Team }),
  z.object({ id: z.string(), type: z.literal('channel'), updatedAt: z.number(), channel: Channel }),
  z.object({
    id: z.string(),
    type: z.literal('quickReply'),
    updatedAt: z.number(),
    quickReply: QuickReply,
  }),
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

/**
 * A removal: the document left the agent's scope or was deleted for good. It carries the id
 * alone: the current version describes where the document went (a conversation's new team,
 * state, owner; a message's text), which the agent may no longer see (issue 10). The client
 * deletes what it stores under that id.
 */
export type SyncRemoval = { id: string; _deleted: true };
// Parsing strips anything else, so a client also reduces an older server's full removal to its id.
export const SyncRemoval = z.object({ id: z.string().min(1).max(200), _deleted: z.literal(true) });

/** A replicated document as sent: the whole current version, or a removal (id only). */
export type SyncDocument<C extends SyncCollection> =
  (SyncDocumentMap[C] & { _deleted: false }) | SyncRemoval;

/** How a client checks one received document of a collection (see SyncDocument). */
export const syncDocumentSchema = (collection: SyncCollection) =>
  z.union([
    SyncRemoval,
    SYNC_DOCUMENT_SCHEMAS[collection].and(z.object({ _deleted: z.literal(false) })),
  ]);

/**
 * `seq` is the server's commit-ordered change sequence, never a timestamp. `epoch` names the
 * database and the agent's scope version: when it changes (new database, agent moved between
 * teams) the server answers `reset` and the client drops that collection and pulls it again.
 */
export const Checkpoint = z.object({
  seq: z.number().int().nonnegative(),
  epoch: z.string().max(200),
  /**
   * Set while a first pull's snapshot of the working set is under way (server/src/sync/
   * snapshot.ts): where its next page starts. `seq` is then the feed head read when the
   * snapshot began, from which the pull goes on once the snapshot is complete.
   */
  cursor: z.string().max(1000).optional(),
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
  | { type: 'resync'; reason: 'connected' | 'lagging' | 'scope-changed' }
  /**
   * Sent every STREAM_HEARTBEAT_MS. `seq`: the fan-out has routed every change up to it (this
   * agent's frames for them precede the heartbeat on the socket); `head`: the feed's latest
   * committed sequence when the heartbeat was made. See stream-staleness.ts.
   */
  | { type: 'heartbeat'; seq: number; head: number };

/*
 * The live stream's wire format. The stream is a plain websocket at STREAM_PATH beside tRPC:
 * tRPC's websocket adapter serialises every event once per connection, and with hundreds of
 * agents in the same audience that serialisation was most of the server's work under inbound
 * load (bench/README.md). On this socket the server serialises one fan-out round once for all
 * the agents who receive the same events and writes the same bytes to each of them.
 */

/** Served on the same port as the API: ws(s)://<host>/sync/stream. */
export const STREAM_PATH = '/sync/stream';

/**
 * The first and only frame a client sends: its session token, as a message rather than in the
 * URL, so it never lands in access logs. The server answers with a `connected` resync once the
 * agent is subscribed, and closes the socket (see STREAM_CLOSE) when the hello is wrong.
 */
export const StreamHello = z.object({
  type: z.literal('hello'),
  token: z.string().min(1).max(512),
});
export type StreamHello = z.infer<typeof StreamHello>;

/**
 * Every frame the server sends is a JSON array of StreamEvents in commit order (one fan-out
 * round for this agent). The server sends a `heartbeat` event every STREAM_HEARTBEAT_MS (an
 * empty array from an older server means the same, without sequences), and a client that hears
 * nothing for STREAM_SILENCE_MS treats the stream as dead, reconnects and resyncs.
 */
export const STREAM_HEARTBEAT_MS = 20_000;
export const STREAM_SILENCE_MS = 45_000;

/** Documents are validated per collection by the receiver (SYNC_DOCUMENT_SCHEMAS). */
export const StreamEventEnvelope = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('changes'),
    collection: SyncCollection,
    documents: z.array(z.unknown()),
    checkpoint: Checkpoint,
  }),
  z.object({
    type: z.literal('resync'),
    reason: z.enum(['connected', 'lagging', 'scope-changed']),
  }),
  z.object({
    type: z.literal('heartbeat'),
    seq: z.number().int().nonnegative(),
    head: z.number().int().nonnegative(),
  }),
]);
export const StreamFrame = z.array(StreamEventEnvelope);

/**
 * Close codes the server uses besides the standard ones (1001 going away on shutdown, after
 * which the client reconnects and resyncs). The 44xx codes are refusals: retrying with the same
 * token cannot succeed, so the client signs the agent out instead of retrying.
 */
export const STREAM_CLOSE = {
  /** The hello was not valid JSON of the StreamHello shape. */
  badHello: 4400,
  /** The token is unknown, expired or revoked. */
  unauthenticated: 4401,
  /** No hello arrived within STREAM_HELLO_TIMEOUT_MS. */
  helloTimeout: 4408,
} as const;

/**
 * The reason of a 4401 close of a stream that was open: its session ended. The client signs
 * the agent out on any 4401; the reason says why, for the log and the login screen.
 */
export const SESSION_END_REASONS = ['signed-out', 'session-expired', 'session-revoked'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];
export const STREAM_HELLO_TIMEOUT_MS = 10_000;
