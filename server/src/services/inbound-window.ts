import { WINDOW_MS } from '@atendo/shared/rules/messaging-window';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { loadConversation } from '../repo/conversations';
import { inTransaction, type Deps } from './deps';
import { writeConversation } from './conversation-writer';

/**
 * WhatsApp refused one of our messages with 131047: Meta says the contact's 24 h window is
 * shut, whatever our clock thought. The conversation's `lastInboundAt` is moved back a full
 * window, so every client (which computes the window from it) shows "template required" and the
 * server refuses free text until the contact writes again (their next message sets it anew).
 * A contact message stored after ours proves the window open again, so then nothing changes. Returns the conversation when it changed.
 */
export async function closeCustomerServiceWindow(
  deps: Deps,
  refused: { channelId: string; channelMessageId?: string; messageId?: string },
): Promise<Conversation | null> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    let query = trx
      .selectFrom('messages')
      .select(['conversation_id', 'created_at'])
      .where('channel_id', '=', refused.channelId);
    if (refused.messageId !== undefined) query = query.where('id', '=', refused.messageId);
    else if (refused.channelMessageId !== undefined) {
      query = query.where('channel_message_id', '=', refused.channelMessageId);
    } else return null;
    const row = await query.executeTakeFirst();
    if (!row) return null;
    const before = await loadConversation(trx, row.conversation_id);
    if (!before || before.lastInboundAt === null) return null;
    // Compared on our own clock: Meta's timestamps (lastInboundAt) may be skewed from ours.
    const answered = await trx
      .selectFrom('messages')
      .select('id')
      .where('conversation_id', '=', row.conversation_id)
      .where('direction', '=', 'inbound')
      .where('created_at', '>', row.created_at)
      .executeTakeFirst();
    if (answered) return null;
    const expired = Math.min(before.lastInboundAt, now - WINDOW_MS);
    if (expired === before.lastInboundAt) return null;
    const after: Conversation = { ...before, lastInboundAt: expired, updatedAt: now };
    await writeConversation(trx, { before, after });
    return after;
  });
}
