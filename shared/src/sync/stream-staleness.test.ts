import { describe, expect, it } from 'vitest';
import { streamStaleness, type StreamHeartbeat } from './stream-staleness';

describe('stream staleness', () => {
  it.each<[string, StreamHeartbeat | null, StreamHeartbeat, boolean]>([
    ['first heartbeat of a connection', null, { seq: 10, head: 90 }, false],
    [
      'fan-out caught up with the previous head',
      { seq: 10, head: 12 },
      { seq: 12, head: 12 },
      false,
    ],
    ['fan-out ahead of the previous head', { seq: 10, head: 12 }, { seq: 20, head: 25 }, false],
    [
      'new commits since the last heartbeat only',
      { seq: 12, head: 12 },
      { seq: 12, head: 30 },
      false,
    ],
    ['previous head still undelivered', { seq: 10, head: 12 }, { seq: 11, head: 12 }, true],
    ['fan-out stuck while the feed grows', { seq: 10, head: 12 }, { seq: 10, head: 40 }, true],
  ])('%s', (_, previous, latest, stale) => {
    expect(streamStaleness(previous, latest).stale).toBe(stale);
  });

  it('says how many sequences are missing', () => {
    expect(streamStaleness({ seq: 5, head: 9 }, { seq: 6, head: 9 })).toEqual({
      stale: true,
      reason: 'fan-out-behind',
      missing: 3,
    });
  });
});
