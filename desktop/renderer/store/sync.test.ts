import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { baseMessage } from './testing/fake-server';
import { conversation, until } from './testing/fixtures';
import { closeAllStores, setupStore } from './testing/harness';

afterEach(closeAllStores);

describe('replication', () => {
  it('pulls in batches by checkpoint and resumes from the stored checkpoint after a restart', async () => {
    const { server, start, close } = setupStore('checkpoint');
    for (let i = 0; i < 250; i++) server.put('messages', baseMessage(`m${i}`, 'c1', 1_000 + i));
    const store = await start();
    await store.awaitInitialSync();
    expect(await store.db.messages.count().exec()).toBe(250);
    const messagePulls = () => server.pulls.filter((p) => p.collection === 'messages');
    expect(
      messagePulls()
        .slice(0, 3)
        .map((p) => p.checkpoint?.seq ?? null),
    ).toEqual([null, 100, 200]);
    await close(store);

    server.put('messages', baseMessage('late', 'c1', 9_000));
    const pullsBefore = messagePulls().length;
    const reopened = await start();
    await reopened.awaitInitialSync();
    expect(messagePulls()[pullsBefore]?.checkpoint?.seq).toBe(250);
    expect(await reopened.db.messages.findOne('late').exec()).not.toBeNull();
  });

  it('applies live stream changes without pulling', async () => {
    const { server, start } = setupStore('stream');
    const store = await start();
    await store.awaitInitialSync();
    await until(store.status$, (s) => s === 'online');
    const pulls = server.pulls.length;
    server.put('conversations', conversation('c9', { state: 'active', ownerId: 'a1' }));
    const active = await until(store.myActiveConversations$('a1'), (list) => list.length === 1);
    expect(active[0]?.id).toBe('c9');
    expect(server.pulls.length).toBe(pulls);
  });

  it('resyncs when the stream fails and subscribes again after a backoff, never stopping silently', async () => {
    const { server, timers, start } = setupStore('stream-error');
    const store = await start();
    await store.awaitInitialSync();
    await until(store.status$, (s) => s === 'online');
    server.failStreams();
    expect(server.openStreams).toBe(0);
    await until(store.status$, (s) => s === 'offline');
    // Written while no stream is open: only the resync pull can bring it.
    server.put('conversations', conversation('missed'));
    await until(store.db.conversations.findOne('missed').$, (doc) => doc !== null);
    expect(timers.delays()).toEqual([1_000]);
    timers.runAll();
    expect(server.openStreams).toBe(1);
    await until(store.status$, (s) => s === 'online');
    server.put('conversations', conversation('live'));
    await until(store.db.conversations.findOne('live').$, (doc) => doc !== null);
  });

  it('removes a document locally when the server sends it as _deleted (scope removal)', async () => {
    const { server, start } = setupStore('scope');
    server.put('conversations', conversation('c1'));
    const store = await start();
    await store.awaitInitialSync();
    expect(await store.db.conversations.findOne('c1').exec()).not.toBeNull();
    server.put('conversations', conversation('c1', { updatedAt: 2_000 }), true);
    await until(store.db.conversations.findOne('c1').$, (doc) => doc === null);
  });

  it('drops and pulls a collection again when the server answers reset', async () => {
    const { server, start } = setupStore('reset');
    server.put('conversations', conversation('keep'));
    server.put('conversations', conversation('out-of-scope'));
    const store = await start();
    await store.awaitInitialSync();
    expect(await store.db.conversations.count().exec()).toBe(2);
    // The agent moved teams: the server forgets the row instead of sending a tombstone.
    server.forget('conversations', 'out-of-scope');
    server.changeEpoch('epoch-2');
    await until(store.db.conversations.find().$, (docs) => docs.length === 1);
    expect((await store.db.conversations.find().exec()).map((d) => d.id)).toEqual(['keep']);
    const resetPull = server.pulls.filter((p) => p.collection === 'conversations').at(-1);
    expect(resetPull?.checkpoint).toBeNull();
  });

  it('pulls when two heartbeats show the server has changes its stream did not deliver', async () => {
    const { server, start } = setupStore('heartbeat');
    const store = await start();
    await store.awaitInitialSync();
    await until(store.status$, (s) => s === 'online');
    const pulls = () => server.pulls.filter((p) => p.collection === 'conversations').length;
    const before = pulls();
    server.heartbeat(4, 4);
    server.heartbeat(4, 9);
    await until(store.status$, (s) => s === 'online');
    expect(pulls()).toBe(before);
    // Sequence 9 was committed a heartbeat ago and the fan-out is still at 4.
    server.heartbeat(4, 9);
    await until(store.status$, (s) => s === 'online');
    expect(pulls()).toBe(before + 1);
  });
});
