import { sql } from 'kysely';
import { AtendoError } from '@atendo/shared/errors';
import { canReadConversation, historyScope } from '@atendo/shared/rules/permissions';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { Conversation, ConversationState } from '@atendo/shared/schemas/conversation';
import type { Message } from '@atendo/shared/schemas/message';
import { hydrateConversations } from '../repo/conversations';
import { loadTimeline } from '../repo/messages';
import type { Deps } from './deps';
import { agentName, requireConversation } from './lookup';

/**
 * The contact's earlier (closed) conversations the actor may see: their own teams' and the ones
 * they served, or every team's with the history-all permission. The filter runs in SQL so hidden
 * conversations never leave the database.
 */
export async function contactHistory(
  deps: Deps,
  actor: Agent,
  contactId: string,
): Promise<Conversation[]> {
  const scope = historyScope(actor);
  let query = deps.db
    .selectFrom('conversations')
    .selectAll()
    .where('contact_id', '=', contactId)
    .where('state', '=', 'closed');
  if (scope.kind === 'teams') {
    query = query.where((eb) =>
      eb.or([
        ...(scope.teamIds.length > 0 ? [eb('team_id', 'in', scope.teamIds)] : []),
        eb('owner_id', '=', scope.agentId),
        eb(
          'id',
          'in',
          eb
            .selectFrom('conversation_participants')
            .select('conversation_id')
            .where('agent_id', '=', scope.agentId),
        ),
      ]),
    );
  }
  const rows = await query.orderBy('created_at', 'desc').limit(200).execute();
  return hydrateConversations(deps.db, rows);
}

/** Whether the actor may read a conversation (`canReadConversation`), or why not. */
export function ensureCanRead(actor: Agent, conversation: Conversation): void {
  const decision = canReadConversation(actor, conversation);
  if (!decision.ok) {
    throw new AtendoError(decision.reason, 'you may not read this conversation', decision.details);
  }
}

/** A conversation's messages, oldest first, for those who may read it. */
export async function conversationTimeline(
  deps: Deps,
  actor: Agent,
  conversationId: string,
): Promise<Message[]> {
  ensureCanRead(actor, await requireConversation(deps.db, conversationId));
  return loadTimeline(deps.db, conversationId);
}

/** One conversation, for those who may read it. */
export async function readConversation(
  deps: Deps,
  actor: Agent,
  conversationId: string,
): Promise<Conversation> {
  const conversation = await requireConversation(deps.db, conversationId);
  ensureCanRead(actor, conversation);
  return conversation;
}

/**
 * One of the contact's open conversations on another channel. What the caller may read comes
 * whole; of one they may not read, only the channel and who holds it ("someone is already
 * talking with this contact": docs/security.md), never its id, team, state or text.
 */
export type OtherChannelConversation =
  | {
      readable: true;
      id: string;
      channelId: string;
      state: ConversationState;
      teamId: string;
      ownerId: string | null;
      ownerName: string | null;
    }
  | { readable: false; channelId: string; ownerName: string | null };

/** The contact's open conversations on other channels ("the same contact elsewhere"). */
export async function otherChannels(
  deps: Deps,
  actor: Agent,
  input: { contactId: string; exceptChannelId: string | null },
): Promise<OtherChannelConversation[]> {
  let query = deps.db
    .selectFrom('conversations')
    .selectAll()
    .where('contact_id', '=', input.contactId)
    .where('state', '<>', sql.lit('closed'));
  if (input.exceptChannelId !== null)
    query = query.where('channel_id', '<>', input.exceptChannelId);
  const conversations = await hydrateConversations(
    deps.db,
    await query.orderBy('created_at').execute(),
  );
  return Promise.all(
    conversations.map(async (c): Promise<OtherChannelConversation> => {
      const ownerName = await agentName(deps.db, c.ownerId);
      if (!canReadConversation(actor, c).ok) {
        return { readable: false, channelId: c.channelId, ownerName };
      }
      const { id, channelId, state, teamId, ownerId } = c;
      return { readable: true, id, channelId, state, teamId, ownerId, ownerName };
    }),
  );
}
