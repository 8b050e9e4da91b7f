import { AtendoError } from '@atendo/shared/errors';
import { ensure } from '@atendo/shared/rules/decision';
import { checkQuickReplyText } from '@atendo/shared/rules/quick-reply';
import type { Agent } from '@atendo/shared/schemas/agent';
import {
  QuickReplyCreate as QuickReplyCreateSchema,
  type QuickReplyCreate,
  type QuickReplyUpdate,
} from '@atendo/shared/schemas/admin/catalog';
import type { QuickReply } from '@atendo/shared/schemas/quick-reply';
import { teamKeys } from '../../feed/audience-keys';
import { recordChange } from '../../feed/change-feed';
import { toJsonOrNull } from '../../db/json';
import { quickReplyFromRow } from '../../repo/quick-replies';
import { insertQuickReply } from '../directory-writer';
import { inTransaction, type Deps, type Tx } from '../deps';
import { recordAudit } from './audit';
import { notFound, requireUsableTeams } from './guards';

/*
 * A team's quick replies reach its agents in the `directory` collection (type `quickReply`,
 * audience `team:<id>`). Removing one keeps the row and revokes the audience, so every agent's
 * store drops it; restoring grants it again.
 */

export async function listQuickReplies(
  deps: Deps,
  filter: { teamId: string | null; includeArchived: boolean },
) {
  let query = deps.db.selectFrom('quick_replies').selectAll().orderBy('shortcut').orderBy('id');
  if (filter.teamId !== null) query = query.where('team_id', '=', filter.teamId);
  if (!filter.includeArchived) query = query.where('active', '=', 1);
  return (await query.execute()).map(quickReplyFromRow);
}

async function requireQuickReply(trx: Tx, id: string): Promise<QuickReply> {
  const row = await trx
    .selectFrom('quick_replies')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw notFound('quick-reply', id);
  return quickReplyFromRow(row);
}

async function requireFreeShortcut(
  trx: Tx,
  teamId: string,
  shortcut: string,
  except: string | null,
) {
  let query = trx
    .selectFrom('quick_replies')
    .select('id')
    .where('team_id', '=', teamId)
    .where('shortcut', '=', shortcut)
    .where('active', '=', 1);
  if (except !== null) query = query.where('id', '<>', except);
  if ((await query.executeTakeFirst()) !== undefined) {
    throw new AtendoError('already-exists', 'the team has a quick reply with this shortcut', {
      field: 'shortcut',
    });
  }
}

const recordQuickReply = (trx: Tx, reply: QuickReply) => {
  const keys = teamKeys(reply.teamId);
  return recordChange(trx, {
    collection: 'quick_reply',
    docId: reply.id,
    grants: reply.active ? keys : [],
    revokes: reply.active ? [] : keys,
    at: reply.updatedAt,
  });
};

export async function createQuickReply(
  deps: Deps,
  actor: Agent,
  raw: QuickReplyCreate,
): Promise<QuickReply> {
  const input = QuickReplyCreateSchema.parse(raw);
  ensure(checkQuickReplyText(input.text));
  const now = deps.clock.now();
  const id = deps.newId();
  return inTransaction(deps, async (trx) => {
    await requireUsableTeams(trx, [input.teamId], 'teamId');
    await requireFreeShortcut(trx, input.teamId, input.shortcut, null);
    await insertQuickReply(trx, {
      id,
      teamId: input.teamId,
      shortcut: input.shortcut,
      text: input.text,
      attachment: input.attachment,
      active: true,
      updatedAt: now,
    });
    const after = await requireQuickReply(trx, id);
    await recordAudit(trx, deps, actor, {
      action: 'quick-reply.create',
      entityType: 'quick-reply',
      entityId: id,
      before: null,
      after,
    });
    return after;
  });
}

export async function updateQuickReply(
  deps: Deps,
  actor: Agent,
  input: QuickReplyUpdate,
): Promise<QuickReply> {
  if (input.text !== undefined) ensure(checkQuickReplyText(input.text));
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireQuickReply(trx, input.quickReplyId);
    if (input.shortcut !== undefined && before.active) {
      await requireFreeShortcut(trx, before.teamId, input.shortcut, before.id);
    }
    await trx
      .updateTable('quick_replies')
      .set({
        shortcut: input.shortcut ?? before.shortcut,
        body: input.text ?? before.text,
        attachment: toJsonOrNull(
          input.attachment === undefined ? before.attachment : input.attachment,
        ),
        updated_at: now,
      })
      .where('id', '=', before.id)
      .execute();
    const after = await requireQuickReply(trx, before.id);
    await recordQuickReply(trx, after);
    await recordAudit(trx, deps, actor, {
      action: 'quick-reply.update',
      entityType: 'quick-reply',
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}

export async function setQuickReplyActive(
  deps: Deps,
  actor: Agent,
  id: string,
  active: boolean,
): Promise<QuickReply> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireQuickReply(trx, id);
    if (before.active === active) return before;
    if (active) await requireFreeShortcut(trx, before.teamId, before.shortcut, before.id);
    await trx
      .updateTable('quick_replies')
      .set({ active: active ? 1 : 0, updated_at: now })
      .where('id', '=', id)
      .execute();
    const after = await requireQuickReply(trx, id);
    await recordQuickReply(trx, after);
    await recordAudit(trx, deps, actor, {
      action: active ? 'quick-reply.restore' : 'quick-reply.remove',
      entityType: 'quick-reply',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
