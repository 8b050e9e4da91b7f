import { sql, type Kysely } from 'kysely';
import { textType } from '../dialect';

/*
 * The clientId of the request that last wrote each contact, so a create or an edit retried
 * after its response was lost (a crash, a dropped connection) returns what the first attempt
 * stored instead of a second contact or a conflict with the agent's own edit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('contacts').addColumn('client_id', textType(db)).execute();
  await db.schema
    .createIndex('contacts_client_id')
    .on('contacts')
    .column('client_id')
    .where(sql.ref('client_id'), 'is not', null)
    .execute();
}
