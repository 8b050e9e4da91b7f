import { AtendoError } from '@atendo/shared/errors';
import { ensure } from '@atendo/shared/rules/decision';
import {
  canErase,
  confirmsErasure,
  erasedContact,
  erasedConversation,
} from '@atendo/shared/rules/erasure';
import type { Contact } from '@atendo/shared/schemas/contact';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { ErasureReport } from '@atendo/shared/schemas/privacy';
import { conversationAudience } from '@atendo/shared/sync/audience';
import { revokeContactVisitorSessions } from '../channels/webchat/visitor-sessions';
import { fromJson } from '../db/json';
import { recordChanges, type ChangeInput } from '../feed/change-feed';
import { hydrateConversations } from '../repo/conversations';
import { inTransaction, type Tx } from '../services/deps';
import { requireContact } from '../services/lookup';
import { insertAccessRecords } from './access-log';
import { accessRecord, type Reader } from './audited';
import {
  chunks,
  deleteConversationUploads,
  deleteMessages,
  removalFor,
  removeFiles,
} from './purge';
import { purgeWriteAheadLog, secureDeleteOff, secureDeleteOn } from './secure-delete';

export type EraseInput = { contactId: string; confirmName: string; force: boolean };

/**
 * Erases a contact (see shared/src/rules/erasure.ts for what stays): one transaction removes
 * the personal data from every table, deletes the files, records the removals in the change
 * feed (so every agent's local store drops the contact, its conversations and messages) and
 * writes who erased whom to the access log. Erasing an erased contact again answers the first
 * erasure's report, so a retry after a lost answer is harmless.
 */
export async function eraseContact(reader: Reader, input: EraseInput): Promise<ErasureReport> {
  const { deps, agent } = reader;
  const now = deps.clock.now();
  const report = await inTransaction(deps, async (trx) => {
    const earlier = await earlierErasure(trx, input.contactId);
    if (earlier !== null) return earlier;
    const contact = await requireContact(trx, input.contactId);
    if (!confirmsErasure(input.confirmName, contact.name)) {
      throw new AtendoError('invalid-input', "type the contact's name to confirm", {
        field: 'confirmName',
      });
    }
    const conversations = await contactConversations(trx, contact.id);
    const open = conversations.filter((c) => c.state !== 'closed').length;
    ensure(canErase({ openConversations: open, force: input.force }));
    await secureDeleteOn(trx);
    const result = await eraseRows(trx, contact, conversations, now);
    const erased: ErasureReport = {
      contactId: contact.id,
      erasedAt: now,
      closedNow: open,
      ...result.counts,
    };
    await trx
      .insertInto('contact_erasures')
      .values({
        contact_id: contact.id,
        erased_at: now,
        erased_by: agent.id,
        report: JSON.stringify(erased),
      })
      .execute();
    const target = {
      action: 'privacy.erase' as const,
      entityType: 'contact' as const,
      entityId: contact.id,
      contactId: contact.id,
    };
    await insertAccessRecords(trx, [accessRecord(reader, target, { refused: null })]);
    await recordChanges(trx, result.changes);
    await removeFiles(deps.dataDir, result.files);
    await secureDeleteOff(trx);
    return erased;
  });
  await purgeWriteAheadLog(deps.db).catch((error: unknown) => {
    deps.logger.warn({ err: error }, 'erasure: the WAL checkpoint did not complete');
  });
  return report;
}

async function earlierErasure(trx: Tx, contactId: string): Promise<ErasureReport | null> {
  const row = await trx
    .selectFrom('contact_erasures')
    .select('report')
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  return row ? fromJson(ErasureReport, row.report) : null;
}

export async function contactConversations(trx: Tx, contactId: string): Promise<Conversation[]> {
  const rows = await trx
    .selectFrom('conversations')
    .selectAll()
    .where('contact_id', '=', contactId)
    .orderBy('created_at')
    .execute();
  return hydrateConversations(trx, rows);
}

type ErasedRows = {
  changes: ChangeInput[];
  files: string[];
  counts: Pick<ErasureReport, 'conversations' | 'messages' | 'files'>;
};

async function eraseRows(
  trx: Tx,
  contact: Contact,
  conversations: readonly Conversation[],
  now: number,
): Promise<ErasedRows> {
  const ids = conversations.map((c) => c.id);
  const messageChanges = await deleteMessages(trx, conversations, now);
  const files = await deleteConversationUploads(trx, ids);
  const changes: ChangeInput[] = [];
  for (const before of conversations) {
    await anonymiseConversation(trx, erasedConversation(before, now));
    changes.push(removalFor('conversation', before.id, conversationAudience(before), now));
  }
  for (const part of chunks(ids)) {
    await trx
      .updateTable('csat_answers')
      .set({ comment: null })
      .where('conversation_id', 'in', part)
      .execute();
  }
  await anonymiseContact(trx, erasedContact(contact, now));
  changes.push(removalFor('contact', contact.id, ['all'], now), ...messageChanges);
  return {
    changes,
    files,
    counts: {
      conversations: conversations.length,
      messages: messageChanges.length,
      files: files.length,
    },
  };
}

async function anonymiseConversation(trx: Tx, after: Conversation): Promise<void> {
  await trx
    .updateTable('conversations')
    .set({
      state: after.state,
      closed_at: after.closedAt,
      last_message_preview: null,
      // The channel address (a phone number, a visitor id) identifies the person too.
      address: null,
      csat_deadline: null,
      bot_deadline: null,
      updated_at: after.updatedAt,
    })
    .where('id', '=', after.id)
    .execute();
}

async function anonymiseContact(trx: Tx, after: Contact): Promise<void> {
  await trx
    .updateTable('contacts')
    .set({
      name: after.name,
      emails: JSON.stringify(after.emails),
      custom_fields: JSON.stringify(after.customFields),
      updated_at: after.updatedAt,
      version: after.version,
      client_id: null,
    })
    .where('id', '=', after.id)
    .execute();
  await trx.deleteFrom('contact_phones').where('contact_id', '=', after.id).execute();
  // Web chat visitors' sessions hold the form's name and e-mail; their tokens stop working.
  await revokeContactVisitorSessions(trx, after.id);
  await trx.deleteFrom('contact_addresses').where('contact_id', '=', after.id).execute();
}
