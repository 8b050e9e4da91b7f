import type { Actor } from '../schemas/agent';
import type { Conversation } from '../schemas/conversation';

/**
 * Who may see a document, as a set of audience keys. A change in the feed stores the keys of
 * the document after the change (grants) and the keys it lost (revokes); an agent receives a
 * change when one of its own keys is granted, and a removal when it only appears in revokes.
 *
 * Keys:
 * - `all`                 everyone signed in (directory, contacts, channels)
 * - `agent:<id>`          the owner or a participant of a conversation
 * - `queue:<teamId>`      a queued conversation, for the team's agents
 * - `team:<teamId>`       team catalogue: templates, tags, dispositions
 * - `history:<teamId>`    closed conversations of a team, for its agents
 * - `history-all`         closed conversations, for agents with the history-all permission
 * - `monitor`             every open conversation, for supervisors and admins
 */
export type AudienceKey = string;

export function agentAudienceKeys(actor: Actor): AudienceKey[] {
  const keys: AudienceKey[] = ['all', `agent:${actor.id}`];
  for (const teamId of actor.teamIds) {
    keys.push(`queue:${teamId}`, `team:${teamId}`, `history:${teamId}`);
  }
  const supervises = actor.role === 'supervisor' || actor.role === 'admin';
  if (supervises) keys.push('monitor');
  if (supervises || actor.permissions.includes('history-all')) keys.push('history-all');
  return keys;
}

type ConversationScope = Pick<Conversation, 'state' | 'teamId' | 'ownerId' | 'participantIds'>;

export function conversationAudience(conversation: ConversationScope): AudienceKey[] {
  const { state, teamId, ownerId, participantIds } = conversation;
  if (state === 'closed') {
    // The agent who served it keeps it in their own history even after leaving the team.
    return unique([`history:${teamId}`, 'history-all', ...(ownerId ? [`agent:${ownerId}`] : [])]);
  }
  const keys: AudienceKey[] = ['monitor'];
  if (state === 'queued') keys.push(`queue:${teamId}`);
  if (ownerId) keys.push(`agent:${ownerId}`);
  for (const id of participantIds) keys.push(`agent:${id}`);
  // While the bot or the CSAT question holds the contact, the team sees it too, so an agent
  // can tell why a start is refused ("in bot", "awaiting CSAT") from local data.
  if (state === 'bot' || state === 'awaiting_csat') keys.push(`history:${teamId}`);
  return unique(keys);
}

/** Keys the document had before and no longer has: those agents receive a removal. */
export function revokedKeys(
  before: readonly AudienceKey[],
  after: readonly AudienceKey[],
): AudienceKey[] {
  const now = new Set(after);
  return before.filter((key) => !now.has(key));
}

const unique = (keys: AudienceKey[]): AudienceKey[] => [...new Set(keys)];
