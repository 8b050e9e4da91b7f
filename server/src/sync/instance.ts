import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

const known = new WeakMap<Kysely<DB>, string>();

/**
 * Names this database for the checkpoint epoch, so a client that synced against another
 * database (a reinstall, a restored backup, a test server) starts over instead of trusting a
 * sequence number that means something else here. The schema has no instance row, so the name
 * is derived from the feed's first change: its time and document id (a random UUID) differ
 * between databases and never change within one. An empty feed is named `empty`; its first
 * write changes the name once, which costs clients one extra full pull.
 */
export async function databaseInstanceId(db: Kysely<DB>): Promise<string> {
  const cached = known.get(db);
  if (cached !== undefined) return cached;
  const first = await db
    .selectFrom('changes')
    .select(['seq', 'doc_id', 'at'])
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  if (first === undefined) return 'empty';
  const id = createHash('sha256')
    .update(`${first.seq}|${first.doc_id}|${first.at}`)
    .digest('base64url')
    .slice(0, 16);
  known.set(db, id);
  return id;
}
