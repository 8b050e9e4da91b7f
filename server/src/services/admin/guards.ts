import { AtendoError } from '@atendo/shared/errors';
import type { Tx } from '../deps';

/* Checks shared by the admin services; each names the input field it refuses. */

/** Every team exists and is not archived. */
export async function requireUsableTeams(
  trx: Tx,
  teamIds: readonly string[],
  field: string,
): Promise<void> {
  const unique = [...new Set(teamIds)];
  if (unique.length === 0) return;
  const rows = await trx
    .selectFrom('teams')
    .select(['id', 'archived_at'])
    .where('id', 'in', unique)
    .execute();
  for (const id of unique) {
    const row = rows.find((r) => r.id === id);
    if (row === undefined) {
      throw new AtendoError('not-found', 'team not found', { entity: 'team', id, field });
    }
    if (row.archived_at !== null) {
      throw new AtendoError('team-archived', 'the team is archived', { teamId: id, field });
    }
  }
}

/** Every agent exists. */
export async function requireAgents(
  trx: Tx,
  agentIds: readonly string[],
  field: string,
): Promise<void> {
  const unique = [...new Set(agentIds)];
  if (unique.length === 0) return;
  const rows = await trx.selectFrom('agents').select('id').where('id', 'in', unique).execute();
  const missing = unique.find((id) => !rows.some((r) => r.id === id));
  if (missing !== undefined) {
    throw new AtendoError('not-found', 'agent not found', { entity: 'agent', id: missing, field });
  }
}

/** No other agent has this e-mail (compared in lower case, as sign-in does). */
export async function requireFreeEmail(
  trx: Tx,
  email: string,
  exceptAgentId: string | null,
): Promise<void> {
  let query = trx.selectFrom('agents').select('id').where('email', '=', email.toLowerCase());
  if (exceptAgentId !== null) query = query.where('id', '<>', exceptAgentId);
  if ((await query.executeTakeFirst()) !== undefined) {
    throw new AtendoError('already-exists', 'another agent has this e-mail', { field: 'email' });
  }
}

export const notFound = (entity: string, id: string): AtendoError =>
  new AtendoError('not-found', `${entity} not found`, { entity, id });

/** Replaces an agent's team memberships. */
export async function setAgentTeams(trx: Tx, agentId: string, teamIds: readonly string[]) {
  await trx.deleteFrom('agent_teams').where('agent_id', '=', agentId).execute();
  const unique = [...new Set(teamIds)];
  if (unique.length === 0) return;
  await trx
    .insertInto('agent_teams')
    .values(unique.map((teamId) => ({ agent_id: agentId, team_id: teamId })))
    .execute();
}
