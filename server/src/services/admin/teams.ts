import { AtendoError } from '@atendo/shared/errors';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { AdminTeam, TeamCreate, TeamUpdate } from '@atendo/shared/schemas/admin/teams';
import { TeamCreate as TeamCreateSchema } from '@atendo/shared/schemas/admin/teams';
import { BotMenu } from '@atendo/shared/schemas/channel';
import { fromJsonOrNull, int, toJson } from '../../db/json';
import { loadAdminTeam, loadAdminTeams } from '../../repo/admin-directory';
import { inTransaction, type Deps, type Tx } from '../deps';
import { insertTeam } from '../directory-writer';
import { recordAudit } from './audit';
import { recordAgentChange, recordTeamChange } from './directory-changes';
import { notFound, requireAgents } from './guards';

export const listAdminTeams = (deps: Deps, input: { includeArchived: boolean }) =>
  loadAdminTeams(deps.db, input);

async function requireAdminTeam(trx: Tx, id: string): Promise<AdminTeam> {
  const team = await loadAdminTeam(trx, id);
  if (team === null) throw notFound('team', id);
  return team;
}

async function requireTemplates(trx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await trx.selectFrom('templates').select('id').where('id', 'in', ids).execute();
  const missing = ids.find((id) => !rows.some((r) => r.id === id));
  if (missing !== undefined) {
    throw new AtendoError('not-found', 'template not found', {
      entity: 'template',
      id: missing,
      field: 'defaultTemplateIds',
    });
  }
}

/**
 * Makes `memberIds` the team's members. Every agent who joins or leaves gets a new directory
 * record, which moves their live stream to the new scope: the team's queue and history arrive
 * in (or leave) their local store without a reload.
 */
async function setMembers(trx: Tx, teamId: string, memberIds: readonly string[], now: number) {
  await requireAgents(trx, memberIds, 'memberIds');
  const current = await trx
    .selectFrom('agent_teams')
    .select('agent_id')
    .where('team_id', '=', teamId)
    .execute();
  const wanted = new Set(memberIds);
  const had = new Set(current.map((r) => r.agent_id));
  const leaving = [...had].filter((id) => !wanted.has(id));
  const joining = [...wanted].filter((id) => !had.has(id));
  if (leaving.length > 0) {
    await trx
      .deleteFrom('agent_teams')
      .where('team_id', '=', teamId)
      .where('agent_id', 'in', leaving)
      .execute();
  }
  if (joining.length > 0) {
    await trx
      .insertInto('agent_teams')
      .values(joining.map((agentId) => ({ agent_id: agentId, team_id: teamId })))
      .execute();
  }
  for (const agentId of [...leaving, ...joining]) {
    await trx.updateTable('agents').set({ updated_at: now }).where('id', '=', agentId).execute();
    await recordAgentChange(trx, agentId, now);
  }
}

export async function createTeam(deps: Deps, actor: Agent, raw: TeamCreate): Promise<AdminTeam> {
  const input = TeamCreateSchema.parse(raw);
  const now = deps.clock.now();
  const id = deps.newId();
  return inTransaction(deps, async (trx) => {
    await requireTemplates(trx, input.defaultTemplateIds);
    await insertTeam(trx, { id, name: input.name, settings: input.settings, updatedAt: now });
    await trx
      .updateTable('teams')
      .set({ default_template_ids: toJson([...new Set(input.defaultTemplateIds)]) })
      .where('id', '=', id)
      .execute();
    await setMembers(trx, id, input.memberIds, now);
    const after = await requireAdminTeam(trx, id);
    await recordAudit(trx, deps, actor, {
      action: 'team.create',
      entityType: 'team',
      entityId: id,
      before: null,
      after,
    });
    return after;
  });
}

export async function updateTeam(deps: Deps, actor: Agent, input: TeamUpdate): Promise<AdminTeam> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireAdminTeam(trx, input.teamId);
    if (input.defaultTemplateIds !== undefined)
      await requireTemplates(trx, input.defaultTemplateIds);
    if (input.memberIds !== undefined && input.memberIds.length === 0) {
      await refuseIfDefaultOfChannel(trx, before.id);
    }
    const s = input.settings;
    await trx
      .updateTable('teams')
      .set({
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(s === undefined
          ? {}
          : {
              disposition_required: int(s.dispositionRequired),
              csat_enabled: int(s.csatEnabled),
              csat_timeout_ms: s.csatTimeoutMs,
            }),
        ...(input.defaultTemplateIds === undefined
          ? {}
          : { default_template_ids: toJson([...new Set(input.defaultTemplateIds)]) }),
        updated_at: now,
      })
      .where('id', '=', before.id)
      .execute();
    if (input.memberIds !== undefined) await setMembers(trx, before.id, input.memberIds, now);
    await recordTeamChange(trx, before.id, now);
    const after = await requireAdminTeam(trx, before.id);
    await recordAudit(trx, deps, actor, {
      action: 'team.update',
      entityType: 'team',
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}

/** A channel's default team must keep someone to serve it. */
async function refuseIfDefaultOfChannel(trx: Tx, teamId: string): Promise<void> {
  const channel = await trx
    .selectFrom('channels')
    .select('id')
    .where('default_team_id', '=', teamId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (channel !== undefined) {
    throw new AtendoError('team-has-no-members', 'a channel sends its conversations to this team', {
      field: 'memberIds',
      channelId: channel.id,
    });
  }
}

/**
 * Where a live channel still sends conversations to the team: its default team, or an option of
 * its bot menu. Null when nothing does.
 */
export async function teamUse(
  trx: Tx,
  teamId: string,
): Promise<{ channelId: string; field: string } | null> {
  const channels = await trx
    .selectFrom('channels')
    .select(['id', 'default_team_id', 'bot_menu'])
    .where('archived_at', 'is', null)
    .orderBy('id')
    .execute();
  for (const channel of channels) {
    if (channel.default_team_id === teamId)
      return { channelId: channel.id, field: 'defaultTeamId' };
    const menu = fromJsonOrNull(BotMenu, channel.bot_menu);
    const index = menu?.options.findIndex((o) => o.teamId === teamId) ?? -1;
    if (index >= 0)
      return { channelId: channel.id, field: `botMenu.options.${String(index)}.teamId` };
  }
  return null;
}

export async function archiveTeam(deps: Deps, actor: Agent, teamId: string): Promise<AdminTeam> {
  return setArchived(deps, actor, teamId, true);
}

export async function restoreTeam(deps: Deps, actor: Agent, teamId: string): Promise<AdminTeam> {
  return setArchived(deps, actor, teamId, false);
}

async function setArchived(deps: Deps, actor: Agent, teamId: string, archive: boolean) {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireAdminTeam(trx, teamId);
    if (before.archived === archive) return before;
    const use = archive ? await teamUse(trx, teamId) : null;
    if (use !== null) {
      throw new AtendoError('team-in-use', 'a channel still sends conversations to this team', use);
    }
    await trx
      .updateTable('teams')
      .set({ archived_at: archive ? now : null, updated_at: now })
      .where('id', '=', teamId)
      .execute();
    await recordTeamChange(trx, teamId, now);
    const after = await requireAdminTeam(trx, teamId);
    await recordAudit(trx, deps, actor, {
      action: archive ? 'team.archive' : 'team.restore',
      entityType: 'team',
      entityId: teamId,
      before,
      after,
    });
    return after;
  });
}
