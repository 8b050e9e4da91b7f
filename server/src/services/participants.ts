import { AtendoError } from '@atendo/shared/errors';
import { ensure } from '@atendo/shared/rules/decision';
import { canInvite, canJoin } from '@atendo/shared/rules/permissions';
import { canRemoveParticipant } from '@atendo/shared/rules/participants';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { inTransaction, type Deps } from './deps';
import { systemMessage, writeConversation } from './conversation-writer';
import { requireAgent, requireConversation, requireLiveTarget } from './lookup';

/** Invites a colleague into a live conversation; they may then send, under their own name. */
export async function inviteParticipant(
  deps: Deps,
  actor: Agent,
  input: { conversationId: string; agentId: string },
): Promise<Conversation> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireConversation(trx, input.conversationId);
    ensure(canInvite(actor, before));
    if (before.state !== 'active') {
      throw new AtendoError('invalid-transition', 'only live conversations take participants', {
        from: before.state,
        event: 'invite',
      });
    }
    const agent = await requireAgent(trx, input.agentId);
    requireLiveTarget({ agent }, 'agentId');
    if (agent.id === before.ownerId || before.participantIds.includes(agent.id)) return before;
    const after: Conversation = {
      ...before,
      participantIds: [...before.participantIds, agent.id],
      updatedAt: now,
    };
    const event = { type: 'participant-invited' as const, byAgentId: actor.id, agentId: agent.id };
    await writeConversation(trx, {
      before,
      after,
      messages: [systemMessage(deps.newId(), after.id, event, now, actor.id)],
    });
    return after;
  });
}

/** The owner or a supervisor removes a participant; a participant may also leave on their own. */
export async function removeParticipant(
  deps: Deps,
  actor: Agent,
  input: { conversationId: string; agentId: string },
): Promise<Conversation> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireConversation(trx, input.conversationId);
    ensure(canRemoveParticipant(actor, before, input.agentId));
    const after: Conversation = {
      ...before,
      participantIds: before.participantIds.filter((id) => id !== input.agentId),
      updatedAt: now,
    };
    const event = {
      type: 'participant-removed' as const,
      byAgentId: actor.id,
      agentId: input.agentId,
    };
    await writeConversation(trx, {
      before,
      after,
      messages: [systemMessage(deps.newId(), after.id, event, now, actor.id)],
    });
    return after;
  });
}

/**
 * A supervisor monitoring a live conversation joins it as a participant, to write in it; the
 * timeline says so, for the agent serving it. Joining twice changes nothing.
 */
export async function joinConversation(
  deps: Deps,
  actor: Agent,
  conversationId: string,
): Promise<Conversation> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireConversation(trx, conversationId);
    ensure(canJoin(actor, before));
    if (before.ownerId === actor.id || before.participantIds.includes(actor.id)) return before;
    const after: Conversation = {
      ...before,
      participantIds: [...before.participantIds, actor.id],
      updatedAt: now,
    };
    const event = { type: 'participant-joined' as const, agentId: actor.id };
    await writeConversation(trx, {
      before,
      after,
      messages: [systemMessage(deps.newId(), after.id, event, now, actor.id)],
    });
    return after;
  });
}
