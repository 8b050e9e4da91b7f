import { sql } from 'kysely';
import { z } from 'zod';
import { AtendoError } from '@atendo/shared/errors';
import { ensure } from '@atendo/shared/rules/decision';
import { storableField, storableLine } from '@atendo/shared/rules/storable-text';
import {
  addedPhones,
  canCreateWithAddresses,
  canEditAddresses,
} from '@atendo/shared/rules/contact-addresses';
import { normalisePhone } from '@atendo/shared/phone';
import { ChannelAddress, type Contact } from '@atendo/shared/schemas/contact';
import type { Agent } from '@atendo/shared/schemas/agent';
import { loadContacts } from '../repo/contacts';
import { hydrateConversations } from '../repo/conversations';
import { systemMessage, writeConversation } from './conversation-writer';
import { inTransaction, type Deps, type Tx } from './deps';
import { writeContact } from './contact-writer';
import { requireContact } from './lookup';

/** What an agent types in "add contact" / "edit contact"; phones are normalised here. */
export const ContactInput = z.object({
  // Stored as storable text (rules/storable-text): no NUL, controls or bidi overrides.
  name: z.string().max(1000).transform(storableLine).pipe(z.string().min(1).max(200)),
  phones: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
  emails: z.array(z.email().max(254)).max(10).default([]),
  /**
   * Only the channel proves an address (rules/contact-addresses): on create it must be empty,
   * on an edit the contact's own, unchanged; left out means unchanged.
   */
  addresses: z.array(ChannelAddress).max(20).optional(),
  customFields: z
    .record(z.string().min(1).max(60), z.string().max(1000))
    .default({})
    .transform((fields) =>
      Object.fromEntries(
        Object.entries(fields).flatMap(([key, value]) => {
          const name = storableLine(key);
          return name === '' ? [] : [[name, storableField(value)]];
        }),
      ),
    ),
});
export type ContactInput = z.infer<typeof ContactInput>;

function normalisePhones(phones: readonly string[]): string[] {
  return phones.map((input, index) => {
    const decision = normalisePhone(input);
    if (!decision.ok) {
      throw new AtendoError('invalid-input', 'not a valid phone number', {
        field: `phones.${index}`,
        input,
      });
    }
    return decision.e164;
  });
}

/**
 * Adds a contact. The same clientId again (a retry after a lost response) returns the contact
 * the first request stored instead of a second one.
 */
export async function createContact(
  deps: Deps,
  actor: Agent,
  input: ContactInput,
  clientId: string | null = null,
): Promise<Contact> {
  const now = deps.clock.now();
  const phones = normalisePhones(input.phones);
  const proven = canCreateWithAddresses(actor, input.addresses);
  return inTransaction(deps, async (trx) => {
    const earlier = clientId === null ? null : await contactByClientId(trx, clientId);
    if (earlier) return earlier;
    ensure(proven);
    const id = deps.newId();
    await ensurePhonesFree(trx, id, addedPhones([], phones));
    const contact: Contact = {
      id,
      ...input,
      addresses: input.addresses ?? [],
      phones,
      createdAt: now,
      updatedAt: now,
      version: 0,
    };
    await writeContact(trx, null, contact, clientId);
    return contact;
  });
}

/**
 * Edits a contact based on the version the agent saw; if someone saved in between, the edit is
 * refused with the current version so the UI can reload and re-apply. The agent's own edit
 * retried (same clientId, and nothing saved since) returns the contact as that edit left it.
 */
export async function updateContact(
  deps: Deps,
  actor: Agent,
  input: { id: string; version: number; fields: ContactInput; clientId?: string | undefined },
): Promise<Contact> {
  const now = deps.clock.now();
  const phones = normalisePhones(input.fields.phones);
  return inTransaction(deps, async (trx) => {
    const before = await requireContact(trx, input.id);
    if (before.version !== input.version) {
      const retried =
        input.clientId !== undefined &&
        before.version === input.version + 1 &&
        (await lastClientId(trx, before.id)) === input.clientId;
      if (retried) return before;
      throw new AtendoError('conflict', 'the contact changed since it was loaded', {
        currentVersion: before.version,
      });
    }
    ensure(canEditAddresses(before.addresses, input.fields.addresses));
    await ensurePhonesFree(trx, before.id, addedPhones(before.phones, phones));
    const after: Contact = {
      ...before,
      ...input.fields,
      addresses: before.addresses,
      phones,
      updatedAt: now,
      version: before.version + 1,
    };
    await writeContact(trx, before, after, input.clientId ?? null);
    await noteEditInOpenConversations(trx, deps, actor, after.id, now);
    return after;
  });
}

/**
 * A phone an agent adds must not belong to another contact, as a phone or as a WhatsApp
 * address: it would open a second identity for the same person and, on WhatsApp, send this
 * contact's conversations to someone else's number. The refusal names the other contact (every
 * agent may read contacts) and nothing of its conversations.
 */
async function ensurePhonesFree(
  trx: Tx,
  contactId: string,
  added: readonly { phone: string; index: number }[],
): Promise<void> {
  for (const { phone, index } of added) {
    const holder = await trx
      .selectFrom('contact_phones')
      .select('contact_id')
      .where('phone', '=', phone)
      .where('contact_id', '<>', contactId)
      .union((eb) =>
        eb
          .selectFrom('contact_addresses')
          .innerJoin('channels', 'channels.id', 'contact_addresses.channel_id')
          .select('contact_addresses.contact_id')
          .where('channels.kind', '=', 'whatsapp')
          .where('contact_addresses.address', '=', phone.replace(/^\+/, ''))
          .where('contact_addresses.contact_id', '<>', contactId),
      )
      .executeTakeFirst();
    if (!holder) continue;
    const other = await requireContact(trx, holder.contact_id);
    throw new AtendoError('phone-taken', 'the phone belongs to another contact', {
      field: `phones.${index}`,
      phone,
      contactId: other.id,
      contactName: other.name,
    });
  }
}

async function contactByClientId(trx: Tx, clientId: string): Promise<Contact | null> {
  const row = await trx
    .selectFrom('contacts')
    .select('id')
    .where('client_id', '=', clientId)
    // Only a contact nobody has written since: later writes replace the column.
    .where('version', '=', 0)
    .executeTakeFirst();
  return row ? requireContact(trx, row.id) : null;
}

async function lastClientId(trx: Tx, contactId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('contacts')
    .select('client_id')
    .where('id', '=', contactId)
    .executeTakeFirst();
  return row?.client_id ?? null;
}

// The timelines of the contact's live conversations record who changed the contact, and when.
async function noteEditInOpenConversations(
  trx: Tx,
  deps: Deps,
  actor: Agent,
  contactId: string,
  now: number,
): Promise<void> {
  const rows = await trx
    .selectFrom('conversations')
    .selectAll()
    .where('contact_id', '=', contactId)
    .where('state', '<>', sql.lit('closed'))
    .execute();
  for (const before of await hydrateConversations(trx, rows)) {
    const event = { type: 'contact-edited' as const, byAgentId: actor.id };
    const note = systemMessage(deps.newId(), before.id, event, now, actor.id);
    await writeConversation(trx, {
      before,
      after: { ...before, updatedAt: now },
      messages: [note],
    });
  }
}

export const getContact = (deps: Deps, id: string): Promise<Contact> => requireContact(deps.db, id);

/**
 * Finds contacts by name, e-mail or phone digits ("98765" matches +5511987650001).
 */
export async function searchContacts(
  deps: Deps,
  input: { query: string; limit: number },
): Promise<Contact[]> {
  const text = input.query.trim();
  // Wildcards typed by the agent are dropped rather than escaped: ESCAPE syntax differs by database.
  const like = `%${text.replace(/[\\%_]/g, '')}%`;
  const digits = text.replace(/\D/g, '');
  const rows = await deps.db
    .selectFrom('contacts')
    .select('id')
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['name']), 'like', like.toLowerCase()),
        eb(eb.fn('lower', ['emails']), 'like', like.toLowerCase()),
        ...(digits.length >= 3
          ? [
              eb(
                'id',
                'in',
                eb
                  .selectFrom('contact_phones')
                  .select('contact_id')
                  .where('phone', 'like', `%${digits}%`),
              ),
            ]
          : []),
      ]),
    )
    .orderBy('name')
    .limit(input.limit)
    .execute();
  return loadContacts(
    deps.db,
    rows.map((r) => r.id),
  );
}
