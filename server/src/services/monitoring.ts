import { sql } from 'kysely';
import { ensure } from '@atendo/shared/rules/decision';
import { canMonitor } from '@atendo/shared/rules/permissions';
import type { Agent } from '@atendo/shared/schemas/agent';
import { AtendoError } from '@atendo/shared/errors';
import type { Conversation, ConversationState } from '@atendo/shared/schemas/conversation';
import type { Deps } from './deps';
import { requireConversation } from './lookup';
import { listItems, type ConversationListItem } from './my-lists';

export type MonitoringFilters = {
  teamId: string | null;
  agentId: string | null;
  state: Exclude<ConversationState, 'closed'> | null;
  channelId: string | null;
  /** Only conversations queued for at least this long. */
  minWaitingMs: number | null;
};

/** Every open conversation, for supervisors, oldest waiting first. */
export async function monitoringList(
  deps: Deps,
  actor: Agent,
  filters: MonitoringFilters,
): Promise<ConversationListItem[]> {
  ensure(canMonitor(actor));
  const now = deps.clock.now();
  let query = deps.db
    .selectFrom('conversations')
    .selectAll()
    .where('state', '<>', sql.lit('closed'));
  if (filters.teamId !== null) query = query.where('team_id', '=', filters.teamId);
  if (filters.agentId !== null) query = query.where('owner_id', '=', filters.agentId);
  if (filters.state !== null) query = query.where('state', '=', filters.state);
  if (filters.channelId !== null) query = query.where('channel_id', '=', filters.channelId);
  if (filters.minWaitingMs !== null) {
    query = query
      .where('state', '=', 'queued')
      .where('queued_at', '<=', now - filters.minWaitingMs);
  }
  const rows = await query.orderBy('created_at').limit(1000).execute();
  return listItems(deps.db, rows);
}

/** One live conversation, as a supervisor opens it from monitoring; closed ones are history. */
export async function monitoringRead(
  deps: Deps,
  actor: Agent,
  conversationId: string,
): Promise<Conversation> {
  ensure(canMonitor(actor));
  const conversation = await requireConversation(deps.db, conversationId);
  if (conversation.state === 'closed') {
    throw new AtendoError('invalid-transition', 'the conversation is closed: read its history', {
      from: 'closed',
      event: 'monitor',
    });
  }
  return conversation;
}
