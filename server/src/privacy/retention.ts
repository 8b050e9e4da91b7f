import { retentionCutoffs } from '@atendo/shared/rules/retention';
import { conversationAudience } from '@atendo/shared/sync/audience';
import { recordChanges } from '../feed/change-feed';
import { writeTombstones } from '../feed/tombstones';
import { hydrateConversations } from '../repo/conversations';
import { inTransaction, type Deps, type Tx } from '../services/deps';
import { deleteConversationUploads, deleteMessages, removalFor, removeFiles } from './purge';
import { loadRetention } from './retention-settings';
import { purgeWriteAheadLog, secureDeleteOff, secureDeleteOn } from './secure-delete';

/*
 * The retention timer: closed conversations past their period go whole (messages, files, CSAT
 * answer, tags and participants, the row), files past theirs go from closed conversations, in
 * batches of one transaction each, and every agent's store drops what went through the feed.
 *
 * Several server nodes may run it at the same moment. Each batch first claims its rows with a
 * conditional UPDATE (still closed, still past the cut-off) and deletes only what it claimed; a
 * second node's claim waits on the first one's row locks and then finds the rows gone, so each
 * row is deleted, its tombstone written and its removal recorded exactly once. File deletions
 * are conditional DELETEs with RETURNING, so only the node that deleted a row removes its file.
 */

export type RetentionReport = { conversations: number; files: number };

const BATCH = 100;
/** Batches per run: a backlog is worked off over several runs instead of one long one. */
const MAX_BATCHES = 20;

export async function runRetention(deps: Deps, now: number): Promise<RetentionReport> {
  const cutoffs = retentionCutoffs(await loadRetention(deps.db), now);
  const report: RetentionReport = { conversations: 0, files: 0 };
  const closedBefore = cutoffs.conversationsClosedBefore;
  if (closedBefore !== null) {
    report.conversations = await inBatches(
      () => dueConversations(deps, closedBefore),
      (ids) => deleteConversations(deps, ids, closedBefore, now),
    );
  }
  const createdBefore = cutoffs.filesCreatedBefore;
  if (createdBefore !== null) {
    report.files = await inBatches(
      () => dueFiles(deps, createdBefore),
      (ids) => deleteFiles(deps, ids, createdBefore),
    );
  }
  if (report.conversations + report.files > 0) {
    await purgeWriteAheadLog(deps.db).catch(() => undefined);
    deps.logger.info(report, 'retention: removed what was past its period');
  }
  return report;
}

async function inBatches(
  due: () => Promise<string[]>,
  remove: (ids: string[]) => Promise<number>,
): Promise<number> {
  let removed = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const ids = await due();
    if (ids.length === 0) break;
    removed += await remove(ids);
    if (ids.length < BATCH) break;
  }
  return removed;
}

async function dueConversations(deps: Deps, closedBefore: number): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('conversations')
    .select('id')
    .where('state', '=', 'closed')
    .where('closed_at', '<', closedBefore)
    .orderBy('closed_at')
    .orderBy('id')
    .limit(BATCH)
    .execute();
  return rows.map((row) => row.id);
}

/** Claims the conversations still due (see the file comment) and deletes them whole. */
async function deleteConversations(
  deps: Deps,
  ids: readonly string[],
  closedBefore: number,
  now: number,
): Promise<number> {
  return inTransaction(deps, async (trx) => {
    const claimed = await trx
      .updateTable('conversations')
      .set({ updated_at: now })
      .where('id', 'in', ids)
      .where('state', '=', 'closed')
      .where('closed_at', '<', closedBefore)
      .returning('id')
      .execute();
    if (claimed.length === 0) return 0;
    await secureDeleteOn(trx);
    const claimedIds = claimed.map((row) => row.id);
    const rows = await trx
      .selectFrom('conversations')
      .selectAll()
      .where('id', 'in', claimedIds)
      .execute();
    const conversations = await hydrateConversations(trx, rows);
    const messageChanges = await deleteMessages(trx, conversations, now);
    const files = await deleteConversationUploads(trx, claimedIds);
    await deleteLinks(trx, claimedIds);
    await writeTombstones(trx, 'conversation', conversations, now);
    await trx.deleteFrom('conversations').where('id', 'in', claimedIds).execute();
    await recordChanges(trx, [
      ...conversations.map((c) => removalFor('conversation', c.id, conversationAudience(c), now)),
      ...messageChanges,
    ]);
    await removeFiles(deps.dataDir, files);
    await secureDeleteOff(trx);
    return claimedIds.length;
  });
}

async function deleteLinks(trx: Tx, ids: readonly string[]): Promise<void> {
  await trx.deleteFrom('csat_answers').where('conversation_id', 'in', ids).execute();
  await trx.deleteFrom('conversation_participants').where('conversation_id', 'in', ids).execute();
  await trx.deleteFrom('conversation_tags').where('conversation_id', 'in', ids).execute();
}

async function dueFiles(deps: Deps, createdBefore: number): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('uploads as u')
    .innerJoin('conversations as c', 'c.id', 'u.conversation_id')
    .select('u.id')
    .where('u.created_at', '<', createdBefore)
    .where('c.state', '=', 'closed')
    .orderBy('u.created_at')
    .orderBy('u.id')
    .limit(BATCH)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Deletes the files still due. The messages keep their attachment's name and type, so the
 * timeline still shows that a file was sent; downloading it answers not-found.
 */
async function deleteFiles(
  deps: Deps,
  ids: readonly string[],
  createdBefore: number,
): Promise<number> {
  return inTransaction(deps, async (trx) => {
    await secureDeleteOn(trx);
    const deleted = await trx
      .deleteFrom('uploads')
      .where('id', 'in', ids)
      .where('created_at', '<', createdBefore)
      .where('conversation_id', 'in', (eb) =>
        eb.selectFrom('conversations').select('id').where('state', '=', 'closed'),
      )
      .returning('path')
      .execute();
    await removeFiles(
      deps.dataDir,
      deleted.map((row) => row.path),
    );
    await secureDeleteOff(trx);
    return deleted.length;
  });
}
