import { normalisePhone } from '@atendo/shared/phone';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { Contact } from '@atendo/shared/schemas/contact';
import { runCached } from '../db/query-cache';
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
  const key = { channelId: channel.id, address: input.address };
  const [known] = await runCached(trx, 'contact-by-address', key, (db, args) =>
    db
      .selectFrom('contact_addresses')
      .select('contact_id')
      .where('channel_id', '=', args.channelId)
      .where('address', '=', args.address),
  );
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
