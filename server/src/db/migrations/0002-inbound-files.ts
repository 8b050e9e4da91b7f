import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

/*
 * Files a contact sends (WhatsApp media downloaded from Meta) are stored like the files agents
 * upload, so agents download both through `GET /api/attachments/:id` with the same read check.
 * Such a file has no agent, so `uploads.agent_id` becomes nullable. PostgreSQL drops the NOT
 * NULL constraint in place; SQLite cannot, so there the table is rebuilt with the same columns
 * and rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await db.schema
      .alterTable('uploads')
      .alterColumn('agent_id', (c) => c.dropNotNull())
      .execute();
    return;
  }
  await db.schema
    .createTable('uploads_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('agent_id', 'text', (c) => c.references('agents.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('animated', 'integer', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into uploads_next select id, conversation_id, agent_id, file_name, mime_type, size, media_type, animated, path, created_at from uploads`.execute(
    db,
  );
  await db.schema.dropTable('uploads').execute();
  await db.schema.alterTable('uploads_next').renameTo('uploads').execute();
}
