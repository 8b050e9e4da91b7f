import { botDeadline } from '@atendo/shared/rules/bot-menu';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Attachment, Message } from '@atendo/shared/schemas/message';
import { loadOpenConversation } from '../repo/conversations';
import { messageFromRow } from '../repo/messages';
import { deliverMessage } from './delivery';
import { inTransaction, type Deps, type Tx } from './deps';
import { withLastMessage, writeConversation } from './conversation-writer';
import { continueConversation, greeting } from './inbound-reactions';
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
  input: InboundInput,
): Promise<InboundResult> {
  const now = deps.clock.now();
  const result = await inTransaction(deps, async (trx) => {
    const duplicate = await findDuplicate(trx, input);
    if (duplicate) return duplicate;
    const channel = await requireChannel(trx, input.channelId);
    const contactId = await resolveContact(trx, deps, channel, input, now);
    const open = await loadOpenConversation(trx, contactId, channel.id);
    const before = open ?? openConversation(deps, channel, contactId, now);
    const message = inboundMessage(deps.newId(), before.id, input, now);
    const received: Conversation = {
      ...withLastMessage(before, message),
      lastInboundAt: Math.max(before.lastInboundAt ?? 0, input.sentAt),
    };
    if (open === null) {
      const { started, follow } = greeting(deps, channel, received, now);
      await writeConversation(trx, {
        before: null,
        after: received,
        messages: [started, message, follow],
      });
      const replies = follow.status === 'queued' ? [follow.id] : [];
      return { conversation: received, message, created: true, conversationCreated: true, replies };
    }
    await writeConversation(trx, { before: open, after: received, messages: [message] });
    const reaction = await continueConversation(trx, deps, channel, received, message, now);
    return { ...reaction, message, created: true, conversationCreated: false };
  });
  for (const reply of result.replies) await deliverMessage(deps, reply);
  return {
    conversation: result.conversation,
    message: result.message,
    created: result.created,
    conversationCreated: result.conversationCreated,
  };
}

/** The stored result for a message the channel delivered before, if it did. */
async function findDuplicate(
  trx: Tx,
  input: InboundInput,
): Promise<(InboundResult & { replies: string[] }) | null> {
  const row = await trx
    .selectFrom('messages')
    .selectAll()
    .where('channel_id', '=', input.channelId)
    .where('channel_message_id', '=', input.channelMessageId)
    .executeTakeFirst();
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
  error: null,
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
