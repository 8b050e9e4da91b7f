import { canEditAddresses } from '@atendo/shared/rules/contact-addresses';
import { ContactFields } from '@atendo/shared/schemas/contact';
import type { AtendoDatabase } from './database';
import { ContactEditPayload, type OutboxPayloadMap } from './local-schemas';
import { RefusalError } from './transport';

type EditPayload = OutboxPayloadMap['contact-edit'];

export const contactQueueKey = (contactId: string): string => `contact:${contactId}`;

async function replicatedFields(db: AtendoDatabase, contactId: string) {
  const contact = await db.contacts.findOne(contactId).exec();
  if (!contact) throw new Error(`Contact ${contactId} is not in the local store.`);
  const { name, phones, emails, addresses, customFields, version } = contact.toMutableJSON();
  return { fields: { name, phones, emails, addresses, customFields }, version };
}

/**
 * The payload of a new edit. The server replaces every field, so the edit sends what was typed
 * over the version it was typed on; a second edit queued behind an unsent one builds on the
 * first (its fields, and the version the first will create). Fields that break the shared
 * schema (a 369-character name, a phone not in E.164) are refused here, before anything is
 * queued, with the field named, as the server would.
 */
export async function newContactEdit(
  db: AtendoDatabase,
  contactId: string,
  typed: Partial<ContactFields>,
): Promise<EditPayload> {
  const current = await replicatedFields(db, contactId);
  // Channel addresses are the channel's to prove, never an agent's to edit: refused here as
  // the server would, before anything is queued.
  const addresses = canEditAddresses(current.fields.addresses, typed.addresses);
  if (!addresses.ok) {
    throw new RefusalError(
      addresses.reason,
      'channel addresses cannot be edited',
      addresses.details,
    );
  }
  const before = await db.outbox
    .findOne({
      selector: { queueKey: contactQueueKey(contactId), state: 'pending' },
      sort: [{ order: 'desc' }],
    })
    .exec();
  const earlier = before ? ContactEditPayload.safeParse(before.payload) : null;
  const seen = earlier?.success ? earlier.data.fields : current.fields;
  const baseVersion = earlier?.success
    ? Math.max(current.version, earlier.data.baseVersion + 1)
    : current.version;
  const fields = ContactFields.safeParse({ ...seen, ...typed });
  if (!fields.success) {
    const issue = fields.error.issues[0];
    throw new RefusalError('invalid-input', issue?.message ?? 'invalid contact', {
      field: issue?.path.join('.') ?? '',
    });
  }
  return { contactId, baseVersion, typed, fields: fields.data };
}

/**
 * After an edit was refused, the pending edits behind it were built on fields and a version
 * that will never exist. Each is rebuilt on the contact as replicated, in order, with what its
 * agent typed, so one refused edit never makes the later ones fail too.
 */
export async function rebaseContactEdits(db: AtendoDatabase, contactId: string): Promise<void> {
  const current = await replicatedFields(db, contactId).catch(() => null);
  if (current === null) return;
  const pending = await db.outbox
    .find({
      selector: { queueKey: contactQueueKey(contactId), state: 'pending' },
      sort: [{ order: 'asc' }],
    })
    .exec();
  let fields = current.fields;
  let baseVersion = current.version;
  for (const doc of pending) {
    const edit = ContactEditPayload.safeParse(doc.payload);
    if (!edit.success) continue;
    const rebuilt = ContactFields.safeParse({ ...fields, ...edit.data.typed });
    if (!rebuilt.success) continue;
    const payload: EditPayload = { ...edit.data, baseVersion, fields: rebuilt.data };
    await doc.incrementalPatch({ payload });
    fields = rebuilt.data;
    baseVersion += 1;
  }
}
