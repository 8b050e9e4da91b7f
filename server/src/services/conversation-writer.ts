import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Message, SystemEvent } from '@atendo/shared/schemas/message';
import { conversationAudience, revokedKeys } from '@atendo/shared/sync/audience';
import { recordChanges, type ChangeInput } from '../feed/change-feed';
import { runCached } from '../db/query-cache';
import { messageToRow } from '../repo/messages';
import type { ConversationRow } from '../db/schema';
import type { Tx } from './deps';
import { sequenceTimeline } from './timeline-order';

/*
 * The single path by which conversations and their messages are written, so every write also
 * lands in the change feed with the right audience.
 */

// The address is written once, with the new row (see ConversationWrite), and never updated here.
type WrittenRow = Omit<ConversationRow, 'address'>;

const toRow = (c: Conversation): WrittenRow => ({
  id: c.id,
  contact_id: c.contactId,
  channel_id: c.channelId,
  team_id: c.teamId,
  owner_id: c.ownerId,
  state: c.state,
  disposition_id: c.dispositionId,
  last_inbound_at: c.lastInboundAt,
  last_message_at: c.lastMessageAt,
  last_message_preview: c.lastMessagePreview,
  created_at: c.createdAt,
  queued_at: c.queuedAt,
  closed_at: c.closedAt,
  csat_deadline: c.csatDeadline,
  bot_deadline: c.botDeadline,
  updated_at: c.updatedAt,
});

/**
 * The columns whose values differ, or null when none does. Updating only those matters: SQLite
 * rewrites every index entry and checks every foreign key of each column named in SET, even
 * when the value stays the same (an inbound message's update took 32 µs with every column,
 * 8 µs with the four that change).
 */
function changedColumns(before: WrittenRow, after: WrittenRow): Partial<WrittenRow> | null {
  const columns = Object.keys(after) as (keyof WrittenRow)[];
  const changed = columns.filter((column) => before[column] !== after[column]);
  if (changed.length === 0) return null;
  return Object.fromEntries(changed.map((c) => [c, after[c]]));
}

const MESSAGES_PER_INSERT = 100;

export type ConversationWrite = {
  /** Null when the conversation is new. */
  before: Conversation | null;
  after: Conversation;
  /** New messages appended to the timeline in this action (system lines included). */
  messages?: readonly Message[];
  /**
   * Agents outside the new audience who still receive this action's messages: the agent a
   * supervisor took the conversation from gets the line that says who did it.
   */
  tellAgentIds?: readonly string[];
  /**
   * For a new conversation: the channel address it is opened on, which its delivery and the
   * web chat visitor's access follow for its whole life. Left out, it is the contact's current
   * address on the channel. Ignored for an existing conversation.
   */
  address?: string | null;
};

/**
 * Writes a conversation, its participants, tags and new messages, and records the changes.
 * Returns the messages as stored: their `createdAt` may have moved a millisecond or two so the
 * timeline keeps the order in which they were written (see `sequenceTimeline`).
 */
export async function writeConversation(trx: Tx, write: ConversationWrite): Promise<Message[]> {
  const { before, after } = write;
  await writeRow(trx, before, after, write.address);
  await syncLinks(trx, before, after);
  const grants = conversationAudience(after);
  const revokes = before ? revokedKeys(conversationAudience(before), grants) : [];
  // Collected and recorded in one go, in the order the changes happened (see recordChanges).
  const changes: ChangeInput[] = [
    { collection: 'conversation', docId: after.id, grants, revokes, at: after.updatedAt },
  ];
  const gained = before ? revokedKeys(grants, conversationAudience(before)) : [];
  // A new audience (say, the agent it was transferred to) must receive the backlog, and an old
  // one must drop it, so every earlier message is re-announced with the new keys.
  if (gained.length > 0 || revokes.length > 0) {
    changes.push(...(await reannouncedMessages(trx, after, grants, revokes)));
  }
  const messages = await inTimelineOrder(trx, before, write.messages ?? []);
  // One insert for the action's messages (a new conversation writes three), in chunks that stay
  // under SQLite's cap on the values of one statement.
  for (let start = 0; start < messages.length; start += MESSAGES_PER_INSERT) {
    const rows = messages
      .slice(start, start + MESSAGES_PER_INSERT)
      .map((message) => messageToRow(message, after.channelId));
    await runCached(trx, 'insert-messages', rows, (db, values) =>
      db.insertInto('messages').values(values),
    );
  }
  const told = (write.tellAgentIds ?? []).map((id) => `agent:${id}`);
  const messageGrants = told.length === 0 ? grants : [...new Set([...grants, ...told])];
  for (const message of messages) {
    const at = message.updatedAt;
    changes.push({
      collection: 'message',
      docId: message.id,
      grants: messageGrants,
      revokes: [],
      at,
    });
  }
  await recordChanges(trx, changes);
  return messages;
}

async function writeRow(
  trx: Tx,
  before: Conversation | null,
  after: Conversation,
  address: string | null | undefined,
): Promise<void> {
  const row = toRow(after);
  if (before === null) {
    const opened = address === undefined ? await contactAddress(trx, after) : address;
    await runCached(trx, 'insert-conversation', { ...row, address: opened }, (db, values) =>
      db.insertInto('conversations').values(values),
    );
    return;
  }
  const changed = changedColumns(toRow(before), row);
  if (changed === null) return;
  await runCached(trx, 'update-conversation', { changed, id: after.id }, (db, args) =>
    db.updateTable('conversations').set(args.changed).where('id', '=', args.id),
  );
}

async function contactAddress(trx: Tx, c: Conversation): Promise<string | null> {
  const row = await trx
    .selectFrom('contact_addresses')
    .select('address')
    .where('contact_id', '=', c.contactId)
    .where('channel_id', '=', c.channelId)
    .executeTakeFirst();
  return row?.address ?? null;
}

async function inTimelineOrder(
  trx: Tx,
  before: Conversation | null,
  messages: readonly Message[],
): Promise<Message[]> {
  if (messages.length === 0) return [];
  const latest =
    before === null
      ? undefined
      : await runCached(trx, 'latest-message', before.id, (db, id) =>
          db
            .selectFrom('messages')
            .select((eb) => eb.fn.max('created_at').as('at'))
            .where('conversation_id', '=', id),
        );
  return sequenceTimeline(latest?.[0]?.at ?? null, messages);
}

async function reannouncedMessages(
  trx: Tx,
  conversation: Conversation,
  grants: string[],
  revokes: string[],
): Promise<ChangeInput[]> {
  const earlier = await trx
    .selectFrom('messages')
    .select('id')
    .where('conversation_id', '=', conversation.id)
    .orderBy('created_at')
    .execute();
  const at = conversation.updatedAt;
  return earlier.map(({ id }) => ({ collection: 'message', docId: id, grants, revokes, at }));
}

async function syncLinks(trx: Tx, before: Conversation | null, after: Conversation): Promise<void> {
  const oldParticipants = before?.participantIds ?? [];
  const oldTags = before?.tagIds ?? [];
  for (const agentId of after.participantIds.filter((id) => !oldParticipants.includes(id))) {
    await trx
      .insertInto('conversation_participants')
      .values({ conversation_id: after.id, agent_id: agentId })
      .execute();
  }
  const removedParticipants = oldParticipants.filter((id) => !after.participantIds.includes(id));
  if (removedParticipants.length > 0) {
    await trx
      .deleteFrom('conversation_participants')
      .where('conversation_id', '=', after.id)
      .where('agent_id', 'in', removedParticipants)
      .execute();
  }
  for (const tagId of after.tagIds.filter((id) => !oldTags.includes(id))) {
    await trx
      .insertInto('conversation_tags')
      .values({ conversation_id: after.id, tag_id: tagId })
      .execute();
  }
  const removedTags = oldTags.filter((id) => !after.tagIds.includes(id));
  if (removedTags.length > 0) {
    await trx
      .deleteFrom('conversation_tags')
      .where('conversation_id', '=', after.id)
      .where('tag_id', 'in', removedTags)
      .execute();
  }
}

/** A timeline line recording who did what; it never leaves for the contact. */
export const systemMessage = (
  id: string,
  conversationId: string,
  event: SystemEvent,
  at: number,
  authorAgentId: string | null = null,
): Message => ({
  id,
  conversationId,
  direction: 'internal',
  kind: 'system',
  authorAgentId,
  body: '',
  attachments: [],
  template: null,
  system: event,
  status: 'sent',
  error: null,
  channelMessageId: null,
  clientId: null,
  createdAt: at,
  updatedAt: at,
});

/** What the conversation list shows under the contact's name. */
export function previewOf(message: Message): string {
  if (message.kind === 'media') {
    const names = message.attachments.map((a) => a.fileName).join(', ');
    return (message.body || names).slice(0, 200);
  }
  return message.body.slice(0, 200);
}

/** The conversation after a message that the list should show as the latest one. */
export const withLastMessage = (conversation: Conversation, message: Message): Conversation => ({
  ...conversation,
  lastMessageAt: message.createdAt,
  lastMessagePreview: previewOf(message),
  updatedAt: message.createdAt,
});
