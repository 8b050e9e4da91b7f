import { AtendoError } from '@atendo/shared/errors';
import { ensure } from '@atendo/shared/rules/decision';
import { nextState, type LifecycleEvent } from '@atendo/shared/rules/lifecycle';
import { canReassign, canSendBackToQueue, canTransfer } from '@atendo/shared/rules/permissions';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { SystemEvent } from '@atendo/shared/schemas/message';
import { inTransaction, type Deps, type Tx } from './deps';
import { systemMessage, writeConversation } from './conversation-writer';
import { requireAgent, requireConversation, requireLiveTarget, requireTeam } from './lookup';

export type TransferInput = {
  conversationId: string;
  toAgentId: string | null;
  toTeamId: string | null;
  note: string | null;
};

type Move = {
  actor: Agent;
  event: LifecycleEvent;
  ownerId: string | null;
  teamId: string;
  system: SystemEvent;
};

/**
 * The agent who served the conversation and loses it to someone else's move (a supervisor's
 * reassign, send back or transfer): they receive the move's timeline line, so their workspace
 * can say who did it instead of the conversation vanishing without a word.
 */
function loser(before: Conversation, after: Conversation, actor: Agent): string | null {
  const owner = before.ownerId;
  if (owner === null || owner === actor.id) return null;
  if (after.ownerId === owner || after.participantIds.includes(owner)) return null;
  return owner;
}

/**
 * Hands a conversation on. To a team only: it waits in that team's queue. To an agent: it is
 * theirs at once, in the target team (by default the conversation's own), which they must
 * belong to. Tags are per team, so a move to another team drops them.
 */
async function move(deps: Deps, before: Conversation, m: Move, trx: Tx): Promise<Conversation> {
  const now = deps.clock.now();
  const team = await requireTeam(trx, m.teamId);
  // A send back to the conversation's own queue stays possible after its team was archived.
  if (team.id !== before.teamId) requireLiveTarget({ team }, 'toTeamId');
  if (m.ownerId !== null) {
    const agent = await requireAgent(trx, m.ownerId);
    requireLiveTarget({ agent }, 'toAgentId');
    if (!agent.teamIds.includes(team.id)) {
      throw new AtendoError('invalid-input', 'the agent is not in the target team', {
        agentId: agent.id,
        teamId: team.id,
      });
    }
  }
  const { to } = ensure(nextState(before.state, m.event));
  const after: Conversation = {
    ...before,
    state: to,
    teamId: team.id,
    ownerId: m.ownerId,
    participantIds: before.participantIds.filter((id) => id !== m.ownerId),
    tagIds: team.id === before.teamId ? before.tagIds : [],
    queuedAt: to === 'queued' ? now : null,
    // Out of the bot: its timeout must no longer route or close the conversation.
    botDeadline: null,
    updatedAt: now,
  };
  const lost = loser(before, after, m.actor);
  await writeConversation(trx, {
    before,
    after,
    messages: [systemMessage(deps.newId(), after.id, m.system, now, m.actor.id)],
    tellAgentIds: lost === null ? [] : [lost],
  });
  return after;
}

export async function transferConversation(
  deps: Deps,
  actor: Agent,
  input: TransferInput,
): Promise<Conversation> {
  if (input.toAgentId === null && input.toTeamId === null) {
    throw new AtendoError('invalid-input', 'name an agent or a team', {});
  }
  return inTransaction(deps, async (trx) => {
    const before = await requireConversation(trx, input.conversationId);
    ensure(canTransfer(actor, before));
    const teamId = input.toTeamId ?? before.teamId;
    const system: SystemEvent = {
      type: 'transferred',
      fromAgentId: before.ownerId ?? actor.id,
      toAgentId: input.toAgentId,
      toTeamId: teamId,
      note: input.note,
      ...byWhom(actor, before),
    };
    const event = input.toAgentId === null ? 'transfer-to-queue' : 'transfer-to-agent';
    return move(deps, before, { actor, event, ownerId: input.toAgentId, teamId, system }, trx);
  });
}

/** The owner hands it back, or a supervisor pulls it, into a team's queue (its own by default). */
export async function sendBackToQueue(
  deps: Deps,
  actor: Agent,
  input: { conversationId: string; teamId: string | null },
): Promise<Conversation> {
  return inTransaction(deps, async (trx) => {
    const before = await requireConversation(trx, input.conversationId);
    ensure(canSendBackToQueue(actor, before));
    const teamId = input.teamId ?? before.teamId;
    const system: SystemEvent = {
      type: 'sent-back-to-queue',
      byAgentId: actor.id,
      teamId,
      fromAgentId: before.ownerId,
    };
    const event = 'send-back-to-queue';
    return move(deps, before, { actor, event, ownerId: null, teamId, system }, trx);
  });
}

/** Names the mover when it is not the agent the conversation comes from. */
const byWhom = (actor: Agent, before: Conversation): { byAgentId?: string } =>
  before.ownerId === actor.id ? {} : { byAgentId: actor.id };

/**
 * A supervisor gives the conversation to another agent of its team: from an agent, from the
 * queue, or out of the bot (the denial an agent gets for a contact in the bot sends them here).
 */
export async function reassignConversation(
  deps: Deps,
  actor: Agent,
  input: { conversationId: string; agentId: string },
): Promise<Conversation> {
  ensure(canReassign(actor));
  return inTransaction(deps, async (trx) => {
    const before = await requireConversation(trx, input.conversationId);
    const system: SystemEvent = {
      type: 'transferred',
      fromAgentId: before.ownerId,
      toAgentId: input.agentId,
      toTeamId: before.teamId,
      note: null,
      byAgentId: actor.id,
    };
    const event = 'transfer-to-agent';
    return move(
      deps,
      before,
      { actor, event, ownerId: input.agentId, teamId: before.teamId, system },
      trx,
    );
  });
}
