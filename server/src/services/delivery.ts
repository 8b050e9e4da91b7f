import type { DeliveryError, DeliveryStatus, Message } from '@atendo/shared/schemas/message';
import { conversationAudience } from '@atendo/shared/sync/audience';
import { recordChange } from '../feed/change-feed';
import { loadContact } from '../repo/contacts';
import { loadConversation } from '../repo/conversations';
import { loadAgent, loadChannel } from '../repo/directory';
import { loadMessage } from '../repo/messages';
import type { SendResult } from '../channels/types';
import { conversationAddress } from './conversation-address';
import { inTransaction, type Deps, type Tx } from './deps';
import { toJsonOrNull } from '../db/json';

/**
 * Hands a stored ('queued') outbound message to its channel's sender, after the transaction
 * that stored it has committed, then records the outcome in a new transaction. A sender that
 * throws counts as a retryable failure, so the message never stays 'queued' silently.
 */
export async function deliverMessage(deps: Deps, messageId: string): Promise<Message | null> {
  const message = await loadMessage(deps.db, messageId);
  if (!message || message.status !== 'queued') return message;
  const conversation = await loadConversation(deps.db, message.conversationId);
  const channel = conversation ? await loadChannel(deps.db, conversation.channelId) : null;
  const contact = conversation ? await loadContact(deps.db, conversation.contactId) : null;
  if (!conversation || !channel || !contact) return message;
  const author = message.authorAgentId ? await loadAgent(deps.db, message.authorAgentId) : null;
  const sender = deps.senders.get(channel.kind);
  let result: SendResult;
  if (sender === null) {
    result = {
      ok: false,
      error: { code: 'no-sender', message: `no sender for ${channel.kind}` },
      retryable: false,
    };
  } else {
    try {
      const address = await conversationAddress(deps.db, conversation.id);
      result = await sender({ message, conversation, address, contact, channel, author });
    } catch (error) {
      deps.logger.error({ err: error, messageId }, 'channel sender threw');
      result = {
        ok: false,
        error: { code: 'sender-error', message: 'the channel sender failed' },
        retryable: true,
      };
    }
  }
  return inTransaction(deps, (trx) =>
    result.ok
      ? setDeliveryStatus(trx, messageId, 'sent', null, deps.clock.now(), result.channelMessageId)
      : setDeliveryStatus(trx, messageId, 'failed', result.error, deps.clock.now(), null),
  );
}

/** Writes a message's delivery status and announces it to the conversation's audience. */
export async function setDeliveryStatus(
  trx: Tx,
  messageId: string,
  status: DeliveryStatus,
  error: DeliveryError | null,
  at: number,
  channelMessageId: string | null,
): Promise<Message | null> {
  await trx
    .updateTable('messages')
    .set({
      status,
      error: toJsonOrNull(error),
      updated_at: at,
      ...(channelMessageId === null ? {} : { channel_message_id: channelMessageId }),
    })
    .where('id', '=', messageId)
    .execute();
  const message = await loadMessage(trx, messageId);
  const conversation = message ? await loadConversation(trx, message.conversationId) : null;
  if (!message || !conversation) return message;
  await recordChange(trx, {
    collection: 'message',
    docId: messageId,
    grants: conversationAudience(conversation),
    revokes: [],
    at,
  });
  return message;
}
