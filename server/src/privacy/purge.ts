import fs from 'node:fs/promises';
import path from 'node:path';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { conversationAudience } from '@atendo/shared/sync/audience';
import type { ChangeInput } from '../feed/change-feed';
import { writeTombstones } from '../feed/tombstones';
import { messageFromRow } from '../repo/messages';
import type { Tx } from '../services/deps';

/*
 * The deletions erasure and retention share: a conversation's messages (each replaced by its
 * tombstone and removed from every client that holds it) and its files, rows and bytes.
 */

const IDS_PER_QUERY = 500;

export const chunks = <T>(items: readonly T[], size = IDS_PER_QUERY): T[][] => {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
};

/** A change that takes a document away from everyone who may see it now, and grants it to nobody. */
export const removalFor = (
  collection: ChangeInput['collection'],
  docId: string,
  revokes: readonly string[],
  at: number,
): ChangeInput => ({ collection, docId, grants: [], revokes, at });

/**
 * Deletes every message of the conversations, leaving tombstones, and returns the changes that
 * remove them from the audiences the conversations have now.
 */
export async function deleteMessages(
  trx: Tx,
  conversations: readonly Conversation[],
  now: number,
): Promise<ChangeInput[]> {
  const audience = new Map(conversations.map((c) => [c.id, conversationAudience(c)]));
  const changes: ChangeInput[] = [];
  for (const ids of chunks(conversations.map((c) => c.id))) {
    const rows = await trx
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', 'in', ids)
      .execute();
    await writeTombstones(trx, 'message', rows.map(messageFromRow), now);
    await trx.deleteFrom('messages').where('conversation_id', 'in', ids).execute();
    for (const row of rows) {
      changes.push(removalFor('message', row.id, audience.get(row.conversation_id) ?? [], now));
    }
  }
  return changes;
}

/** Deletes the upload rows of the conversations and returns where their files are. */
export async function deleteConversationUploads(
  trx: Tx,
  conversationIds: readonly string[],
): Promise<string[]> {
  const paths: string[] = [];
  for (const ids of chunks(conversationIds)) {
    const rows = await trx
      .deleteFrom('uploads')
      .where('conversation_id', 'in', ids)
      .returning('path')
      .execute();
    paths.push(...rows.map((row) => row.path));
  }
  return paths;
}

/**
 * Removes stored files (paths relative to the data directory). Called inside the transaction
 * that deleted their rows, last: a file that cannot be removed fails the whole action, so no row
 * claims a file is gone while its bytes stay on disk. A file already gone is no failure.
 */
export async function removeFiles(
  dataDir: string,
  relativePaths: readonly string[],
): Promise<void> {
  const root = path.resolve(dataDir);
  for (const relative of relativePaths) {
    const absolute = path.resolve(root, relative);
    // Rows are written by the server, but a path outside the data directory is never touched.
    if (!absolute.startsWith(root + path.sep)) continue;
    await fs.rm(absolute, { force: true });
  }
}
