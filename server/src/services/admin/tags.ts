import { AtendoError } from '@atendo/shared/errors';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { AdminTag, TagCreate, TagUpdate } from '@atendo/shared/schemas/admin/catalog';
import { recordChange } from '../../feed/change-feed';
import { teamKeys } from '../../feed/audience-keys';
import type { TagRow } from '../../db/schema';
import { tagFromRow } from '../../repo/catalog';
import { inTransaction, type Deps, type Tx } from '../deps';
import { insertTag } from '../directory-writer';
import { recordAudit } from './audit';
import { notFound, requireUsableTeams } from './guards';

/*
 * Tags are per team and reach the team's agents through the feed (`team:<id>`): a new tag is
 * in their menu at once. An archived tag leaves the agents' stores (its audience is revoked:
 * the replicated Tag has no archived flag, and adding one would change the client's RxDB
 * schema); the row stays, so the admin console, reports and a restore keep its name.
 */

const asAdmin = (row: TagRow): AdminTag => ({ ...tagFromRow(row), active: row.active !== 0 });

export async function listAdminTags(
  deps: Deps,
  filter: { teamId: string | null; includeArchived: boolean },
) {
  let query = deps.db.selectFrom('tags').selectAll().orderBy('name').orderBy('id');
  if (filter.teamId !== null) query = query.where('team_id', '=', filter.teamId);
  if (!filter.includeArchived) query = query.where('active', '=', 1);
  return (await query.execute()).map((row) => asAdmin(row));
}

async function requireTag(trx: Tx, id: string): Promise<AdminTag> {
  const row = await trx.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound('tag', id);
  return asAdmin(row);
}

/** Two live tags of one team never share a name (compared without case). */
async function requireFreeName(trx: Tx, teamId: string, name: string, except: string | null) {
  const rows = await trx
    .selectFrom('tags')
    .select(['id', 'name'])
    .where('team_id', '=', teamId)
    .where('active', '=', 1)
    .execute();
  const taken = rows.some((r) => r.id !== except && r.name.toLowerCase() === name.toLowerCase());
  if (taken)
    throw new AtendoError('already-exists', 'the team has a tag with this name', { field: 'name' });
}

const recordTag = (trx: Tx, tag: AdminTag) =>
  recordChange(trx, {
    collection: 'tag',
    docId: tag.id,
    grants: tag.active ? teamKeys(tag.teamId) : [],
    revokes: tag.active ? [] : teamKeys(tag.teamId),
    at: tag.updatedAt,
  });

export async function createTag(deps: Deps, actor: Agent, input: TagCreate): Promise<AdminTag> {
  const now = deps.clock.now();
  const id = deps.newId();
  return inTransaction(deps, async (trx) => {
    await requireUsableTeams(trx, [input.teamId], 'teamId');
    await requireFreeName(trx, input.teamId, input.name, null);
    await insertTag(trx, { id, ...input, updatedAt: now });
    const after = await requireTag(trx, id);
    await recordAudit(trx, deps, actor, {
      action: 'tag.create',
      entityType: 'tag',
      entityId: id,
      before: null,
      after,
    });
    return after;
  });
}

export async function updateTag(deps: Deps, actor: Agent, input: TagUpdate): Promise<AdminTag> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireTag(trx, input.tagId);
    if (input.name !== undefined) await requireFreeName(trx, before.teamId, input.name, before.id);
    await trx
      .updateTable('tags')
      .set({ name: input.name ?? before.name, color: input.color ?? before.color, updated_at: now })
      .where('id', '=', before.id)
      .execute();
    const after = await requireTag(trx, before.id);
    await recordTag(trx, after);
    await recordAudit(trx, deps, actor, {
      action: 'tag.update',
      entityType: 'tag',
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}

export async function setTagActive(
  deps: Deps,
  actor: Agent,
  tagId: string,
  active: boolean,
): Promise<AdminTag> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireTag(trx, tagId);
    if (before.active === active) return before;
    if (active) await requireFreeName(trx, before.teamId, before.name, before.id);
    await trx
      .updateTable('tags')
      .set({ active: active ? 1 : 0, updated_at: now })
      .where('id', '=', tagId)
      .execute();
    const after = await requireTag(trx, tagId);
    await recordTag(trx, after);
    await recordAudit(trx, deps, actor, {
      action: active ? 'tag.restore' : 'tag.archive',
      entityType: 'tag',
      entityId: tagId,
      before,
      after,
    });
    return after;
  });
}
