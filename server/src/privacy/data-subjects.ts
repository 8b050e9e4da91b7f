import { sql } from 'kysely';
import type { Contact } from '@atendo/shared/schemas/contact';
import type { DataSubjectSummary } from '@atendo/shared/schemas/privacy';
import type { Database } from '../db/database';
import { searchContacts } from '../services/contacts';
import type { Deps } from '../services/deps';
import { requireContact } from '../services/lookup';

/* What the privacy screen shows about a contact before an export or an erasure. */

async function countsOf(db: Database, contactId: string) {
  const conversations = await db
    .selectFrom('conversations')
    .select([
      (eb) => eb.fn.countAll<number>().as('all'),
      (eb) =>
        eb.fn
          .count<number>(eb.case().when('state', '<>', sql.lit('closed')).then(1).end())
          .as('open'),
    ])
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  const ofContact = db.selectFrom('conversations').select('id').where('contact_id', '=', contactId);
  const messages = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('conversation_id', 'in', ofContact)
    .executeTakeFirst();
  const files = await db
    .selectFrom('uploads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('conversation_id', 'in', ofContact)
    .executeTakeFirst();
  return {
    conversations: conversations?.all ?? 0,
    openConversations: conversations?.open ?? 0,
    messages: messages?.n ?? 0,
    files: files?.n ?? 0,
  };
}

const summaryOf = async (db: Database, contact: Contact): Promise<DataSubjectSummary> => ({
  contactId: contact.id,
  name: contact.name,
  phones: contact.phones,
  emails: contact.emails,
  ...(await countsOf(db, contact.id)),
});

export async function dataSubjectSummary(
  db: Database,
  contactId: string,
): Promise<DataSubjectSummary> {
  return summaryOf(db, await requireContact(db, contactId));
}

/** Contacts matching the search (name, e-mail, phone digits), erased ones left out. */
export async function findDataSubjects(
  deps: Deps,
  query: string,
  limit: number,
): Promise<DataSubjectSummary[]> {
  const contacts = await searchContacts(deps, { query, limit });
  const erased = new Set(
    contacts.length === 0
      ? []
      : (
          await deps.db
            .selectFrom('contact_erasures')
            .select('contact_id')
            .where(
              'contact_id',
              'in',
              contacts.map((c) => c.id),
            )
            .execute()
        ).map((row) => row.contact_id),
  );
  const summaries: DataSubjectSummary[] = [];
  for (const contact of contacts.filter((c) => !erased.has(c.id))) {
    summaries.push(await summaryOf(deps.db, contact));
  }
  return summaries;
}
