import { ensure } from '@atendo/shared/rules/decision';
import { nextState } from '@atendo/shared/rules/lifecycle';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { loadConversation } from '../../repo/conversations';
import { systemMessage, writeConversation } from '../conversation-writer';
import type { Deps, Tx } from '../deps';

/**
 * What a deactivated agent held: each active conversation goes back to its team's queue
 * ("sent back to the queue by <admin>" in the timeline), and the agent leaves every open
 * conversation it was invited into. Returns the ids of the conversations queued again.
 */
export async function releaseAgentConversations(
  deps: Deps,
  trx: Tx,
  actor: Agent,
  agentId: string,
): Promise<string[]> {
  const now = deps.clock.now();
  const owned = await trx
    .selectFrom('conversations')
    .select('id')
    .where('owner_id', '=', agentId)
    .where('state', '=', 'active')
    .execute();
  const requeued: string[] = [];
  for (const { id } of owned) {
    const before = await loadConversation(trx, id);
    if (before === null) continue;
    const { to } = ensure(nextState(before.state, 'send-back-to-queue'));
    const after: Conversation = {
      ...before,
      state: to,
      ownerId: null,
      queuedAt: now,
      updatedAt: now,
    };
    const event = {
      type: 'sent-back-to-queue' as const,
      byAgentId: actor.id,
      teamId: before.teamId,
    };
    await writeConversation(trx, {
      before,
      after,
      messages: [systemMessage(deps.newId(), id, event, now, actor.id)],
    });
    requeued.push(id);
  }
  await leaveInvitedConversations(deps, trx, actor, agentId);
  return requeued;
}

async function leaveInvitedConversations(deps: Deps, trx: Tx, actor: Agent, agentId: string) {
  const now = deps.clock.now();
  const invited = await trx
    .selectFrom('conversation_participants as p')
    .innerJoin('conversations as c', 'c.id', 'p.conversation_id')
    .select('c.id')
    .where('p.agent_id', '=', agentId)
    .where('c.state', '<>', 'closed')
    .execute();
  for (const { id } of invited) {
    const before = await loadConversation(trx, id);
    if (before === null) continue;
    const after: Conversation = {
      ...before,
      participantIds: before.participantIds.filter((p) => p !== agentId),
      updatedAt: now,
    };
    const event = { type: 'participant-removed' as const, byAgentId: actor.id, agentId };
    await writeConversation(trx, {
      before,
      after,
      messages: [systemMessage(deps.newId(), id, event, now, actor.id)],
    });
  }
}
