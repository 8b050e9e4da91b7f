import { sql, type Kysely } from 'kysely';
import { dialectOf, textType } from '../dialect';

/*
 * LGPD: the access log (who read what, and every refused attempt), the privacy settings
 * (retention periods), the record of erased contacts, and the feed's tombstones: the removal
 * document of a row that was deleted (retention, erasure), so a client that still holds it can
 * drop it although the row is gone. Indexes serve the log viewer's filters and the retention
 * timer's look-ups of what is past its period.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createAccessLog(db);
  const text = textType(db);
  await db.schema
    .createTable('privacy_settings')
    .addColumn('key', text, (c) => c.primaryKey())
    .addColumn('value', text, (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', text)
    .execute();
  await db.schema
    .createTable('contact_erasures')
    .addColumn('contact_id', text, (c) => c.primaryKey().references('contacts.id'))
    .addColumn('erased_at', 'bigint', (c) => c.notNull())
    .addColumn('erased_by', text, (c) => c.notNull())
    .addColumn('report', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('feed_tombstones')
    .addColumn('collection', text, (c) => c.notNull())
    .addColumn('doc_id', text, (c) => c.notNull())
    .addColumn('document', text, (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_tombstones_pk', ['collection', 'doc_id'])
    .execute();
  await db.schema
    .createIndex('conversations_closed_at')
    .on('conversations')
    .columns(['closed_at', 'id'])
    .where(sql.ref('state'), '=', sql.lit('closed'))
    .execute();
  await db.schema
    .createIndex('uploads_created_at')
    .on('uploads')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('uploads_conversation')
    .on('uploads')
    .column('conversation_id')
    .execute();
}

async function createAccessLog(db: Kysely<unknown>): Promise<void> {
  const text = textType(db);
  const postgres = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('access_log')
    .addColumn('id', postgres ? 'bigint' : 'integer', (c) =>
      postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('agent_id', text)
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('entity_type', text, (c) => c.notNull())
    .addColumn('entity_id', text)
    .addColumn('contact_id', text)
    .addColumn('conversation_id', text)
    .addColumn('outcome', text, (c) => c.notNull())
    .addColumn('reason', text)
    .addColumn('ip', text)
    .execute();
  // The viewer reads newest first by id; each filter narrows by its column first.
  for (const column of ['at', 'agent_id', 'contact_id', 'conversation_id'] as const) {
    await db.schema
      .createIndex(`access_log_${column}`)
      .on('access_log')
      .columns([column, 'id'])
      .execute();
  }
}
