import type { DeliveryStatus } from '../schemas/message';

/**
 * How far a message has got. `failed` ends its progress, so it ranks last and nothing replaces
 * it; but a rank comparison alone is not the rule, because failure never replaces delivered or
 * read (see `nextDeliveryStatus`).
 */
export const deliveryRank: Record<DeliveryStatus, number> = {
  queued: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  failed: 4,
};

const reached = (status: DeliveryStatus): boolean => status === 'delivered' || status === 'read';

/**
 * The status to store when `incoming` arrives for a message at `current`. WhatsApp sends
 * statuses out of order and more than once, so a status never moves backwards ("delivered" after
 * "read" changes nothing; "read" alone implies delivered). A failure after the contact already
 * got the message is noise; once failed, a message stays failed and the agent is told.
 */
export function nextDeliveryStatus(
  current: DeliveryStatus,
  incoming: DeliveryStatus,
): DeliveryStatus {
  if (incoming === 'failed') return reached(current) ? current : 'failed';
  return deliveryRank[incoming] > deliveryRank[current] ? incoming : current;
}

/** Whether storing `incoming` changes anything, so duplicates cost no write and no sync. */
export const deliveryStatusChanges = (current: DeliveryStatus, incoming: DeliveryStatus): boolean =>
  nextDeliveryStatus(current, incoming) !== current;
