import type { Kysely } from 'kysely';
import { textType } from '../dialect';

/*
 * The answers to the channel's extra pre-chat questions (JSON, key → value), kept with the
 * session like the name and e-mail until the first message creates the contact. Null for
 * sessions opened before the widget asked them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('webchat_sessions').addColumn('fields', textType(db)).execute();
}
