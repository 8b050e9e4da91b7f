import fs from 'node:fs/promises';
import path from 'node:path';
import { chunks, removeFiles } from '../privacy/purge';
import type { Deps } from '../services/deps';

/** How many uploads one pass looks at; the next pass (a minute later) takes the rest. */
const PER_PASS = 500;

/** The ids of the attachments the messages of these conversations carry. */
async function attachedIds(deps: Deps, conversationIds: readonly string[]): Promise<Set<string>> {
  const rows = await deps.db
    .selectFrom('messages')
    .select('attachments')
    .where('conversation_id', 'in', conversationIds)
    .where('kind', '=', 'media')
    .execute();
  const ids = new Set<string>();
  for (const row of rows) {
    for (const attachment of JSON.parse(row.attachments) as { id?: unknown }[]) {
      if (typeof attachment.id === 'string') ids.add(attachment.id);
    }
  }
  return ids;
}

/**
 * Removes what agents uploaded and never sent: an `uploads` row of an agent older than
 * `graceMs` that no message of its conversation carries, with its file. Visitors' and
 * WhatsApp files are stored with their message, so they are never orphans this way; a file
 * left on disk with no row at all (a crash between write and insert) is removed by
 * removeUnrecordedFiles. Each pass decides and deletes in one transaction, so an upload sent
 * meanwhile is kept. Answers how many uploads were removed.
 */
export async function removeOrphanUploads(
  deps: Deps,
  now: number,
  graceMs: number,
): Promise<number> {
  const cutoff = now - graceMs;
  return deps.db.transaction().execute(async (trx) => {
    const candidates = await trx
      .selectFrom('uploads')
      .select(['id', 'conversation_id', 'path'])
      .where('agent_id', 'is not', null)
      .where('created_at', '<=', cutoff)
      .orderBy('created_at')
      .limit(PER_PASS)
      .execute();
    if (candidates.length === 0) return 0;
    const attached = await attachedIds({ ...deps, db: trx }, [
      ...new Set(candidates.map((c) => c.conversation_id)),
    ]);
    const orphans = candidates.filter((c) => !attached.has(c.id));
    if (orphans.length === 0) return 0;
    await trx
      .deleteFrom('uploads')
      .where(
        'id',
        'in',
        orphans.map((o) => o.id),
      )
      .execute();
    // Last, inside the transaction: a file that cannot go keeps its row.
    await removeFiles(
      deps.dataDir,
      orphans.map((o) => o.path),
    );
    return orphans.length;
  });
}

const UPLOAD_DIRS = ['uploads', path.join('uploads', 'webchat'), path.join('uploads', 'whatsapp')];

/** Listing every stored file is not for every timer tick: once an hour is soon enough. */
const UNRECORDED_EVERY_MS = 3_600_000;
const lastListing = new WeakMap<Deps, number>();

/**
 * Files under the upload folders that no `uploads` row records and that were last written
 * before the grace period: a process killed between writing a file and recording it. A file
 * being received right now is recent, so it is never touched. Runs at most once an hour per
 * server. Answers how many files were removed.
 */
export async function removeUnrecordedFiles(
  deps: Deps,
  now: number,
  graceMs: number,
): Promise<number> {
  const last = lastListing.get(deps);
  if (last !== undefined && now - last < UNRECORDED_EVERY_MS) return 0;
  lastListing.set(deps, now);
  const old: string[] = [];
  for (const dir of UPLOAD_DIRS) {
    const entries = await fs
      .readdir(path.join(deps.dataDir, dir), { withFileTypes: true })
      .catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const relative = path.join(dir, entry.name);
      const stat = await fs.stat(path.join(deps.dataDir, relative)).catch(() => null);
      if (stat !== null && stat.mtimeMs <= now - graceMs) old.push(relative);
    }
  }
  const recorded = new Set<string>();
  for (const paths of chunks(old)) {
    const rows = await deps.db
      .selectFrom('uploads')
      .select('path')
      .where('path', 'in', paths)
      .execute();
    for (const row of rows) recorded.add(row.path);
  }
  const unrecorded = old.filter((relative) => !recorded.has(relative));
  await removeFiles(deps.dataDir, unrecorded);
  return unrecorded.length;
}
