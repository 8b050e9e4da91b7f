import type { Actor } from '../schemas/agent';
import { allow, deny, type Decision } from './decision';
import { canInvite, type ConversationAccess } from './permissions';

/**
 * Who may take a collaborator out of a live conversation: the owner or a supervisor may remove
 * anyone invited; an invited agent may always leave on their own. Removing someone who is not a
 * participant is `not-participant`, whoever asks.
 */
export function canRemoveParticipant(
  actor: Actor,
  conv: ConversationAccess,
  agentId: string,
): Decision<'not-owner' | 'not-participant'> {
  if (!conv.participantIds.includes(agentId)) return deny('not-participant', { agentId });
  if (agentId === actor.id) return allow();
  return canInvite(actor, conv);
}
