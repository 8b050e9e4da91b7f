import { AtendoError } from '@atendo/shared/errors';
import { ensure } from '@atendo/shared/rules/decision';
import { canReadConversation } from '@atendo/shared/rules/permissions';
import { canStartConversation } from '@atendo/shared/rules/start-conversation';
import { canReachOnChannel, startTeam } from '@atendo/shared/rules/start-reach';
import type { ErrorCode, ErrorDetails } from '@atendo/shared/errors';
import type { Agent } from '@atendo/shared/schemas/agent';
import { ChannelKind, type Channel } from '@atendo/shared/schemas/channel';
import type { Contact } from '@atendo/shared/schemas/contact';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Message } from '@atendo/shared/schemas/message';
import { loadOpenConversation } from '../repo/conversations';
import { openingAddress } from './conversation-address';
import { deliverMessage } from './delivery';
import { inTransaction, type Deps, type Tx } from './deps';
import { systemMessage, withLastMessage, writeConversation } from './conversation-writer';
import { agentName, requireChannel, requireContact, requireLiveChannel } from './lookup';
import { composeOutbound, messageByClientId, type OutboundContent } from './outbound';

export type StartInput = {
  contactId: string;
  channelId: string;
  /** The team the new conversation belongs to: one of the agent's; absent, the default rule. */
  teamId?: string | null | undefined;
  clientId: string;
  /** The first message: free text, or a template when the window is closed. */
  content: Extract<OutboundContent, { kind: 'text' | 'template' }>;
};

export type StartResult = { conversation: Conversation; message: Message; resumed: boolean };

/**
 * Applies the start rules: the channel is live and not receptivo, nobody else holds the
 * contact there, the contact can be written to on it, and the team is one of the agent's.
 * Answers the channel and the actor's own open conversation, if any.
 */
async function checkStart(
  trx: Tx,
  actor: Agent,
  input: Pick<StartInput, 'contactId' | 'channelId' | 'teamId'>,
): Promise<{ channel: Channel; contact: Contact; resume: Conversation | null; teamId: string }> {
  const channel = await requireChannel(trx, input.channelId);
  requireLiveChannel(channel);
  const contact = await requireContact(trx, input.contactId);
  const open = await loadOpenConversation(trx, input.contactId, input.channelId);
  const summary = open && {
    ...open,
    ownerName: await agentName(trx, open.ownerId),
    readable: canReadConversation(actor, open).ok,
  };
  const decision = ensure(canStartConversation({ actor, channel, open: summary }));
  const resume = decision.resumeConversationId === null ? null : open;
  if (resume === null) {
    const kinds = await trx.selectFrom('channels').select(['id', 'kind']).execute();
    const kindOf = (id: string) => {
      const parsed = ChannelKind.safeParse(kinds.find((c) => c.id === id)?.kind);
      return parsed.success ? parsed.data : null;
    };
    ensure(canReachOnChannel({ contact, channel, kindOf }));
  }
  const { teamId } = ensure(startTeam({ actor, channel, requestedTeamId: input.teamId ?? null }));
  return { channel, contact, resume, teamId };
}

export type StartCheck =
  | { ok: true; resumeConversationId: string | null }
  | { ok: false; reason: ErrorCode; details: ErrorDetails };

/**
 * The start rules without starting: the dialog asks as soon as contact and channel are picked,
 * because the server knows conversations (another team's) the agent's store does not hold.
 */
export async function checkStartConversation(
  deps: Deps,
  actor: Agent,
  input: Pick<StartInput, 'contactId' | 'channelId' | 'teamId'>,
): Promise<StartCheck> {
  try {
    const { resume } = await checkStart(deps.db, actor, input);
    return { ok: true, resumeConversationId: resume?.id ?? null };
  } catch (error) {
    if (error instanceof AtendoError && error.code !== 'not-found') {
      return { ok: false, reason: error.code, details: error.details };
    }
    throw error;
  }
}

type Stored = StartResult & { fresh: boolean };

async function storeStart(
  trx: Tx,
  deps: Deps,
  actor: Agent,
  input: StartInput,
  now: number,
): Promise<Stored> {
  const { channel, contact, resume, teamId } = await checkStart(trx, actor, input);
  const resumed = resume !== null;
  const earlier = resume ? await messageByClientId(trx, resume.id, input.clientId) : null;
  if (resume && earlier) return { conversation: resume, message: earlier, resumed, fresh: false };
  const base =
    resume ?? (await newConversation(trx, deps, { actor, channel, teamId }, input.contactId, now));
  const { clientId, content } = input;
  const compose = { actor, conversation: base, channel, clientId, content, now };
  const message = await composeOutbound(trx, deps.newId(), compose);
  const startedEvent = { type: 'started' as const, agentId: actor.id };
  const started = systemMessage(deps.newId(), base.id, startedEvent, now, actor.id);
  const after = withLastMessage(base, message);
  const messages = resumed ? [message] : [started, message];
  const address = openingAddress(channel, contact);
  await writeConversation(trx, { before: resume, after, messages, address });
  return { conversation: after, message, resumed, fresh: true };
}

/**
 * Starts a conversation with a contact on a channel (or resumes the actor's own open one) and
 * sends the first message, all in one transaction; delivery follows the commit. A retry with
 * the same clientId returns the first attempt's message.
 */
export async function startConversation(
  deps: Deps,
  actor: Agent,
  input: StartInput,
): Promise<StartResult> {
  const now = deps.clock.now();
  const stored = await inTransaction(deps, (trx) => storeStart(trx, deps, actor, input, now));
  const { conversation, resumed } = stored;
  if (!stored.fresh) return { conversation, message: stored.message, resumed };
  const delivered = await deliverMessage(deps, stored.message.id);
  return { conversation, message: delivered ?? stored.message, resumed };
}

async function newConversation(
  trx: Tx,
  deps: Deps,
  { actor, channel, teamId }: { actor: Agent; channel: Channel; teamId: string },
  contactId: string,
  now: number,
): Promise<Conversation> {
  // The window counts from the contact's last message on this channel, in any earlier conversation.
  const last = await trx
    .selectFrom('conversations')
    .select((eb) => eb.fn.max('last_inbound_at').as('at'))
    .where('contact_id', '=', contactId)
    .where('channel_id', '=', channel.id)
    .executeTakeFirst();
  if (!actor.teamIds.includes(teamId) && actor.role === 'agent') {
    throw new AtendoError('forbidden', 'the agent belongs to no team', { agentId: actor.id });
  }
  return {
    id: deps.newId(),
    contactId,
    channelId: channel.id,
    teamId,
    ownerId: actor.id,
    participantIds: [],
    tagIds: [],
    dispositionId: null,
    state: 'active',
    lastInboundAt: last?.at ?? null,
    lastMessageAt: null,
    lastMessagePreview: null,
    createdAt: now,
    queuedAt: null,
    closedAt: null,
    csatDeadline: null,
    botDeadline: null,
    updatedAt: now,
  };
}
