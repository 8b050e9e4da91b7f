import { normalisePhone, phoneSpellings } from '@atendo/shared/phone';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { Contact } from '@atendo/shared/schemas/contact';
import { runCached } from '../db/query-cache';
import { loadContact } from '../repo/contacts';
import type { Deps, Tx } from './deps';
import { writeContact } from './contact-writer';

/**
 * The contact behind an address on a channel. On WhatsApp the address is the phone number: an
 * address new to this number belongs to the contact who already has that phone (or that
 * WhatsApp id on another of the organisation's numbers), in either Brazilian spelling, and is
 * added to them. Only a phone nobody has becomes a new contact, named by the profile name,
 * with the number stored as a phone too.
 */
export async function resolveContact(
  trx: Tx,
  deps: Deps,
  channel: Channel,
  input: { address: string; profileName: string | null },
  now: number,
): Promise<string> {
  const key = { channelId: channel.id, address: input.address };
  const [known] = await runCached(trx, 'contact-by-address', key, (db, args) =>
    db
      .selectFrom('contact_addresses')
      .select('contact_id')
      .where('channel_id', '=', args.channelId)
      .where('address', '=', args.address),
  );
  if (known) return known.contact_id;
  if (channel.kind === 'whatsapp') {
    const holder = await contactWithPhone(trx, input.address);
    if (holder !== null) {
      await addAddress(trx, holder, { channelId: channel.id, address: input.address }, now);
      return holder;
    }
  }
  const phone = channel.kind === 'whatsapp' ? normalisePhone(`+${input.address}`) : null;
  const contact: Contact = {
    id: deps.newId(),
    name: (input.profileName ?? '').trim() || input.address,
    phones: phone?.ok ? [phone.e164] : [],
    emails: [],
    addresses: [{ channelId: channel.id, address: input.address }],
    customFields: {},
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  await writeContact(trx, null, contact);
  return contact.id;
}

/** Digits only: Meta's wa_id never has a plus, and nothing else is a phone. */
const WA_ID = /^\d{8,15}$/;

/**
 * The contact who has this WhatsApp id as a phone or as an address on another WhatsApp number.
 * Several (duplicates made before this rule) resolve to the oldest, the one agents know.
 */
async function contactWithPhone(trx: Tx, waId: string): Promise<string | null> {
  if (!WA_ID.test(waId)) return null;
  const spellings = phoneSpellings(`+${waId}`);
  const row = await trx
    .selectFrom('contacts')
    .select('contacts.id')
    .where((eb) =>
      eb.or([
        eb(
          'contacts.id',
          'in',
          eb.selectFrom('contact_phones').select('contact_id').where('phone', 'in', spellings),
        ),
        eb(
          'contacts.id',
          'in',
          eb
            .selectFrom('contact_addresses')
            .innerJoin('channels', 'channels.id', 'contact_addresses.channel_id')
            .select('contact_addresses.contact_id')
            .where('channels.kind', '=', 'whatsapp')
            .where(
              'contact_addresses.address',
              'in',
              spellings.map((s) => s.slice(1)),
            ),
        ),
      ]),
    )
    .orderBy('contacts.created_at')
    .orderBy('contacts.id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/* A new version: an agent's edit based on the contact without it is refused and reloaded,
 * rather than dropping the address it never saw. */
async function addAddress(
  trx: Tx,
  contactId: string,
  address: Contact['addresses'][number],
  now: number,
): Promise<void> {
  const before = await loadContact(trx, contactId);
  if (before === null) return;
  const after: Contact = {
    ...before,
    addresses: [...before.addresses, address],
    updatedAt: now,
    version: before.version + 1,
  };
  await writeContact(trx, before, after);
}
