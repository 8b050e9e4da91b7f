import type { Kysely } from 'kysely';
import type { AdminAgent } from '@atendo/shared/schemas/admin/agents';
import type { AdminTeam } from '@atendo/shared/schemas/admin/teams';
import type { DB } from '../db/schema';
import { agentFromRow, teamFromRow, teamIdsByAgent } from './directory';

/* Reads of agents and teams as the admin console shows them. */

export async function loadAdminAgents(
  db: Kysely<DB>,
  ids?: readonly string[],
): Promise<AdminAgent[]> {
  if (ids?.length === 0) return [];
  let query = db.selectFrom('agents').selectAll().orderBy('name').orderBy('id');
  if (ids !== undefined) query = query.where('id', 'in', ids);
  const rows = await query.execute();
  const teams = await teamIdsByAgent(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    ...agentFromRow(row, teams.get(row.id) ?? []),
    active: row.active !== 0,
    mustChangePassword: row.must_change_password !== 0,
    deactivatedAt: row.deactivated_at,
  }));
}

export async function loadAdminAgent(db: Kysely<DB>, id: string): Promise<AdminAgent | null> {
  const [agent] = await loadAdminAgents(db, [id]);
  return agent ?? null;
}

export async function loadAdminTeams(
  db: Kysely<DB>,
  filter: { ids?: readonly string[]; includeArchived?: boolean } = {},
): Promise<AdminTeam[]> {
  if (filter.ids?.length === 0) return [];
  let query = db.selectFrom('teams').selectAll().orderBy('name').orderBy('id');
  if (filter.ids !== undefined) query = query.where('id', 'in', filter.ids);
  if (filter.includeArchived !== true && filter.ids === undefined) {
    query = query.where('archived_at', 'is', null);
  }
  const rows = await query.execute();
  const members =
    rows.length === 0
      ? []
      : await db
          .selectFrom('agent_teams')
          .select(['agent_id', 'team_id'])
          .where(
            'team_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('agent_id')
          .execute();
  return rows.map((row) => {
    const team = teamFromRow(row);
    return {
      ...team,
      memberIds: members.filter((m) => m.team_id === row.id).map((m) => m.agent_id),
      defaultTemplateIds: team.defaultTemplateIds ?? [],
      archived: row.archived_at !== null,
    };
  });
}

export async function loadAdminTeam(db: Kysely<DB>, id: string): Promise<AdminTeam | null> {
  const [team] = await loadAdminTeams(db, { ids: [id] });
  return team ?? null;
}
