import { deliveryStatusChanges, nextDeliveryStatus } from '@atendo/shared/rules/delivery-status';
import type { DeliveryError, DeliveryStatus, Message } from '@atendo/shared/schemas/message';
import { messageFromRow } from '../repo/messages';
import { setDeliveryStatus } from './delivery';
import { inTransaction, type Deps } from './deps';

export type StatusUpdate = {
  channelId: string;
  channelMessageId: string;
  status: DeliveryStatus;
  error: DeliveryError | null;
  at: number;
};

/**
 * A channel's receipt (sent, delivered, read, failed) for an outbound message. Receipts arrive
 * out of order and repeated; the status never moves backwards and a no-op writes nothing.
 * Returns null for an unknown message.
 */
export async function updateDeliveryStatus(
  deps: Deps,
  update: StatusUpdate,
): Promise<Message | null> {
  return inTransaction(deps, async (trx) => {
    const row = await trx
      .selectFrom('messages')
      .selectAll()
      .where('channel_id', '=', update.channelId)
      .where('channel_message_id', '=', update.channelMessageId)
      .executeTakeFirst();
    if (!row) return null;
    const current = messageFromRow(row);
    if (!deliveryStatusChanges(current.status, update.status)) return current;
    const status = nextDeliveryStatus(current.status, update.status);
    return setDeliveryStatus(
      trx,
      current.id,
      status,
      status === 'failed' ? update.error : current.error,
      update.at,
      null,
    );
  });
}
