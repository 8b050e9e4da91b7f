import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@atendo/shared/schemas/agent';
import { StreamFrame, type StreamEvent } from '@atendo/shared/sync/protocol';
import { createChangeNotifier } from '../feed/change-notifier';
import { loadAgent } from '../repo/directory';
import { feedHead } from './feed-reads';
import { SyncFanout, type FanoutOptions } from './fanout';
import type { OutgoingFrame } from './stream-frame';
import { serialiseFrame, type StreamSink } from './stream-outlet';
import { openTestApp, type TestApp } from './test-harness';
import { addTag, moveAgent, openConversation } from './test-writes';

/*
 * The fan-out on its own notifier, writing to memory sinks: the writes below wake only the
 * app's notifier, so each test decides when the loop runs and the outcome does not depend on
 * timing.
 */

/** A connection that keeps what it was sent; a test sets `bufferedAmount` to play a slow one. */
class MemorySink implements StreamSink {
  readonly frames: Buffer[] = [];
  bufferedAmount = 0;

  send(frame: OutgoingFrame): void {
    this.frames.push(frame.bytes);
  }

  /** Every frame parsed, after the `connected` one every subscriber gets first. */
  rounds(): StreamEvent[][] {
    const [first, ...rest] = this.frames.map(
      (frame) => StreamFrame.parse(JSON.parse(frame.toString('utf8'))) as StreamEvent[],
    );
    expect(first).toEqual([{ type: 'resync', reason: 'connected' }]);
    return rest;
  }

  ids(collection: string): string[] {
    return this.rounds()
      .flat()
      .flatMap((e) => (e.type === 'changes' && e.collection === collection ? e.documents : []))
      .map((d) => d.id);
  }
}

let app: TestApp;

beforeEach(async () => {
  app = await openTestApp();
});

afterEach(async () => {
  await app.db.destroy();
  fs.rmSync(app.dir, { recursive: true, force: true });
});

async function agent(id: string): Promise<Actor> {
  const found = await loadAgent(app.db, id);
  if (found === null) throw new Error(`seed lost ${id}`);
  return found;
}

/** A fan-out whose serialiser counts its calls. */
function fanoutWith(options: Partial<FanoutOptions> = {}) {
  const counter = { serialised: 0 };
  const fanout = new SyncFanout(app.db, createChangeNotifier(), app.deps.logger, {
    serialise: (events) => {
      counter.serialised += 1;
      return serialiseFrame(events);
    },
    ...options,
  });
  return { fanout, counter };
}

async function subscribe(fanout: SyncFanout, actor: Actor) {
  const sink = new MemorySink();
  return { sink, subscription: await fanout.subscribe(actor, sink) };
}

async function round(fanout: SyncFanout): Promise<void> {
  fanout.wake();
  await fanout.idle();
}

async function writeTags(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await addTag(app, `tag-new-${i}`, 'team-suporte');
}

type Changes = Extract<StreamEvent, { type: 'changes' }>;
const changes = (events: StreamEvent[]): Changes[] =>
  events.filter((e): e is Changes => e.type === 'changes');

describe('SyncFanout', () => {
  it('folds wake-ups that arrive during a round into one more round', async () => {
    const { fanout } = fanoutWith();
    const { sink } = await subscribe(fanout, await agent('agent-carla'));
    await writeTags(5);
    for (let i = 0; i < 10; i++) fanout.wake();
    await fanout.idle();
    const rounds = sink.rounds();
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toHaveLength(1);
    expect(rounds[0]?.[0]).toMatchObject({ type: 'changes', collection: 'tags' });
    expect(sink.ids('tags')).toHaveLength(5);
  });

  it('spaces the round after a busy one by roundSpacingMs, never the one after a light round', async () => {
    const pauses: { ms: number; resume: () => void }[] = [];
    const { fanout } = fanoutWith({
      roundSpacingMs: 40,
      busyRoundChanges: 3,
      pause: (ms) =>
        new Promise<void>((resume) => {
          pauses.push({ ms, resume });
        }),
    });
    const { sink } = await subscribe(fanout, await agent('agent-carla'));
    await addTag(app, 'tag-first', 'team-suporte');
    await round(fanout);
    await addTag(app, 'tag-light', 'team-suporte');
    await round(fanout);
    expect(pauses).toEqual([]);

    await writeTags(3);
    await round(fanout);
    await addTag(app, 'tag-after-busy', 'team-suporte');
    fanout.wake();
    await expect.poll(() => pauses.length).toBe(1);
    expect(pauses[0]?.ms).toBeGreaterThan(0);
    expect(pauses[0]?.ms).toBeLessThanOrEqual(40);
    // Held until the spacing has passed: the busy round's tags arrived, the later one not yet.
    expect(sink.ids('tags')).not.toContain('tag-after-busy');
    pauses[0]?.resume();
    await fanout.idle();
    expect(sink.ids('tags')).toContain('tag-after-busy');
  });

  it('delivers a burst in windows of bounded size, checkpoints rising', async () => {
    const { fanout } = fanoutWith({ windowSize: 2 });
    const { sink } = await subscribe(fanout, await agent('agent-carla'));
    await writeTags(5);
    await round(fanout);
    const events = sink.rounds().flat();
    const seqs = events.map((e) => (e.type === 'changes' ? e.checkpoint.seq : -1));
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(sink.ids('tags')).toHaveLength(5);
  });

  it('serialises once for agents who receive the same events and sends them the same bytes', async () => {
    const { fanout, counter } = fanoutWith();
    const ana = await agent('agent-ana');
    // A second Suporte agent with Ana's keys except her own `agent:` key.
    const eva: Actor = { ...ana, id: 'agent-eva' };
    const a = await subscribe(fanout, ana);
    const b = await subscribe(fanout, eva);
    const diego = await subscribe(fanout, await agent('agent-diego'));
    await writeTags(3);
    await round(fanout);
    expect(counter.serialised).toBe(1);
    expect(a.sink.frames).toHaveLength(2);
    expect(a.sink.frames[1]).toBe(b.sink.frames[1]);
    expect(a.sink.ids('tags')).toEqual(['tag-new-0', 'tag-new-1', 'tag-new-2']);
    // Diego (Vendas) has no key in this window: he gets nothing, not even an empty frame.
    expect(diego.sink.rounds()).toEqual([]);
  });

  it('sends an agent-owned conversation only to its owner and the monitors', async () => {
    const { fanout, counter } = fanoutWith();
    const ana = await subscribe(fanout, await agent('agent-ana'));
    const eva = await subscribe(fanout, { ...(await agent('agent-ana')), id: 'agent-eva' });
    const bruno = await subscribe(fanout, await agent('agent-bruno'));
    const carla = await subscribe(fanout, await agent('agent-carla'));
    await openConversation(app, {
      id: 'conv-owned',
      contactId: 'contact-joao',
      channelId: 'channel-webchat',
      teamId: 'team-suporte',
      state: 'active',
      ownerId: 'agent-ana',
    });
    await round(fanout);
    expect(ana.sink.ids('conversations')).toEqual(['conv-owned']);
    expect(carla.sink.ids('conversations')).toEqual(['conv-owned']);
    expect(ana.sink.ids('messages')).toEqual(['conv-owned-m0']);
    expect(eva.sink.rounds()).toEqual([]);
    expect(bruno.sink.rounds()).toEqual([]);
    // Ana and Carla see the same documents through different keys: two groups, two frames.
    expect(counter.serialised).toBe(2);
  });

  it('tells a moved agent to resync before sending the new scope', async () => {
    const { fanout } = fanoutWith();
    const { sink } = await subscribe(fanout, await agent('agent-ana'));
    await moveAgent(app, 'agent-ana', ['team-vendas']);
    await addTag(app, 'tag-vendas-new', 'team-vendas');
    await addTag(app, 'tag-suporte-new', 'team-suporte');
    await round(fanout);
    const events = sink.rounds().flat();
    expect(events[0]).toEqual({ type: 'resync', reason: 'scope-changed' });
    expect(sink.ids('tags')).toEqual(['tag-vendas-new']);
    // Every change after the resync carries the new scope's epoch, which a pull accepts.
    const epochs = new Set(changes(events).map((e) => e.checkpoint.epoch));
    expect(epochs.size).toBe(1);
  });

  it('skips frames for a slow connection, then says lagging before anything else', async () => {
    const { fanout } = fanoutWith({ maxBufferedBytes: 1000 });
    const slow = await subscribe(fanout, await agent('agent-carla'));
    const fast = await subscribe(fanout, await agent('agent-carla'));
    slow.sink.bufferedAmount = 1001;
    await writeTags(2);
    await round(fanout);
    // Still above half the limit: the heartbeat does not end the lag yet, and adds no changes.
    slow.sink.bufferedAmount = 600;
    slow.subscription.heartbeat(await fanout.heartbeat());
    await addTag(app, 'tag-while-draining', 'team-suporte');
    await round(fanout);
    expect(slow.sink.rounds()).toMatchObject([[{ type: 'heartbeat' }]]);
    expect(fast.sink.ids('tags')).toEqual(['tag-new-0', 'tag-new-1', 'tag-while-draining']);

    slow.sink.bufferedAmount = 499;
    await addTag(app, 'tag-after-drain', 'team-suporte');
    await round(fanout);
    const [heartbeat, lagging, resumed, ...rest] = slow.sink.rounds();
    expect(heartbeat).toMatchObject([{ type: 'heartbeat' }]);
    expect(lagging).toEqual([{ type: 'resync', reason: 'lagging' }]);
    expect(resumed).toMatchObject([{ type: 'changes', documents: [{ id: 'tag-after-drain' }] }]);
    expect(rest).toEqual([]);
  });

  it('ends the lag at a heartbeat when nothing else is sent', async () => {
    const { fanout } = fanoutWith({ maxBufferedBytes: 1000 });
    const slow = await subscribe(fanout, await agent('agent-carla'));
    slow.sink.bufferedAmount = 5000;
    await writeTags(1);
    await round(fanout);
    slow.sink.bufferedAmount = 0;
    slow.subscription.heartbeat(await fanout.heartbeat());
    expect(slow.sink.rounds()).toMatchObject([
      [{ type: 'resync', reason: 'lagging' }],
      [{ type: 'heartbeat' }],
    ]);
  });

  it('forgets a closed subscriber and sends it nothing more', async () => {
    const { fanout } = fanoutWith();
    const { sink, subscription } = await subscribe(fanout, await agent('agent-carla'));
    subscription.close();
    expect(fanout.subscriberCount).toBe(0);
    await writeTags(1);
    await round(fanout);
    subscription.heartbeat(await fanout.heartbeat());
    expect(sink.rounds()).toEqual([]);
  });

  it('says in every heartbeat how far it has delivered and what the head is', async () => {
    const { fanout } = fanoutWith();
    const { sink, subscription } = await subscribe(fanout, await agent('agent-carla'));
    await writeTags(1);
    await round(fanout);
    subscription.heartbeat(await fanout.heartbeat());
    const [, beat] = sink.rounds();
    const head = await feedHead(app.db);
    expect(beat).toEqual([{ type: 'heartbeat', seq: head, head }]);
  });

  it('delivers at the next heartbeat a commit whose wake-up never came', async () => {
    const { fanout } = fanoutWith();
    const { sink, subscription } = await subscribe(fanout, await agent('agent-carla'));
    // The app's notifier wakes only the app's own fan-out: this one hears nothing.
    await addTag(app, 'tag-unannounced', 'team-suporte');
    const head = await feedHead(app.db);
    const behind = await fanout.heartbeat();
    subscription.heartbeat(behind);
    await fanout.idle();
    expect(sink.ids('tags')).toEqual(['tag-unannounced']);
    expect(sink.rounds().flat()).toContainEqual({ type: 'heartbeat', seq: head - 1, head });
  });
});
