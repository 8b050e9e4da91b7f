import { AtendoError } from '@atendo/shared/errors';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { Contact } from '@atendo/shared/schemas/contact';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Team } from '@atendo/shared/schemas/team';
import { loadContact } from '../repo/contacts';
import { loadConversation } from '../repo/conversations';
import { loadAgent, loadChannel, loadTeam } from '../repo/directory';
import type { Tx } from './deps';

/* Loads that turn "no such row" into the stable 'not-found' error. */

const orNotFound = <T>(value: T | null, entity: string, id: string): T => {
  if (value === null) throw new AtendoError('not-found', `${entity} not found`, { entity, id });
  return value;
};

export const requireConversation = async (db: Tx, id: string): Promise<Conversation> =>
  orNotFound(await loadConversation(db, id), 'conversation', id);

export const requireChannel = async (db: Tx, id: string): Promise<Channel> =>
  orNotFound(await loadChannel(db, id), 'channel', id);

export const requireContact = async (db: Tx, id: string): Promise<Contact> =>
  orNotFound(await loadContact(db, id), 'contact', id);

export const requireTeam = async (db: Tx, id: string): Promise<Team> =>
  orNotFound(await loadTeam(db, id), 'team', id);

export const requireAgent = async (db: Tx, id: string): Promise<Agent> =>
  orNotFound(await loadAgent(db, id), 'agent', id);

/** An admin archived the channel: no new conversation starts on it. */
export function requireLiveChannel(channel: Channel): void {
  if (channel.archived === true) {
    throw new AtendoError('channel-archived', 'the channel is archived', {
      channelId: channel.id,
      field: 'channelId',
    });
  }
}

/** Archived teams take no conversations; deactivated agents take none either. */
export function requireLiveTarget(target: { team?: Team; agent?: Agent }, field: string): void {
  if (target.team?.archived === true) {
    throw new AtendoError('team-archived', 'the team is archived', {
      teamId: target.team.id,
      field,
    });
  }
  if (target.agent?.active === false) {
    throw new AtendoError('invalid-input', 'the agent is deactivated', {
      agentId: target.agent.id,
      field,
      reason: 'deactivated',
    });
  }
}

/** The agent's display name, for refusals that say who holds a conversation. */
export async function agentName(db: Tx, id: string | null): Promise<string | null> {
  if (id === null) return null;
  const row = await db.selectFrom('agents').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? null;
}
