import type { TFunction } from 'i18next';
import type { DeepReadonly } from 'rxdb';
import type { Message, SystemEvent } from '@atendo/shared/schemas/message';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { NameLookup } from '../i18n/system-event-text';

/**
 * A conversation someone else took from the agent: a supervisor reassigned it, transferred it,
 * sent it back to the queue or closed it. The server sends the agent the move's timeline line
 * even when the conversation itself leaves their store, so the pane can say who did it.
 */
export type LossNotice =
  | { kind: 'reassigned'; byAgentId: string; agentId: string; teamId: string }
  | { kind: 'transferred'; byAgentId: string; agentId: string | null; teamId: string }
  | { kind: 'sent-back'; byAgentId: string; teamId: string }
  | { kind: 'force-closed'; byAgentId: string };

type Holder = Pick<Conversation, 'ownerId' | 'participantIds'>;

// The lines that change who holds a conversation: the latest one decides.
const MOVES: ReadonlySet<SystemEvent['type']> = new Set([
  'taken',
  'transferred',
  'sent-back-to-queue',
  'closed',
]);

/** The loss the event means for `me`, or null when it is not one someone else caused. */
export function lossOf(
  event: DeepReadonly<SystemEvent>,
  me: string,
  conversation: DeepReadonly<Holder> | null,
): LossNotice | null {
  const holds =
    conversation !== null &&
    (conversation.ownerId === me || conversation.participantIds.includes(me));
  switch (event.type) {
    case 'transferred': {
      const by = event.byAgentId ?? null;
      if (event.fromAgentId !== me || by === null || by === me || holds) return null;
      const { toAgentId, toTeamId } = event;
      // A supervisor's reassign stays in the team; a transfer may go anywhere.
      return toAgentId !== null && event.note === null
        ? { kind: 'reassigned', byAgentId: by, agentId: toAgentId, teamId: toTeamId }
        : { kind: 'transferred', byAgentId: by, agentId: toAgentId, teamId: toTeamId };
    }
    case 'sent-back-to-queue':
      if (event.fromAgentId !== me || event.byAgentId === me || holds) return null;
      return { kind: 'sent-back', byAgentId: event.byAgentId, teamId: event.teamId };
    case 'closed':
      // A closed conversation stays with its owner, so the owner is known from it.
      if (!event.forced || event.byAgentId === me || conversation?.ownerId !== me) return null;
      return { kind: 'force-closed', byAgentId: event.byAgentId };
    default:
      return null;
  }
}

/** The loss the conversation's latest move means for `me`, from its local timeline. */
export function latestLoss(
  messages: readonly DeepReadonly<Message>[],
  me: string,
  conversation: DeepReadonly<Holder> | null,
): LossNotice | null {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const system = messages[i]?.system ?? null;
    if (system !== null && MOVES.has(system.type)) return lossOf(system, me, conversation);
  }
  return null;
}

export function lossText(t: TFunction, loss: LossNotice, names: NameLookup): string {
  const by = names.actor(loss.byAgentId);
  switch (loss.kind) {
    case 'reassigned':
      return t('supervise.lost.reassigned', { by, agent: names.agent(loss.agentId) });
    case 'transferred':
      return loss.agentId === null
        ? t('supervise.lost.transferred', { by, team: names.team(loss.teamId) })
        : t('supervise.lost.transferredToAgent', {
            by,
            agent: names.agent(loss.agentId),
            team: names.team(loss.teamId),
          });
    case 'sent-back':
      return t('supervise.lost.sentBack', { by, team: names.team(loss.teamId) });
    case 'force-closed':
      return t('supervise.lost.forceClosed', { by });
  }
}
