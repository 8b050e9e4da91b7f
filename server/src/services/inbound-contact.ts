import { normalisePhone } from '@atendo/shared/phone';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { Contact } from '@atendo/shared/schemas/contact';
import type { Deps, Tx } from './deps';
import { writeContact } from './contact-writer';

/**
 * The contact behind an address on a channel. Unknown addresses become a new contact named by
 * the profile name; on WhatsApp the address is the phone number, so it is stored as a phone too.
 */
export async function resolveContact(
  trx: Tx,
  deps: Deps,
  channel: Channel,
  input: { address: string; profileName: string | null },
  now: number,
): Promise<string> {
  const known = await trx
    .selectFrom('contact_addresses')
    .select('contact_id')
    .where('channel_id', '=', channel.id)
    .where('address', '=', input.address)
    .executeTakeFirst();
  if (known) return known.contact_id;
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
