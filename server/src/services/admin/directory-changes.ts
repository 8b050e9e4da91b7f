import { EVERYONE } from '../../feed/audience-keys';
import { recordChange } from '../../feed/change-feed';
import type { Tx } from '../deps';

/*
 * Directory documents go to everyone signed in. An agent's record changing (teams, role,
 * permissions) is also what moves their stream to a new scope (sync/fanout.ts `rescope`).
 */

export const recordAgentChange = (trx: Tx, agentId: string, at: number) =>
  recordChange(trx, { collection: 'agent', docId: agentId, grants: EVERYONE, revokes: [], at });

export const recordTeamChange = (trx: Tx, teamId: string, at: number) =>
  recordChange(trx, { collection: 'team', docId: teamId, grants: EVERYONE, revokes: [], at });

export const recordChannelChange = (trx: Tx, channelId: string, at: number) =>
  recordChange(trx, { collection: 'channel', docId: channelId, grants: EVERYONE, revokes: [], at });
