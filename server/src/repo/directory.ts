import { z } from 'zod';
import { AgentRole, Permission, Presence, type Agent } from '@atendo/shared/schemas/agent';
import {
  BotMenu,
  ChannelDirection,
  ChannelKind,
  type Channel,
} from '@atendo/shared/schemas/channel';
import type { Team } from '@atendo/shared/schemas/team';
import type { Kysely } from 'kysely';
import type { AgentRow, ChannelRow, DB, TeamRow } from '../db/schema';
import { bool, fromJson, fromJsonOrNull } from '../db/json';
import { runCached } from '../db/query-cache';

/* Reads of agents, teams and channels, mapped to the shared schemas. */

export function agentFromRow(row: AgentRow, teamIds: string[]): Agent {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: AgentRole.parse(row.role),
    teamIds,
    permissions: fromJson(z.array(Permission), row.permissions),
    presence: Presence.parse(row.presence),
    capacity: row.capacity,
    active: bool(row.active),
    updatedAt: row.updated_at,
  };
}

export async function teamIdsByAgent(
  db: Kysely<DB>,
  agentIds: readonly string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(agentIds.map((id) => [id, []]));
  if (agentIds.length === 0) return map;
  const rows = await db
    .selectFrom('agent_teams')
    .select(['agent_id', 'team_id'])
    .where('agent_id', 'in', agentIds)
    .orderBy('team_id')
    .execute();
  for (const row of rows) map.get(row.agent_id)?.push(row.team_id);
  return map;
}

export async function loadAgents(db: Kysely<DB>, ids?: readonly string[]): Promise<Agent[]> {
  let query = db.selectFrom('agents').selectAll().orderBy('name');
  if (ids !== undefined) {
    if (ids.length === 0) return [];
    query = query.where('id', 'in', ids);
  }
  const rows = await query.execute();
  const teams = await teamIdsByAgent(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => agentFromRow(row, teams.get(row.id) ?? []));
}

export async function loadAgent(db: Kysely<DB>, id: string): Promise<Agent | null> {
  const [agent] = await loadAgents(db, [id]);
  return agent ?? null;
}

export const teamFromRow = (row: TeamRow): Team => ({
  id: row.id,
  name: row.name,
  settings: {
    dispositionRequired: bool(row.disposition_required),
    csatEnabled: bool(row.csat_enabled),
    csatTimeoutMs: row.csat_timeout_ms,
  },
  defaultTemplateIds: fromJson(z.array(z.string()), row.default_template_ids),
  archived: row.archived_at !== null,
  updatedAt: row.updated_at,
});

export async function loadTeam(db: Kysely<DB>, id: string): Promise<Team | null> {
  const row = await db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? teamFromRow(row) : null;
}

export const channelFromRow = (row: ChannelRow): Channel => ({
  id: row.id,
  name: row.name,
  kind: ChannelKind.parse(row.kind),
  direction: ChannelDirection.parse(row.direction),
  defaultTeamId: row.default_team_id,
  botMenu: fromJsonOrNull(BotMenu, row.bot_menu),
  externalId: row.external_id,
  archived: row.archived_at !== null,
  updatedAt: row.updated_at,
});

export async function loadChannel(db: Kysely<DB>, id: string): Promise<Channel | null> {
  // Cached (see db/query-cache): every webhook and inbound batch reads its channel.
  const [row] = await runCached(db, 'channel', id, (q, channelId) =>
    q.selectFrom('channels').selectAll().where('id', '=', channelId),
  );
  return row ? channelFromRow(row) : null;
}
