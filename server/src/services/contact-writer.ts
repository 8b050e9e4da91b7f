import { AtendoError } from '@atendo/shared/errors';
import type { Contact } from '@atendo/shared/schemas/contact';
import { recordChange } from '../feed/change-feed';
import { EVERYONE } from '../feed/audience-keys';
import { toJson } from '../db/json';
import { runCached } from '../db/query-cache';
import type { Tx } from './deps';

/**
 * Writes a contact with its phones and channel addresses, and records the change. `clientId`
 * names the agent's request, so its retry is recognised (services/contacts.ts).
 */
export async function writeContact(
  trx: Tx,
  before: Contact | null,
  after: Contact,
  clientId: string | null = null,
): Promise<void> {
  await ensureAddressesFree(trx, after);
  const row = {
    id: after.id,
    name: after.name,
    emails: toJson(after.emails),
    custom_fields: toJson(after.customFields),
    created_at: after.createdAt,
    updated_at: after.updatedAt,
    version: after.version,
    client_id: clientId,
  };
  if (before === null) {
    // Cached (see db/query-cache), as the inserts below: each new WhatsApp number runs them.
    await runCached(trx, 'insert-contact', row, (db, values) =>
      db.insertInto('contacts').values(values),
    );
  } else {
    await trx.updateTable('contacts').set(row).where('id', '=', after.id).execute();
    await trx.deleteFrom('contact_phones').where('contact_id', '=', after.id).execute();
    await trx.deleteFrom('contact_addresses').where('contact_id', '=', after.id).execute();
  }
  const phones = [...new Set(after.phones)].map((phone, position) => ({
    contact_id: after.id,
    phone,
    position,
  }));
  if (phones.length > 0) {
    await runCached(trx, 'insert-contact-phones', phones, (db, values) =>
      db.insertInto('contact_phones').values(values),
    );
  }
  const addresses = after.addresses.map((a, position) => ({
    contact_id: after.id,
    channel_id: a.channelId,
    address: a.address,
    position,
  }));
  if (addresses.length > 0) {
    await runCached(trx, 'insert-contact-addresses', addresses, (db, values) =>
      db.insertInto('contact_addresses').values(values),
    );
  }
  await recordChange(trx, {
    collection: 'contact',
    docId: after.id,
    grants: EVERYONE,
    revokes: [],
    at: after.updatedAt,
  });
}

// An address identifies one contact on its channel; taking another contact's is a conflict
// the agent must resolve (merge), not something to overwrite silently.
async function ensureAddressesFree(trx: Tx, contact: Contact): Promise<void> {
  for (const { channelId, address } of contact.addresses) {
    const key = { channelId, address, contactId: contact.id };
    const [holder] = await runCached(trx, 'address-holder', key, (db, args) =>
      db
        .selectFrom('contact_addresses')
        .select('contact_id')
        .where('channel_id', '=', args.channelId)
        .where('address', '=', args.address)
        .where('contact_id', '<>', args.contactId),
    );
    if (holder) {
      throw new AtendoError('conflict', 'address belongs to another contact', {
        channelId,
        address,
        contactId: holder.contact_id,
      });
    }
  }
}
