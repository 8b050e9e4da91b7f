import { sql, type Kysely } from 'kysely';
import { textType } from '../dialect';

/*
 * The channel address (wa_id, web chat visitor id) each conversation was opened on. Delivery
 * and the visitor's access follow the conversation's own address, so a later change of the
 * contact's addresses never re-routes a conversation to someone else (issue 10). Existing
 * conversations take their contact's current address on their channel; a WhatsApp
 * conversation an agent started by phone, with no address yet, keeps null and is delivered to
 * the contact's phone as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('address', textType(db)).execute();
  await sql`
    update conversations set address = (
      select a.address from contact_addresses a
      where a.contact_id = conversations.contact_id and a.channel_id = conversations.channel_id
    )
  `.execute(db);
  await db.schema
    .createIndex('conversations_channel_address')
    .on('conversations')
    .columns(['channel_id', 'address'])
    .execute();
}
