import { contactNotice } from '@atendo/shared/rules/contact-notices';
import { canCommentCsat, csatComment } from '@atendo/shared/rules/csat';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Message } from '@atendo/shared/schemas/message';
import { contactLocale } from '../channels/conversation-flow/flow-store';
import { writeConversation } from './conversation-writer';
import type { Deps, Tx } from './deps';
import { requireConversation } from './lookup';

/*
 * On WhatsApp the contact answers the CSAT question with a score, and often writes the comment
 * the question invites in a second message. The score closed the conversation; a text arriving
 * soon after (CSAT_COMMENT_WINDOW_MS) is that comment, stored on the rating and thanked for,
 * rather than the start of a new conversation in the bot menu.
 */

/** The conversation whose score, recorded moments ago on this channel, still awaits its comment. */
export async function awaitingCsatComment(
  trx: Tx,
  input: { contactId: string; channelId: string },
  now: number,
): Promise<Conversation | null> {
  const row = await trx
    .selectFrom('csat_answers')
    .innerJoin('conversations', 'conversations.id', 'csat_answers.conversation_id')
    .select(['conversations.id', 'csat_answers.comment', 'csat_answers.answered_at'])
    .where('conversations.contact_id', '=', input.contactId)
    .where('conversations.channel_id', '=', input.channelId)
    .where('conversations.state', '=', 'closed')
    .orderBy('csat_answers.answered_at', 'desc')
    .executeTakeFirst();
  if (row === undefined) return null;
  const answer = { answeredAt: row.answered_at, comment: row.comment };
  return canCommentCsat(answer, now).ok ? requireConversation(trx, row.id) : null;
}

/** An automatic thank-you to the contact, sent after commit like the bot's messages. */
export async function csatThankYou(
  trx: Tx,
  deps: Deps,
  conversation: Conversation,
  notice: 'csatThanks' | 'csatCommentThanks',
  now: number,
): Promise<Message> {
  const locale = await contactLocale(trx, conversation.contactId);
  return {
    id: deps.newId(),
    conversationId: conversation.id,
    direction: 'outbound',
    kind: 'text',
    authorAgentId: null,
    body: contactNotice(locale, notice),
    attachments: [],
    template: null,
    system: null,
    status: 'queued',
    error: null,
    channelMessageId: null,
    clientId: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Stores the contact's message in the rated conversation, as its comment, with the thank-you.
 * Returns the thank-you's id for delivery.
 */
export async function recordCsatComment(
  trx: Tx,
  deps: Deps,
  input: { before: Conversation; after: Conversation; message: Message },
  now: number,
): Promise<{ stored: Message; thanks: Message }> {
  const comment = csatComment(input.message.body) ?? input.message.body;
  await trx
    .updateTable('csat_answers')
    .set({ comment })
    .where('conversation_id', '=', input.before.id)
    .execute();
  const thanks = await csatThankYou(trx, deps, input.after, 'csatCommentThanks', now);
  const [stored = input.message] = await writeConversation(trx, {
    before: input.before,
    after: input.after,
    messages: [input.message, thanks],
  });
  return { stored, thanks };
}
