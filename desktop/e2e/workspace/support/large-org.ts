import { z } from 'zod';
import type { Database } from '../../../../server/src/db/database';
import { writeLargeOrg } from '../../../../server/src/sync/test-large-org';

const LargeOrgRequest = z.object({
  oldConversations: z.number().int().min(1).max(100_000),
  contacts: z.number().int().min(1).max(500_000),
});

/** The old contact the spec looks for: not in any agent's working set, with old history. */
export const OLD_CONTACT = { index: 1500, name: 'Zuleica Antiga', phone: '+5511955501500' };

/**
 * Years of Vendas history (closed long ago, served by Diego), a contact base far larger than
 * anyone's work, and a small working set for Diego, written in one transaction; one old
 * contact gets a name and a WhatsApp number so the spec can find it and write to it.
 */
export async function seedLargeOrganisation(db: Database, body: unknown) {
  const request = LargeOrgRequest.parse(body);
  const now = Date.now();
  await writeLargeOrg(
    db,
    {
      ...request,
      openConversations: 10,
      recentConversations: 10,
      messagesEach: 10,
      teamId: 'team-vendas',
      openOwnerId: 'agent-diego',
      servedBy: 'agent-diego',
    },
    now,
  );
  const id = `org-contact-${String(OLD_CONTACT.index)}`;
  await db.updateTable('contacts').set({ name: OLD_CONTACT.name }).where('id', '=', id).execute();
  await db
    .insertInto('contact_phones')
    .values({ contact_id: id, phone: OLD_CONTACT.phone, position: 0 })
    .execute();
  await db
    .insertInto('contact_addresses')
    .values({
      contact_id: id,
      channel_id: 'channel-whatsapp',
      address: OLD_CONTACT.phone.slice(1),
      position: 0,
    })
    .execute();
  return { oldConversation: `old-conv-${String(OLD_CONTACT.index)}` };
}
