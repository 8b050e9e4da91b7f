import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '@atendo/shared/sync/protocol';
import { EventQueue } from './event-queue';

const changes = (ids: string[]): StreamEvent => ({
  type: 'changes',
  collection: 'tags',
  documents: ids.map((id) => ({
    id,
    teamId: 't',
    name: id,
    color: '#000000',
    updatedAt: 1,
    _deleted: false,
  })),
  checkpoint: { seq: 1, epoch: 'e' },
});

describe('EventQueue', () => {
  it('hands events out in order', async () => {
    const queue = new EventQueue(10);
    queue.push(changes(['a']));
    queue.push({ type: 'resync', reason: 'scope-changed' });
    expect(await queue.next()).toEqual(changes(['a']));
    expect(await queue.next()).toEqual({ type: 'resync', reason: 'scope-changed' });
  });

  it.each([
    [[1, 2], 3, false],
    [[2, 2], 3, true],
    [[3], 3, false],
    [[4], 3, true],
  ])(
    'backlog of %j documents with a bound of %i turns into lagging: %s',
    async (sizes, bound, lags) => {
      const queue = new EventQueue(bound);
      sizes.forEach((size, i) => {
        queue.push(changes(Array.from({ length: size }, (_, j) => `${i}-${j}`)));
      });
      const first = await queue.next();
      expect(first?.type === 'resync' && first.reason === 'lagging').toBe(lags);
      expect(queue.pending).toBe(lags ? 0 : sizes.length - 1);
    },
  );

  it('frees room as the reader catches up', async () => {
    const queue = new EventQueue(3);
    queue.push(changes(['a', 'b']));
    await queue.next();
    queue.push(changes(['c', 'd']));
    expect(await queue.next()).toMatchObject({ type: 'changes' });
  });

  it('wakes a waiting reader with null when the signal aborts or the queue closes', async () => {
    const queue = new EventQueue(3);
    const controller = new AbortController();
    const waiting = queue.next(controller.signal);
    controller.abort();
    expect(await waiting).toBeNull();
    const again = queue.next();
    queue.close();
    expect(await again).toBeNull();
    queue.push(changes(['late']));
    expect(queue.pending).toBe(0);
  });

  it('wakes a waiting reader when an event arrives', async () => {
    const queue = new EventQueue(3);
    const waiting = queue.next();
    queue.push({ type: 'resync', reason: 'connected' });
    expect(await waiting).toEqual({ type: 'resync', reason: 'connected' });
  });
});
