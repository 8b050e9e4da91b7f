import type { WebchatSettings } from '@atendo/shared/schemas/admin/channels';
import { webchatSettingsOf } from '../../repo/admin-channels';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { deliveryStatusChanges } from '@atendo/shared/rules/delivery-status';
import { DeliveryStatus } from '@atendo/shared/schemas/message';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { hydrateConversations } from '../../repo/conversations';
import { channelFromRow } from '../../repo/directory';
import { loadTimeline } from '../../repo/messages';
import { setDeliveryStatus } from '../../services/delivery';
import { inTransaction, type Deps, type Tx } from '../../services/deps';
import type { VisitorSnapshot } from './ports';

/* Reads and small writes the web chat adapter makes on the server's database. */

export async function findWebchatChannel(db: Tx, externalId: string): Promise<Channel | null> {
  const row = await db
    .selectFrom('channels')
    .selectAll()
    .where('kind', '=', 'webchat')
    .where('external_id', '=', externalId)
    // An archived web chat opens no new sessions; visitors already in one may finish.
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return row ? channelFromRow(row) : null;
}

export async function webchatSettingsOfChannel(
  db: Tx,
  channelId: string,
): Promise<WebchatSettings | null> {
  const row = await db
    .selectFrom('channels')
    .select('settings')
    .where('id', '=', channelId)
    .executeTakeFirst();
  const settings = row?.settings ?? null;
  return settings === null ? null : webchatSettingsOf({ settings });
}

export async function contactIdByAddress(
  db: Tx,
  channelId: string,
  address: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('contact_addresses')
    .select('contact_id')
    .where('channel_id', '=', channelId)
    .where('address', '=', address)
    .executeTakeFirst();
  return row?.contact_id ?? null;
}

/**
 * The visitor's most recent conversation on the channel, open or not: one opened on this
 * visitor id. The conversation's own address decides, not the contact's current addresses, so
 * nobody reaches a transcript by changing a contact (issue 10).
 */
export async function latestConversation(
  db: Tx,
  channelId: string,
  address: string,
): Promise<Conversation | null> {
  const rows = await db
    .selectFrom('conversations')
    .selectAll()
    .where('channel_id', '=', channelId)
    .where('address', '=', address)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .execute();
  const [conversation] = await hydrateConversations(db, rows);
  return conversation ?? null;
}

export async function visitorSnapshot(
  db: Tx,
  channelId: string,
  address: string,
): Promise<VisitorSnapshot> {
  const conversation = await latestConversation(db, channelId, address);
  if (!conversation) return { conversation: null, messages: [], agentNames: new Map() };
  const messages = await loadTimeline(db, conversation.id);
  const authorIds = [...new Set(messages.flatMap((m) => m.authorAgentId ?? []))];
  const agents =
    authorIds.length === 0
      ? []
      : await db.selectFrom('agents').select(['id', 'name']).where('id', 'in', authorIds).execute();
  return { conversation, messages, agentNames: new Map(agents.map((a) => [a.id, a.name])) };
}

/**
 * Marks outbound messages the visitor's widget has shown as delivered. Only messages of this
 * visitor's own conversations on this channel (the conversation's own address, not the
 * contact's current one) are touched: ids of anyone else's are ignored, as are unknown ones. A
 * status never moves backwards.
 */
export async function markDelivered(
  deps: Deps,
  visitor: { channelId: string; address: string },
  messageIds: readonly string[],
): Promise<void> {
  await inTransaction(deps, async (trx) => {
    const rows = await trx
      .selectFrom('messages')
      .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
      .select(['messages.id', 'messages.status'])
      .where('messages.id', 'in', messageIds)
      .where('messages.channel_id', '=', visitor.channelId)
      .where('messages.direction', '=', 'outbound')
      .where('conversations.channel_id', '=', visitor.channelId)
      .where('conversations.address', '=', visitor.address)
      .execute();
    for (const row of rows) {
      if (!deliveryStatusChanges(DeliveryStatus.parse(row.status), 'delivered')) continue;
      await setDeliveryStatus(trx, row.id, 'delivered', null, deps.clock.now(), null);
    }
  });
}

/**
 * Visitor files live beside the agents' uploads, under a folder of their own, named by the
 * server's attachment id so nothing the visitor sends reaches the path. Answers the path
 * relative to the data directory, as the `uploads` row records it.
 */
export async function storeVisitorFile(
  deps: Deps,
  attachmentId: string,
  write: (absolutePath: string) => Promise<void>,
): Promise<string> {
  const relative = join('uploads', 'webchat', attachmentId);
  await mkdir(join(deps.dataDir, 'uploads', 'webchat'), { recursive: true });
  try {
    await write(join(deps.dataDir, relative));
  } catch (error) {
    // A write that failed half way (a full disk) must not leave a truncated file behind.
    await rm(join(deps.dataDir, relative), { force: true });
    throw error;
  }
  return relative;
}

/**
 * Removes a visitor's file that no `uploads` row records. A failed store can still have
 * recorded it (the message committed, then a later step threw), and a recorded file is the
 * conversation's: it stays, whatever the caller thought.
 */
export async function discardVisitorFile(
  deps: Deps,
  file: { attachmentId: string; path: string },
): Promise<void> {
  const recorded = await deps.db
    .selectFrom('uploads')
    .select('id')
    .where('id', '=', file.attachmentId)
    .executeTakeFirst();
  if (recorded) return;
  await rm(join(deps.dataDir, file.path), { force: true });
}
