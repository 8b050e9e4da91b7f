import type { Conversation, ConversationState } from '@atendo/shared/schemas/conversation';

export type MonitoringFilter = {
  teamId: string | null;
  agentId: string | null;
  state: Exclude<ConversationState, 'closed'> | null;
  channelId: string | null;
  /** Only conversations waiting in a queue at least this long. */
  minWaitingMs: number | null;
};

export const NO_FILTER: MonitoringFilter = {
  teamId: null,
  agentId: null,
  state: null,
  channelId: null,
  minWaitingMs: null,
};

type Row = Pick<
  Conversation,
  'state' | 'teamId' | 'ownerId' | 'channelId' | 'queuedAt' | 'createdAt'
> & {
  participantIds: readonly string[];
};

/** The live conversations a supervisor asked to see, longest waiting first. */
export function monitoringRows<T extends Row>(
  rows: readonly T[],
  filter: MonitoringFilter,
  now: number,
): T[] {
  return rows
    .filter((c) => c.state !== 'closed')
    .filter((c) => filter.teamId === null || c.teamId === filter.teamId)
    .filter(
      (c) =>
        filter.agentId === null ||
        c.ownerId === filter.agentId ||
        c.participantIds.includes(filter.agentId),
    )
    .filter((c) => filter.state === null || c.state === filter.state)
    .filter((c) => filter.channelId === null || c.channelId === filter.channelId)
    .filter(
      (c) =>
        filter.minWaitingMs === null ||
        (c.state === 'queued' && now - (c.queuedAt ?? c.createdAt) >= filter.minWaitingMs),
    )
    .sort((a, b) => (a.queuedAt ?? a.createdAt) - (b.queuedAt ?? b.createdAt));
}
