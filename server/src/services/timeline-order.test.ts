import { describe, expect, it } from 'vitest';
import type { Message } from '@atendo/shared/schemas/message';
import { sequenceTimeline } from './timeline-order';

const at = (id: string, createdAt: number): Message => ({
  id,
  conversationId: 'c1',
  direction: 'inbound',
  kind: 'text',
  authorAgentId: null,
  body: id,
  attachments: [],
  template: null,
  system: null,
  status: 'delivered',
  error: null,
  channelMessageId: null,
  clientId: null,
  createdAt,
  updatedAt: createdAt,
});

describe('sequenceTimeline', () => {
  it.each([
    ['same millisecond, new conversation', null, [100, 100, 100], [100, 101, 102]],
    ['same millisecond as the latest stored message', 100, [100, 100], [101, 102]],
    ['a clock that stepped back', 200, [150], [201]],
    ['already increasing', 50, [100, 120], [100, 120]],
  ])('%s', (_name, floor, times, expected) => {
    const batch = times.map((t, i) => at(`m${i}`, t));
    const stored = sequenceTimeline(floor, batch);
    expect(stored.map((m) => m.createdAt)).toEqual(expected);
    expect(stored.map((m) => m.id)).toEqual(batch.map((m) => m.id));
    expect(stored.every((m) => m.updatedAt >= m.createdAt)).toBe(true);
  });
});
