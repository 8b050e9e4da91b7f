import { botDeadline, botMenuText, botReply } from '@atendo/shared/rules/bot-menu';
import { canAnswerCsat, parseCsatAnswer } from '@atendo/shared/rules/csat';
import { ensure } from '@atendo/shared/rules/decision';
import { nextState } from '@atendo/shared/rules/lifecycle';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Attachment, Message } from '@atendo/shared/schemas/message';
import { loadOpenConversation } from '../repo/conversations';
import { messageFromRow } from '../repo/messages';
import { deliverMessage } from './delivery';
import { inTransaction, type Deps, type Tx } from './deps';
import { systemMessage, withLastMessage, writeConversation } from './conversation-writer';
import { recordCsatAnswer } from './csat';
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
    const duplicate = await trx
      .selectFrom('messages')
      .selectAll()
      .where('channel_id', '=', input.channelId)
      .where('channel_message_id', '=', input.channelMessageId)
      .executeTakeFirst();
    if (duplicate) {
      const conversation = await requireConversation(trx, duplicate.conversation_id);
      return {
        conversation,
        message: messageFromRow(duplicate),
        created: false,
        conversationCreated: false,
        replies: [],
      };
    }
    const channel = await requireChannel(trx, input.channelId);
    const contactId = await resolveContact(trx, deps, channel, input, now);
    const open = await loadOpenConversation(trx, contactId, channel.id);
    const before = open ?? openConversation(deps, channel, contactId, now);
    const message = inboundMessage(deps.newId(), before.id, input, now);
    const received: Conversation = {
      ...withLastMessage(before, message),
      lastInboundAt: Math.max(before.lastInboundAt ?? 0, input.sentAt),
    };
    await writeConversation(trx, { before: open, after: received, messages: [message] });
    const { conversation, replies } = await react(
      trx,
      deps,
      channel,
      received,
      message,
      now,
      open === null,
    );
    return { conversation, message, created: true, conversationCreated: open === null, replies };
  });
  for (const reply of result.replies) await deliverMessage(deps, reply);
  return {
    conversation: result.conversation,
    message: result.message,
    created: result.created,
    conversationCreated: result.conversationCreated,
  };
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

/** The automatic message the bot sends (menu, "did not understand"). */
const botMessage = (id: string, conversationId: string, body: string, now: number): Message => ({
  id,
  conversationId,
  direction: 'outbound',
  kind: 'text',
  authorAgentId: null,
  body,
  attachments: [],
  template: null,
  system: null,
  status: 'queued',
  error: null,
  channelMessageId: null,
  clientId: null,
  createdAt: now,
  updatedAt: now,
});

/** What the conversation does with the new message: bot menu, CSAT answer, or nothing. */
async function react(
  trx: Tx,
  deps: Deps,
  channel: Channel,
  conversation: Conversation,
  message: Message,
  now: number,
  fresh: boolean,
): Promise<{ conversation: Conversation; replies: string[] }> {
  const menu = channel.botMenu;
  if (fresh) {
    const started = systemMessage(
      deps.newId(),
      conversation.id,
      { type: 'started', agentId: null },
      now,
    );
    const extra: Message[] = [started];
    if (menu) extra.push(botMessage(deps.newId(), conversation.id, botMenuText(menu), now));
    else
      extra.push(
        systemMessage(
          deps.newId(),
          conversation.id,
          { type: 'queued', teamId: conversation.teamId },
          now,
        ),
      );
    await writeConversation(trx, { before: conversation, after: conversation, messages: extra });
    return { conversation, replies: extra.filter((m) => m.status === 'queued').map((m) => m.id) };
  }
  if (conversation.state === 'bot' && menu) {
    const reply = botReply(menu, message.body);
    if (reply.kind === 'invalid') {
      const text = botMessage(
        deps.newId(),
        conversation.id,
        `${menu.invalidReply}\n${botMenuText(menu)}`,
        now,
      );
      await writeConversation(trx, { before: conversation, after: conversation, messages: [text] });
      return { conversation, replies: [text.id] };
    }
    const { to } = ensure(nextState('bot', 'bot-routed'));
    const after: Conversation = {
      ...conversation,
      state: to,
      teamId: reply.teamId,
      queuedAt: now,
      botDeadline: null,
      updatedAt: now,
    };
    const queued = systemMessage(
      deps.newId(),
      conversation.id,
      { type: 'queued', teamId: reply.teamId },
      now,
    );
    await writeConversation(trx, { before: conversation, after, messages: [queued] });
    return { conversation: after, replies: [] };
  }
  const answer = conversation.state === 'awaiting_csat' ? parseCsatAnswer(message.body) : null;
  if (answer && canAnswerCsat(conversation, now).ok) {
    const after = await recordCsatAnswer(
      trx,
      deps,
      conversation,
      { conversationId: conversation.id, ...answer },
      now,
    );
    return { conversation: after, replies: [] };
  }
  return { conversation, replies: [] };
}
