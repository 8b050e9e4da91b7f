import { describe, expect, it } from 'vitest';
import { monitoringRows, NO_FILTER, type MonitoringFilter } from './monitoring-filter';

const row = (id: string, over: Partial<Parameters<typeof monitoringRows>[0][number]> = {}) => ({
  id,
  state: 'active' as const,
  teamId: 'suporte',
  ownerId: 'ana',
  participantIds: [] as string[],
  channelId: 'wa',
  queuedAt: null as number | null,
  createdAt: 0,
  ...over,
});

const rows = [
  row('a'),
  row('b', { state: 'queued', ownerId: null, queuedAt: 1_000 }),
  row('c', { state: 'queued', ownerId: null, queuedAt: 500_000, teamId: 'vendas' }),
  row('d', { state: 'closed' }),
  row('e', { ownerId: 'bruno', participantIds: ['ana'], channelId: 'web' }),
];

describe('monitoringRows', () => {
  it.each<[string, Partial<MonitoringFilter>, string[]]>([
    ['no filter shows every open conversation, longest waiting first', {}, ['a', 'e', 'b', 'c']],
    ['by team', { teamId: 'vendas' }, ['c']],
    ['by agent, owner or participant', { agentId: 'ana' }, ['a', 'e']],
    ['by state', { state: 'queued' }, ['b', 'c']],
    ['by channel', { channelId: 'web' }, ['e']],
    ['by waiting time', { minWaitingMs: 300_000 }, ['b']],
  ])('%s', (_name, filter, ids) => {
    const result = monitoringRows(rows, { ...NO_FILTER, ...filter }, 600_000);
    expect(result.map((r) => r.id)).toEqual(ids);
  });
});
