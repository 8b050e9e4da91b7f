import { botMenuText, botReply } from '@atendo/shared/rules/bot-menu';
import { contactNotice, sendsContactNotices } from '@atendo/shared/rules/contact-notices';
import { canAnswerCsat, parseCsatAnswer } from '@atendo/shared/rules/csat';
import { ensure } from '@atendo/shared/rules/decision';
import { nextState } from '@atendo/shared/rules/lifecycle';
import type { BotMenu, Channel } from '@atendo/shared/schemas/channel';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Message } from '@atendo/shared/schemas/message';
import { contactLocale } from '../channels/conversation-flow/flow-store';
import type { Deps, Tx } from './deps';
import { systemMessage, writeConversation } from './conversation-writer';
import { recordCsatAnswer } from './csat';
import { csatThankYou } from './csat-comment';

/* What a conversation does with a contact's message: greet, run the bot menu, take a CSAT score. */

/** The automatic message the bot sends (menu, "did not understand"); delivered after commit. */
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

/**
 * The contact's "you are in the queue" message, on channels that have no screen of their own
 * to show it (the web chat widget shows its status line instead).
 */
export async function queuedNotice(
  trx: Tx,
  deps: Deps,
  channel: Channel,
  conversation: Conversation,
  now: number,
): Promise<Message | null> {
  if (!sendsContactNotices(channel.kind)) return null;
  const locale = await contactLocale(trx, conversation.contactId);
  return botMessage(deps.newId(), conversation.id, contactNotice(locale, 'queued'), now);
}

/** A new conversation opens with "started", then the bot menu or the "queued" line. */
export function greeting(
  deps: Deps,
  channel: Channel,
  conversation: Conversation,
  now: number,
): { started: Message; follow: Message } {
  const started = systemMessage(
    deps.newId(),
    conversation.id,
    { type: 'started', agentId: null },
    now,
  );
  const follow = channel.botMenu
    ? botMessage(deps.newId(), conversation.id, botMenuText(channel.botMenu), now)
    : systemMessage(
        deps.newId(),
        conversation.id,
        { type: 'queued', teamId: conversation.teamId },
        now,
      );
  return { started, follow };
}

export type Reaction = { conversation: Conversation; replies: string[] };

/** A message in an existing conversation: a menu choice, a CSAT score, or just conversation. */
export async function continueConversation(
  trx: Tx,
  deps: Deps,
  channel: Channel,
  conversation: Conversation,
  message: Message,
  now: number,
): Promise<Reaction> {
  if (conversation.state === 'bot' && channel.botMenu) {
    return answerBotMenu(trx, deps, channel, channel.botMenu, conversation, message, now);
  }
  const answer = conversation.state === 'awaiting_csat' ? parseCsatAnswer(message.body) : null;
  if (answer && canAnswerCsat(conversation, now).ok) {
    const input = { conversationId: conversation.id, ...answer };
    const rated = await recordCsatAnswer(trx, deps, conversation, input, now);
    if (!sendsContactNotices(channel.kind)) return { conversation: rated, replies: [] };
    const thanks = await csatThankYou(trx, deps, rated, 'csatThanks', now);
    await writeConversation(trx, { before: rated, after: rated, messages: [thanks] });
    return { conversation: rated, replies: [thanks.id] };
  }
  return { conversation, replies: [] };
}

async function answerBotMenu(
  trx: Tx,
  deps: Deps,
  channel: Channel,
  menu: BotMenu,
  before: Conversation,
  message: Message,
  now: number,
): Promise<Reaction> {
  const reply = botReply(menu, message.body);
  if (reply.kind === 'invalid') {
    const body = `${menu.invalidReply}\n${botMenuText(menu)}`;
    const text = botMessage(deps.newId(), before.id, body, now);
    await writeConversation(trx, { before, after: before, messages: [text] });
    return { conversation: before, replies: [text.id] };
  }
  const { to } = ensure(nextState('bot', 'bot-routed'));
  const after: Conversation = {
    ...before,
    state: to,
    teamId: reply.teamId,
    queuedAt: now,
    botDeadline: null,
    updatedAt: now,
  };
  const queued = systemMessage(
    deps.newId(),
    before.id,
    { type: 'queued', teamId: reply.teamId },
    now,
  );
  const notice = await queuedNotice(trx, deps, channel, after, now);
  const messages = notice === null ? [queued] : [queued, notice];
  await writeConversation(trx, { before, after, messages });
  return { conversation: after, replies: notice === null ? [] : [notice.id] };
}
