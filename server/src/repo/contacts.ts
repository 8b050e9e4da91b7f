import { z } from 'zod';
import { ChannelAddress, type Contact } from '@atendo/shared/schemas/contact';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { fromJson } from '../db/json';

const Emails = z.array(z.string());
const CustomFields = z.record(z.string(), z.string());

/** Loads contacts with their phones and channel addresses, in the order of `ids`. */
export async function loadContacts(db: Kysely<DB>, ids: readonly string[]): Promise<Contact[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('contacts').selectAll().where('id', 'in', ids).execute();
  const phones = await db
    .selectFrom('contact_phones')
    .select(['contact_id', 'phone'])
    .where('contact_id', 'in', ids)
    .orderBy('position')
    .execute();
  const addresses = await db
    .selectFrom('contact_addresses')
    .select(['contact_id', 'channel_id', 'address'])
    .where('contact_id', 'in', ids)
    .orderBy('position')
    .execute();
  const byId = new Map(
    rows.map((row): [string, Contact] => [
      row.id,
      {
        id: row.id,
        name: row.name,
        phones: phones.filter((p) => p.contact_id === row.id).map((p) => p.phone),
        emails: fromJson(Emails, row.emails),
        addresses: addresses
          .filter((a) => a.contact_id === row.id)
          .map((a) => ChannelAddress.parse({ channelId: a.channel_id, address: a.address })),
        customFields: fromJson(CustomFields, row.custom_fields),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        version: row.version,
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function loadContact(db: Kysely<DB>, id: string): Promise<Contact | null> {
  const [contact] = await loadContacts(db, [id]);
  return contact ?? null;
}
