import type { Channel } from '@atendo/shared/schemas/channel';
import type { Contact } from '@atendo/shared/schemas/contact';
import type { Tx } from './deps';

/**
 * The address a conversation an agent starts is opened on: the contact's proven address on the
 * channel, or on WhatsApp the contact's first phone (a number the agent added for an outbound
 * start). The conversation keeps it for its whole life (migration 0005).
 */
export function openingAddress(
  channel: Pick<Channel, 'id' | 'kind'>,
  contact: Contact,
): string | null {
  const known = contact.addresses.find((a) => a.channelId === channel.id);
  if (known) return known.address;
  const phone = channel.kind === 'whatsapp' ? contact.phones[0] : undefined;
  return phone === undefined ? null : phone.replace(/^\+/, '');
}

/** The address the conversation was opened on, or null for one that has none (see 0005). */
export async function conversationAddress(db: Tx, conversationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('conversations')
    .select('address')
    .where('id', '=', conversationId)
    .executeTakeFirst();
  return row?.address ?? null;
}
