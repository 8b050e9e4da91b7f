import type { ErrorDetails } from '../errors';
import type { Actor } from '../schemas/agent';
import type { Channel } from '../schemas/channel';
import type { ConversationState } from '../schemas/conversation';
import { allow, deny, type Decision } from './decision';

/**
 * The contact's open conversation on the chosen channel, as much as the starter needs to explain
 * a refusal. `participantIds` is optional so callers that only know the owner can leave it out.
 */
export type OpenConversationSummary = {
  id: string;
  state: ConversationState;
  ownerId: string | null;
  ownerName: string | null;
  teamId: string;
  participantIds?: readonly string[];
  /**
   * Whether the actor may read it. One they may not read is refused as `contact-busy` naming
   * only who holds it (docs/security.md): no id, team or state of a conversation not theirs.
   */
  readable: boolean;
};

export type StartDenialReason =
  | 'inbound-only-channel'
  | 'contact-busy'
  | 'in-bot'
  | 'awaiting-csat'
  // The channel and team rules of start-reach.ts.
  | 'contact-unreachable'
  | 'channel-archived'
  | 'not-team-member';

export type StartConversationInput = {
  actor: Actor;
  channel: Pick<Channel, 'direction' | 'kind'>;
  open: OpenConversationSummary | null;
};

/**
 * Whether the actor may start (or resume) a conversation with a contact on a channel. A contact
 * is held by at most one open conversation per channel, so the refusals name who holds it.
 */
export function canStartConversation(
  input: StartConversationInput,
): Decision<StartDenialReason, { resumeConversationId: string | null }> {
  const decision = startDecision(input);
  if (decision.ok || input.open === null || input.open.readable) return decision;
  if (decision.reason === 'inbound-only-channel') return decision;
  return deny('contact-busy', { ownerName: input.open.ownerName });
}

function startDecision(
  input: StartConversationInput,
): Decision<StartDenialReason, { resumeConversationId: string | null }> {
  const { actor, channel, open } = input;
  // A "receptivo" channel only answers, whatever the contact's state.
  if (channel.direction === 'inbound-only') {
    return deny('inbound-only-channel', { channelKind: channel.kind });
  }
  if (open === null) return allow({ resumeConversationId: null });
  switch (open.state) {
    case 'bot':
      return deny('in-bot', { conversationId: open.id, teamId: open.teamId });
    case 'awaiting_csat':
      return deny('awaiting-csat', { conversationId: open.id, ownerName: open.ownerName });
    case 'queued':
      return deny('contact-busy', {
        conversationId: open.id,
        ownerId: null,
        ownerName: null,
        teamId: open.teamId,
      });
    case 'active':
      if (servesConversation(actor, open)) return allow({ resumeConversationId: open.id });
      return deny('contact-busy', {
        conversationId: open.id,
        ownerId: open.ownerId,
        ownerName: open.ownerName,
        teamId: open.teamId,
      });
    case 'closed':
      // A closed conversation no longer holds the contact; the caller should not pass one.
      return allow({ resumeConversationId: null });
  }
}

const servesConversation = (actor: Actor, open: OpenConversationSummary): boolean =>
  open.ownerId === actor.id || (open.participantIds ?? []).includes(actor.id);

/** What the UI suggests after a refusal. */
export type StartDenialHint = 'ask-supervisor' | 'take-from-queue' | 'use-another-channel';

/**
 * The next step for the agent. From the seed: when another agent, the bot or a pending CSAT
 * holds the contact, "a supervisor can force-close from monitoring or transfer it to you". A
 * queued conversation has no owner yet (details.ownerId is null), so the agent can take it.
 */
export function startDenialHint(
  reason: StartDenialReason,
  details: ErrorDetails = {},
): StartDenialHint {
  switch (reason) {
    case 'inbound-only-channel':
    case 'contact-unreachable':
    case 'channel-archived':
      return 'use-another-channel';
    case 'not-team-member':
      return 'ask-supervisor';
    case 'contact-busy':
      return details.ownerId === null ? 'take-from-queue' : 'ask-supervisor';
    case 'in-bot':
    case 'awaiting-csat':
      return 'ask-supervisor';
  }
}
