import { Attachment } from '@atendo/shared/schemas/message';
import type { QuickReply } from '@atendo/shared/schemas/quick-reply';
import type { Kysely } from 'kysely';
import { bool, fromJsonOrNull } from '../db/json';
import type { DB, QuickReplyRow } from '../db/schema';

export const quickReplyFromRow = (row: QuickReplyRow): QuickReply => ({
  id: row.id,
  teamId: row.team_id,
  shortcut: row.shortcut,
  text: row.body,
  attachment: fromJsonOrNull(Attachment, row.attachment),
  active: bool(row.active),
  updatedAt: row.updated_at,
});

export async function loadQuickReplies(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<QuickReply[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('quick_replies').selectAll().where('id', 'in', ids).execute();
  return rows.map(quickReplyFromRow);
}
