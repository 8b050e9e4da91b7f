import type { Agent } from '@atendo/shared/schemas/agent';
import type { Disposition, Tag, Template } from '@atendo/shared/schemas/catalog';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { Team } from '@atendo/shared/schemas/team';
import { supervises } from '@atendo/shared/rules/permissions';
import { dispositionFromRow, tagFromRow, templateFromRow } from '../repo/catalog';
import { channelFromRow, loadAgents, teamFromRow } from '../repo/directory';
import type { Deps } from './deps';

/* Catalogue reads. Agents come without password hashes: `loadAgents` never selects them out. */

export const listTeams = async (deps: Deps): Promise<Team[]> =>
  (await deps.db.selectFrom('teams').selectAll().orderBy('name').execute()).map(teamFromRow);

export const listAgents = (deps: Deps): Promise<Agent[]> => loadAgents(deps.db);

export const listChannels = async (deps: Deps): Promise<Channel[]> =>
  (await deps.db.selectFrom('channels').selectAll().orderBy('name').execute()).map(channelFromRow);

/** Supervisors see every team's catalogue; agents their own teams'. */
const visibleTeams = (actor: Agent): string[] | null => (supervises(actor) ? null : actor.teamIds);

export async function listTemplates(deps: Deps, actor: Agent): Promise<Template[]> {
  const teams = visibleTeams(actor);
  // Agents are offered approved, live templates only (as the sync feed hands them).
  const rows = await deps.db
    .selectFrom('templates')
    .selectAll()
    .where('status', '=', 'approved')
    .where('archived_at', 'is', null)
    .orderBy('name')
    .execute();
  const all = rows.map(templateFromRow);
  return teams === null
    ? all
    : all.filter((t) => t.teamIds.length === 0 || t.teamIds.some((id) => teams.includes(id)));
}

export async function listTags(deps: Deps, actor: Agent): Promise<Tag[]> {
  const teams = visibleTeams(actor);
  if (teams !== null && teams.length === 0) return [];
  let query = deps.db.selectFrom('tags').selectAll().where('active', '=', 1).orderBy('name');
  if (teams !== null) query = query.where('team_id', 'in', teams);
  return (await query.execute()).map(tagFromRow);
}

export async function listDispositions(deps: Deps, actor: Agent): Promise<Disposition[]> {
  const teams = visibleTeams(actor);
  if (teams !== null && teams.length === 0) return [];
  let query = deps.db
    .selectFrom('dispositions')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('name');
  if (teams !== null) query = query.where('team_id', 'in', teams);
  return (await query.execute()).map(dispositionFromRow);
}
