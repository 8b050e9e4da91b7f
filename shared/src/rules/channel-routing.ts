import type { BotMenu } from '../schemas/channel';
import { allow, deny, type Decision } from './decision';

/** What the routing check needs to know of each team. */
export type RoutingTeam = { id: string; archived: boolean; memberCount: number };

/**
 * Whether a channel may send its conversations where its settings say: the default team must
 * exist, be live and have members to serve it; every bot option must name a live team, and no
 * two options may share a key. The denial names the field to fix.
 */
export function checkChannelRouting(input: {
  defaultTeamId: string;
  botMenu: BotMenu | null;
  teams: readonly RoutingTeam[];
}): Decision<'not-found' | 'team-archived' | 'team-has-no-members' | 'invalid-input'> {
  const byId = new Map(input.teams.map((t) => [t.id, t]));
  const team = byId.get(input.defaultTeamId);
  const field = 'defaultTeamId';
  if (team === undefined)
    return deny('not-found', { entity: 'team', id: input.defaultTeamId, field });
  if (team.archived) return deny('team-archived', { teamId: team.id, field });
  if (team.memberCount === 0) return deny('team-has-no-members', { teamId: team.id, field });
  const options = input.botMenu?.options ?? [];
  const keys = new Set<string>();
  for (const [index, option] of options.entries()) {
    const at = `botMenu.options.${String(index)}`;
    const target = byId.get(option.teamId);
    if (target === undefined) {
      return deny('not-found', { entity: 'team', id: option.teamId, field: `${at}.teamId` });
    }
    if (target.archived) return deny('team-archived', { teamId: target.id, field: `${at}.teamId` });
    if (keys.has(option.key))
      return deny('invalid-input', { field: `${at}.key`, reason: 'duplicate' });
    keys.add(option.key);
  }
  return allow();
}
