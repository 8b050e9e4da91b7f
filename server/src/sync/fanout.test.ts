import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StreamEvent } from '@atendo/shared/sync/protocol';
import { createChangeNotifier } from '../feed/change-notifier';
import { loadAgent } from '../repo/directory';
import { SyncFanout, type FanoutOptions } from './fanout';
import { openTestApp, type TestApp } from './test-harness';
import { addTag } from './test-writes';

/*
 * The fan-out on its own notifier: the writes below wake only the app's notifier, so each test
 * decides when the loop runs and the outcome does not depend on timing.
 */

let app: TestApp;

beforeEach(async () => {
  app = await openTestApp();
});

afterEach(async () => {
  await app.db.destroy();
  fs.rmSync(app.dir, { recursive: true, force: true });
});

async function subscribeCarla(options: FanoutOptions) {
  const fanout = new SyncFanout(app.db, createChangeNotifier(), app.deps.logger, options);
  const carla = await loadAgent(app.db, 'agent-carla');
  if (carla === null) throw new Error('seed lost Carla');
  return { fanout, subscription: await fanout.subscribe(carla) };
}

async function writeTags(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await addTag(app, `tag-new-${i}`, 'team-suporte');
}

const drainQueue = (
  events: StreamEvent[],
  pending: () => number,
  next: () => Promise<StreamEvent | null>,
) =>
  (async () => {
    while (pending() > 0) {
      const event = await next();
      if (event !== null) events.push(event);
    }
    return events;
  })();

describe('SyncFanout', () => {
  it('folds wake-ups that arrive during a round into one more round', async () => {
    const { fanout, subscription } = await subscribeCarla({
      windowSize: 2000,
      maxPendingDocuments: 100,
    });
    await writeTags(5);
    for (let i = 0; i < 10; i++) fanout.wake();
    await fanout.idle();
    const { queue } = subscription;
    const events = await drainQueue(
      [],
      () => queue.pending,
      () => queue.next(),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'changes', collection: 'tags' });
    expect(events[0]?.type === 'changes' && events[0].documents).toHaveLength(5);
  });

  it('delivers a burst in windows of bounded size, checkpoints rising', async () => {
    const { fanout, subscription } = await subscribeCarla({
      windowSize: 2,
      maxPendingDocuments: 100,
    });
    await writeTags(5);
    fanout.wake();
    await fanout.idle();
    const { queue } = subscription;
    const events = await drainQueue(
      [],
      () => queue.pending,
      () => queue.next(),
    );
    const seqs = events.map((e) => (e.type === 'changes' ? e.checkpoint.seq : -1));
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(events.flatMap((e) => (e.type === 'changes' ? e.documents : []))).toHaveLength(5);
  });

  it('tells a subscriber that fell behind to resync and drops its backlog', async () => {
    const { fanout, subscription } = await subscribeCarla({
      windowSize: 1,
      maxPendingDocuments: 3,
    });
    await writeTags(5);
    fanout.wake();
    await fanout.idle();
    const { queue } = subscription;
    expect(await queue.next()).toEqual({ type: 'resync', reason: 'lagging' });
    // The backlog past the bound is gone: what was left fits the bound again.
    expect(queue.pending).toBeLessThanOrEqual(3);
  });

  it('forgets a closed subscriber and sends it nothing more', async () => {
    const { fanout, subscription } = await subscribeCarla({
      windowSize: 2000,
      maxPendingDocuments: 100,
    });
    subscription.close();
    expect(fanout.subscriberCount).toBe(0);
    await writeTags(1);
    fanout.wake();
    await fanout.idle();
    expect(subscription.queue.pending).toBe(0);
    expect(await subscription.queue.next()).toBeNull();
  });
});
