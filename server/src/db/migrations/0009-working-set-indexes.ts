import type { Kysely } from 'kysely';

/*
 * The sync working set (server/src/sync/working-set-query.ts) reads closed conversations by
 * when they closed (the recent-history window) and by contact (each served contact's latest
 * ones); without this index both scanned every conversation the organisation ever had.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('conversations_closed_at')
    .on('conversations')
    .columns(['closed_at'])
    .execute();
}
