import { sql, type Kysely } from 'kysely';

/*
 * Outbound messages still 'queued' when the server starts were stored but never handed to their
 * channel (the process stopped in between); startup resumes them. A partial index keeps that
 * look-up to the few such rows instead of a scan of every message ever stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('messages_queued')
    .on('messages')
    .columns(['created_at', 'id'])
    .where(sql.ref('status'), '=', sql.lit('queued'))
    .execute();
}
