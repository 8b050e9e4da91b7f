import type { Actor } from '../schemas/agent';
import type { Conversation } from '../schemas/conversation';
import { allow, deny, type Decision } from './decision';

/**
 * Who may do what to a conversation. These checks answer "who"; whether the conversation's state
 * allows the move at all is `nextState` (lifecycle.ts), which the server applies as well.
 */
export type ConversationAccess = Pick<
  Conversation,
  'state' | 'teamId' | 'ownerId' | 'participantIds'
>;

/** Supervisors (and admins, who can do everything a supervisor can) act on every conversation. */
export const supervises = (actor: Actor): boolean =>
  actor.role === 'supervisor' || actor.role === 'admin';

const owns = (actor: Actor, conv: Pick<Conversation, 'ownerId'>): boolean =>
  conv.ownerId === actor.id;

const participates = (actor: Actor, conv: Pick<Conversation, 'participantIds'>): boolean =>
  conv.participantIds.includes(actor.id);

/** A queued conversation is taken by an agent of its team, or by a supervisor. */
export function canTake(
  actor: Actor,
  conv: ConversationAccess,
): Decision<'already-taken' | 'invalid-transition' | 'forbidden'> {
  // Two agents clicking at once: the loser is told who won, not "invalid".
  if (conv.state === 'active' && conv.ownerId !== null) {
    return deny('already-taken', { ownerId: conv.ownerId });
  }
  if (conv.state !== 'queued')
    return deny('invalid-transition', { from: conv.state, event: 'take' });
  if (!supervises(actor) && !actor.teamIds.includes(conv.teamId)) {
    return deny('forbidden', { teamId: conv.teamId });
  }
  return allow();
}

/**
 * Messages go out only in an active conversation, from its owner or a participant. A supervisor
 * reads every live conversation but writes only after joining it (`canJoin`), so the contact
 * and the agent see who else is in it.
 */
export function canSend(
  actor: Actor,
  conv: ConversationAccess,
): Decision<'invalid-transition' | 'not-participant'> {
  if (conv.state !== 'active')
    return deny('invalid-transition', { from: conv.state, event: 'send' });
  if (owns(actor, conv) || participates(actor, conv)) return allow();
  return deny('not-participant', { ownerId: conv.ownerId });
}

/** A supervisor joins a live conversation they are monitoring, as a participant. */
export function canJoin(
  actor: Actor,
  conv: ConversationAccess,
): Decision<'forbidden' | 'invalid-transition'> {
  if (!supervises(actor)) return deny('forbidden', { role: actor.role });
  if (conv.state !== 'active')
    return deny('invalid-transition', { from: conv.state, event: 'join' });
  return allow();
}

/** Whether the actor reads this conversation only as its supervisor (not serving it). */
export const monitorsOnly = (actor: Actor, conv: ConversationAccess): boolean =>
  supervises(actor) && !owns(actor, conv) && !participates(actor, conv);

const ownerOrSupervisor = (actor: Actor, conv: ConversationAccess): Decision<'not-owner'> =>
  owns(actor, conv) || supervises(actor) ? allow() : deny('not-owner', { ownerId: conv.ownerId });

export const canTransfer = ownerOrSupervisor;
export const canInvite = ownerOrSupervisor;
export const canClose = ownerOrSupervisor;
/** The owner hands it back; a supervisor pulls it from an agent who cannot go on. */
export const canSendBackToQueue = ownerOrSupervisor;

/** Tags help whoever works the conversation, so invited participants may tag too. */
export function canTag(actor: Actor, conv: ConversationAccess): Decision<'not-owner'> {
  return participates(actor, conv) ? allow() : ownerOrSupervisor(actor, conv);
}

const supervisorOnly = (actor: Actor): Decision<'forbidden'> =>
  supervises(actor) ? allow() : deny('forbidden', { role: actor.role });

export const canForceClose = supervisorOnly;
export const canReassign = supervisorOnly;
export const canMonitor = supervisorOnly;

/** Whether the actor sees every team's history: supervisors, and agents granted history-all. */
const seesAllHistory = (actor: Actor): boolean =>
  supervises(actor) || actor.permissions.includes('history-all');

/** A conversation in the contact's history: the own team's, one the actor served, or all. */
export function canSeeConversationHistory(
  actor: Actor,
  conv: Pick<Conversation, 'teamId' | 'ownerId' | 'participantIds'>,
): Decision<'history-forbidden'> {
  const visible =
    seesAllHistory(actor) ||
    actor.teamIds.includes(conv.teamId) ||
    owns(actor, conv) ||
    participates(actor, conv);
  return visible ? allow() : deny('history-forbidden', { teamId: conv.teamId });
}

/**
 * Who may read a conversation and its timeline. History rights (own team, history-all) cover
 * closed conversations; a live one belongs to whoever serves it (owner, participants) and the
 * supervisors, as the sync audience has it (sync/audience.ts). The team also reads one that
 * waits in its queue, or that the bot or the CSAT question holds (so an agent can see why a
 * start is refused). Anyone else is told who serves it.
 */
export function canReadConversation(
  actor: Actor,
  conv: ConversationAccess,
): Decision<'history-forbidden' | 'not-participant'> {
  if (owns(actor, conv) || participates(actor, conv) || supervises(actor)) return allow();
  if (conv.state === 'closed') return canSeeConversationHistory(actor, conv);
  const teamSees =
    conv.state === 'queued' || conv.state === 'bot' || conv.state === 'awaiting_csat';
  if (teamSees && actor.teamIds.includes(conv.teamId)) return allow();
  return deny('not-participant', { ownerId: conv.ownerId });
}

/**
 * The same rule as a filter for SQL: `teams` means "teamId in teamIds, or the agent was owner
 * or participant" — the agent keeps what they served after leaving a team.
 */
export type HistoryScope = { kind: 'all' } | { kind: 'teams'; teamIds: string[]; agentId: string };

export function historyScope(actor: Actor): HistoryScope {
  if (seesAllHistory(actor)) return { kind: 'all' };
  return { kind: 'teams', teamIds: [...actor.teamIds], agentId: actor.id };
}
