import { AtendoError } from '@atendo/shared/errors';
import type { Agent } from '@atendo/shared/schemas/agent';
import type {
  AdminDisposition,
  DispositionCreate,
  DispositionRemoveResult,
  DispositionUpdate,
} from '@atendo/shared/schemas/admin/catalog';
import { DispositionCreate as DispositionCreateSchema } from '@atendo/shared/schemas/admin/catalog';
import { teamKeys } from '../../feed/audience-keys';
import { recordChange } from '../../feed/change-feed';
import { dispositionFromRow } from '../../repo/catalog';
import { inTransaction, type Deps, type Tx } from '../deps';
import { insertDisposition } from '../directory-writer';
import { recordAudit } from './audit';
import { notFound, requireUsableTeams } from './guards';

/*
 * The tree of closing codes (tabulações) of each team. A node some conversation closed with is
 * never deleted, only archived (`active: false`), so reports keep its name; an unused node an
 * admin removes is deleted for everyone (its row stays, marked, so agents' stores are told).
 */

type Row = Awaited<ReturnType<typeof teamRows>>[number];

const teamRows = (trx: Tx, teamId: string) =>
  trx
    .selectFrom('dispositions')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('deleted_at', 'is', null)
    .execute();

async function usage(trx: Tx, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('conversations')
    .select(['disposition_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('disposition_id', 'in', ids)
    .groupBy('disposition_id')
    .execute();
  return new Map(rows.flatMap((r) => (r.disposition_id === null ? [] : [[r.disposition_id, r.n]])));
}

export async function listAdminDispositions(
  deps: Deps,
  filter: { teamId: string | null; includeArchived: boolean },
): Promise<AdminDisposition[]> {
  let query = deps.db
    .selectFrom('dispositions')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .orderBy('id');
  if (filter.teamId !== null) query = query.where('team_id', '=', filter.teamId);
  if (!filter.includeArchived) query = query.where('active', '=', 1);
  const rows = await query.execute();
  const used = await usage(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ ...dispositionFromRow(row), usedCount: used.get(row.id) ?? 0 }));
}

async function requireDisposition(trx: Tx, id: string): Promise<AdminDisposition> {
  const row = await trx
    .selectFrom('dispositions')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (row === undefined) throw notFound('disposition', id);
  return { ...dispositionFromRow(row), usedCount: (await usage(trx, [id])).get(id) ?? 0 };
}

/** A parent must be a live node of the same team, and not the node itself or below it. */
async function requireParent(
  trx: Tx,
  teamId: string,
  parentId: string | null,
  moving: string | null,
) {
  if (parentId === null) return;
  const rows = await teamRows(trx, teamId);
  const parent = rows.find((r) => r.id === parentId);
  if (parent === undefined) {
    throw new AtendoError('not-found', 'parent not found in this team', {
      entity: 'disposition',
      id: parentId,
      field: 'parentId',
    });
  }
  if (moving !== null && (parentId === moving || descendants(rows, moving).includes(parentId))) {
    throw new AtendoError('invalid-input', 'a node cannot move under itself', {
      field: 'parentId',
    });
  }
}

function descendants(rows: readonly Row[], id: string): string[] {
  const children = rows.filter((r) => r.parent_id === id).map((r) => r.id);
  return children.flatMap((child) => [child, ...descendants(rows, child)]);
}

const recordDisposition = (trx: Tx, id: string, teamId: string, at: number, deleted = false) =>
  recordChange(trx, {
    collection: 'disposition',
    docId: id,
    grants: deleted ? [] : teamKeys(teamId),
    revokes: deleted ? teamKeys(teamId) : [],
    at,
  });

export async function createDisposition(deps: Deps, actor: Agent, raw: DispositionCreate) {
  const input = DispositionCreateSchema.parse(raw);
  const now = deps.clock.now();
  const id = deps.newId();
  return inTransaction(deps, async (trx) => {
    await requireUsableTeams(trx, [input.teamId], 'teamId');
    await requireParent(trx, input.teamId, input.parentId, null);
    await insertDisposition(trx, { id, ...input, active: true, updatedAt: now });
    const after = await requireDisposition(trx, id);
    await recordAudit(trx, deps, actor, {
      action: 'disposition.create',
      entityType: 'disposition',
      entityId: id,
      before: null,
      after,
    });
    return after;
  });
}

export async function updateDisposition(deps: Deps, actor: Agent, input: DispositionUpdate) {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireDisposition(trx, input.dispositionId);
    if (input.parentId !== undefined)
      await requireParent(trx, before.teamId, input.parentId, before.id);
    await trx
      .updateTable('dispositions')
      .set({
        name: input.name ?? before.name,
        parent_id: input.parentId === undefined ? before.parentId : input.parentId,
        updated_at: now,
      })
      .where('id', '=', before.id)
      .execute();
    await recordDisposition(trx, before.id, before.teamId, now);
    const after = await requireDisposition(trx, before.id);
    await recordAudit(trx, deps, actor, {
      action: 'disposition.update',
      entityType: 'disposition',
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}

/**
 * Removes a node with its subtree: a node used by a conversation, or with a used node below it,
 * is archived; every other node is deleted.
 */
export async function removeDisposition(
  deps: Deps,
  actor: Agent,
  id: string,
): Promise<DispositionRemoveResult> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireDisposition(trx, id);
    const rows = await teamRows(trx, before.teamId);
    const subtree = [id, ...descendants(rows, id)];
    const used = await usage(trx, subtree);
    const keeps = (node: string): boolean =>
      (used.get(node) ?? 0) > 0 || descendants(rows, node).some((d) => (used.get(d) ?? 0) > 0);
    const archivedIds = subtree.filter(keeps);
    const deletedIds = subtree.filter((node) => !keeps(node));
    if (archivedIds.length > 0) {
      await trx
        .updateTable('dispositions')
        .set({ active: 0, updated_at: now })
        .where('id', 'in', archivedIds)
        .execute();
    }
    if (deletedIds.length > 0) {
      await trx
        .updateTable('dispositions')
        .set({ active: 0, deleted_at: now, updated_at: now })
        .where('id', 'in', deletedIds)
        .execute();
    }
    for (const node of archivedIds) await recordDisposition(trx, node, before.teamId, now);
    for (const node of deletedIds) await recordDisposition(trx, node, before.teamId, now, true);
    await recordAudit(trx, deps, actor, {
      action: 'disposition.remove',
      entityType: 'disposition',
      entityId: id,
      before,
      after: { archivedIds, deletedIds },
    });
    return { archivedIds, deletedIds };
  });
}

/** Brings an archived node back, with its archived ancestors (a live node under an archived one could not be picked). */
export async function restoreDisposition(
  deps: Deps,
  actor: Agent,
  id: string,
): Promise<AdminDisposition> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireDisposition(trx, id);
    const rows = await teamRows(trx, before.teamId);
    const chain: string[] = [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (let node = byId.get(id); node !== undefined; node = byId.get(node.parent_id ?? '')) {
      if (node.active === 0) chain.push(node.id);
    }
    if (chain.length > 0) {
      await trx
        .updateTable('dispositions')
        .set({ active: 1, updated_at: now })
        .where('id', 'in', chain)
        .execute();
      for (const node of chain) await recordDisposition(trx, node, before.teamId, now);
    }
    const after = await requireDisposition(trx, id);
    await recordAudit(trx, deps, actor, {
      action: 'disposition.restore',
      entityType: 'disposition',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
