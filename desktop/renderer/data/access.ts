import type { DeepReadonly } from 'rxdb';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { ConversationAccess } from '@atendo/shared/rules/permissions';

/** The fields the permission rules read, copied out of a read-only store document. */
export const accessOf = (conversation: DeepReadonly<Conversation>): ConversationAccess => ({
  state: conversation.state,
  teamId: conversation.teamId,
  ownerId: conversation.ownerId,
  participantIds: [...conversation.participantIds],
});
