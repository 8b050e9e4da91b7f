import type { Kysely } from 'kysely';
import { textType } from '../dialect';

/*
 * Web chat visitor sessions. The visitor's token is a random value the server looks up, so it
 * carries nothing about the visitor and can be revoked; only its keyed hash is stored. The row
 * keeps what the visitor typed in the form until the first message creates the contact.
 * Expired rows are deleted as new sessions open (visitor-sessions.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const text = textType(db);
  await db.schema
    .createTable('webchat_sessions')
    .addColumn('token_hash', text, (c) => c.primaryKey())
    .addColumn('channel_id', text, (c) => c.notNull().references('channels.id'))
    .addColumn('visitor_id', text, (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('email', text, (c) => c.notNull())
    .addColumn('locale', text, (c) => c.notNull())
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .execute();
  // Erasure revokes a visitor's sessions by address; the purge removes expired ones by age.
  await db.schema
    .createIndex('webchat_sessions_visitor')
    .on('webchat_sessions')
    .columns(['channel_id', 'visitor_id'])
    .execute();
  await db.schema
    .createIndex('webchat_sessions_issued_at')
    .on('webchat_sessions')
    .column('issued_at')
    .execute();
}
