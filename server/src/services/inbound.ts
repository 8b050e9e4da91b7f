import { AtendoError } from '@atendo/shared/errors';
import { botDeadline } from '@atendo/shared/rules/bot-menu';
import {
  storableFileName,
  storableLine,
  storableMessageText,
} from '@atendo/shared/rules/storable-text';
import { sendsContactNotices } from '@atendo/shared/rules/contact-notices';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Attachment, DeliveryError, Message } from '@atendo/shared/schemas/message';
import { runCached } from '../db/query-cache';
import { loadOpenConversation } from '../repo/conversations';
import { messageFromRow } from '../repo/messages';
import { deliverMessage } from './delivery';
import type { Deps, Tx } from './deps';
import { inInboundTransaction } from './inbound-batch';
import { withLastMessage, writeConversation } from './conversation-writer';
import { awaitingCsatComment, recordCsatComment } from './csat-comment';
import { continueConversation, greeting, queuedNotice } from './inbound-reactions';
import { resolveContact } from './inbound-contact';
import { requireChannel, requireConversation } from './lookup';

export type InboundInput = {
  channelId: string;
  /** The contact's address on the channel: wa_id, web chat visitor id, … */
  address: string;
  profileName: string | null;
  channelMessageId: string;
  kind: 'text' | 'media';
  body: string;
  attachments: Attachment[];
  sentAt: number;
  /**
   * Where the adapter stored each attachment's bytes, relative to the data directory, by
   * attachment id. Each becomes an `uploads` row of the conversation, so agents download the
   * contact's files through `GET /api/attachments/:id` like their own.
   */
  filePaths?: Readonly<Record<string, string>>;
  /** What went wrong receiving it (media that could not be downloaded), shown to the agent. */
  error?: DeliveryError | null;
};

export type InboundResult = {
  conversation: Conversation;
  message: Message;
  /** False when the channel delivered this message before: nothing new was stored. */
  created: boolean;
  conversationCreated: boolean;
};

/**
 * A contact's message arriving from a channel adapter: finds or creates the contact, continues
 * its open conversation or opens one (in the bot menu, or straight in the default team's queue),
 * stores the message and opens the window. Channels redeliver, so a known channelMessageId
 * returns the stored message and writes nothing.
 */
export async function receiveInboundMessage(
  deps: Deps,
  received: InboundInput,
): Promise<InboundResult> {
  const input = storable(received);
  const now = deps.clock.now();
  const result = await inInboundTransaction(deps, async (trx) => {
    const duplicate = await findDuplicate(trx, input);
    if (duplicate) return duplicate;
    const channel = await batchChannel(trx, input.channelId);
    const contactId = await resolveContact(trx, deps, channel, input, now);
    const open = await loadOpenConversation(trx, contactId, channel.id);
    if (open) await ensureOpenedOn(trx, open.id, input.address);
    if (open === null) {
      const comment = await asCsatComment(trx, deps, { channel, contactId, input }, now);
      if (comment !== null) return comment;
    }
    const before = open ?? openConversation(deps, channel, contactId, now);
    const message = inboundMessage(deps.newId(), before.id, input, now);
    const received: Conversation = {
      ...withLastMessage(before, message),
      lastInboundAt: Math.max(before.lastInboundAt ?? 0, input.sentAt),
    };
    if (open === null) {
      const { started, follow } = greeting(deps, channel, received, now);
      // Straight into the queue (no bot menu): the contact is told so, as after a menu choice.
      const notice =
        received.state === 'queued' ? await queuedNotice(trx, deps, channel, received, now) : null;
      const [, stored = message] = await writeConversation(trx, {
        before: null,
        after: received,
        messages: notice === null ? [started, message, follow] : [started, message, follow, notice],
        address: input.address,
      });
      await recordInboundFiles(trx, received.id, input, now);
      const replies = [follow, notice].flatMap((m) =>
        m !== null && m.direction === 'outbound' && m.status === 'queued' ? [m.id] : [],
      );
      const conversation = received;
      return { conversation, message: stored, created: true, conversationCreated: true, replies };
    }
    const [stored = message] = await writeConversation(trx, {
      before: open,
      after: received,
      messages: [message],
    });
    await recordInboundFiles(trx, received.id, input, now);
    const reaction = await continueConversation(trx, deps, channel, received, stored, now);
    return { ...reaction, message: stored, created: true, conversationCreated: false };
  });
  // Not awaited: the channel's request (a webhook) is answered once the message is stored.
  for (const reply of result.replies) {
    deps.outbox.enqueue(result.conversation.id, () => deliverMessage(deps, reply));
  }
  return {
    conversation: result.conversation,
    message: result.message,
    created: result.created,
    conversationCreated: result.conversationCreated,
  };
}

/**
 * A conversation only ever continues with the address it was opened on. The contact's address
 * could only differ if it was moved outside the channel (agents cannot: issue 10); the message
 * is then refused rather than written into someone else's conversation.
 */
async function ensureOpenedOn(trx: Tx, conversationId: string, address: string): Promise<void> {
  const [row] = await runCached(trx, 'conversation-address', conversationId, (db, id) =>
    db.selectFrom('conversations').select('address').where('id', '=', id),
  );
  const opened = row?.address ?? null;
  if (opened === null || opened === address) return;
  throw new AtendoError('conflict', 'the contact’s open conversation is on another address', {
    conversationId,
  });
}

/**
 * A text moments after a score without a comment, on a channel without its own rating form
 * (WhatsApp), is that comment: stored in the rated conversation and thanked for (csat-comment).
 */
async function asCsatComment(
  trx: Tx,
  deps: Deps,
  { channel, contactId, input }: { channel: Channel; contactId: string; input: InboundInput },
  now: number,
): Promise<(InboundResult & { replies: string[] }) | null> {
  if (input.kind !== 'text' || !sendsContactNotices(channel.kind)) return null;
  const rated = await awaitingCsatComment(trx, { contactId, channelId: channel.id }, now);
  if (rated === null) return null;
  const message = inboundMessage(deps.newId(), rated.id, input, now);
  const after: Conversation = {
    ...withLastMessage(rated, message),
    lastInboundAt: Math.max(rated.lastInboundAt ?? 0, input.sentAt),
  };
  const { stored, thanks } = await recordCsatComment(
    trx,
    deps,
    { before: rated, after, message },
    now,
  );
  return {
    conversation: after,
    message: stored,
    created: true,
    conversationCreated: false,
    replies: [thanks.id],
  };
}

// What the contact sent, as it may be stored (rules/storable-text): a file whose name is
// nothing once cleaned is named by its id.
function storable(input: InboundInput): InboundInput {
  const profileName = input.profileName === null ? '' : storableLine(input.profileName);
  return {
    ...input,
    body: storableMessageText(input.body),
    profileName: profileName === '' ? null : profileName,
    attachments: input.attachments.map((a) => ({
      ...a,
      fileName: storableFileName(a.fileName) || `arquivo-${a.id}`,
    })),
  };
}

/*
 * The channel as read once per shared transaction (see inbound-batch): every message of a batch
 * names the same few channels, and nothing in a batch edits a channel, while the transaction
 * keeps other writers out.
 */
const batchChannels = new WeakMap<Tx, Map<string, Channel>>();

async function batchChannel(trx: Tx, id: string): Promise<Channel> {
  let channels = batchChannels.get(trx);
  if (channels === undefined) {
    channels = new Map();
    batchChannels.set(trx, channels);
  }
  const known = channels.get(id);
  if (known) return known;
  const channel = await requireChannel(trx, id);
  channels.set(id, channel);
  return channel;
}

/** Registers the contact's files once the conversation they belong to is known. */
async function recordInboundFiles(
  trx: Tx,
  conversationId: string,
  input: InboundInput,
  now: number,
): Promise<void> {
  for (const attachment of input.attachments) {
    const path = input.filePaths?.[attachment.id];
    if (path === undefined) continue;
    await trx
      .insertInto('uploads')
      .values({
        id: attachment.id,
        conversation_id: conversationId,
        agent_id: null,
        file_name: attachment.fileName,
        mime_type: attachment.mimeType,
        size: attachment.size,
        media_type: attachment.mediaType,
        animated: attachment.animated === true ? 1 : 0,
        path,
        created_at: now,
      })
      .execute();
  }
}

/** The stored result for a message the channel delivered before, if it did. */
async function findDuplicate(
  trx: Tx,
  input: InboundInput,
): Promise<(InboundResult & { replies: string[] }) | null> {
  const key = { channelId: input.channelId, channelMessageId: input.channelMessageId };
  const [row] = await runCached(trx, 'inbound-duplicate', key, (db, args) =>
    db
      .selectFrom('messages')
      .selectAll()
      .where('channel_id', '=', args.channelId)
      .where('channel_message_id', '=', args.channelMessageId),
  );
  if (!row) return null;
  const conversation = await requireConversation(trx, row.conversation_id);
  const message = messageFromRow(row);
  return { conversation, message, created: false, conversationCreated: false, replies: [] };
}

const inboundMessage = (
  id: string,
  conversationId: string,
  input: InboundInput,
  now: number,
): Message => ({
  id,
  conversationId,
  direction: 'inbound',
  kind: input.kind,
  authorAgentId: null,
  body: input.body,
  attachments: input.attachments,
  template: null,
  system: null,
  status: 'delivered',
  error: input.error ?? null,
  channelMessageId: input.channelMessageId,
  clientId: null,
  createdAt: now,
  updatedAt: now,
});

/** A fresh conversation for a contact who writes in: to the bot menu when there is one. */
function openConversation(
  deps: Deps,
  channel: Channel,
  contactId: string,
  now: number,
): Conversation {
  const menu = channel.botMenu;
  return {
    id: deps.newId(),
    contactId,
    channelId: channel.id,
    teamId: channel.defaultTeamId,
    ownerId: null,
    participantIds: [],
    tagIds: [],
    dispositionId: null,
    state: menu ? 'bot' : 'queued',
    lastInboundAt: null,
    lastMessageAt: null,
    lastMessagePreview: null,
    createdAt: now,
    queuedAt: menu ? null : now,
    closedAt: null,
    csatDeadline: null,
    botDeadline: menu ? botDeadline(menu, now) : null,
    updatedAt: now,
  };
}
