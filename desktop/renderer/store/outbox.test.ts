import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreNotice } from './outbox';
import { conversation, until } from './testing/fixtures';
import { closeAllStores, setupStore } from './testing/harness';

afterEach(closeAllStores);

describe('outbox', () => {
  it('shows a message as queued at once, delivers it, and settles when it replicates back', async () => {
    const { server, start } = setupStore('outbox-send');
    server.offline = true;
    const store = await start();
    const queued = await store.queueMessage({
      conversationId: 'c1',
      kind: 'text',
      payload: { body: 'Olá' },
    });
    expect(queued.state).toBe('pending');
    const items = await until(store.conversationOutbox$('c1'), (list) => list.length === 1);
    expect(items[0]?.state).toBe('pending');

    server.offline = false;
    await store.flushOutbox();
    expect(server.messages()).toMatchObject([{ body: 'Olá', clientId: queued.id }]);
    await until(store.conversationOutbox$('c1'), (list) => list.length === 0);
    await until(store.latestMessages$('c1', 10), (list) =>
      list.some((m) => m.clientId === queued.id),
    );
  });

  it('keeps items pending with backoff on network errors and delivers them in order per conversation', async () => {
    const { server, timers, clock, start } = setupStore('outbox-order');
    server.offline = true;
    const store = await start();
    for (const body of ['one', 'two', 'three']) {
      await store.queueMessage({ conversationId: 'c1', kind: 'text', payload: { body } });
    }
    await until(store.conversationOutbox$('c1'), (list) => list[0]?.attempts === 1);
    const pending = await store.db.outbox.find({ sort: [{ order: 'asc' }] }).exec();
    expect(pending.map((d) => d.state)).toEqual(['pending', 'pending', 'pending']);
    expect(pending[0]?.attempts).toBeGreaterThanOrEqual(1);
    expect(timers.count).toBeGreaterThan(0);

    server.offline = false;
    // The timer fires before the backoff has passed: nothing may go out yet.
    timers.runAll();
    await store.db.outbox.find().exec();
    expect(server.messages()).toHaveLength(0);
    clock.advance(1_000);
    timers.runAll();
    await until(store.conversationOutbox$('c1'), (list) => list.length === 0);
    expect(server.messages().map((m) => m.body)).toEqual(['one', 'two', 'three']);
  });

  it('delivers exactly once when the app closes after the server accepted but before it was marked', async () => {
    const { server, start, close } = setupStore('outbox-crash');
    server.hangAfterAccept = true;
    // No stream and no pulls reach this client before the crash: the answer is lost for good.
    const first = await start();
    const queued = await first.queueMessage({
      conversationId: 'c1',
      kind: 'text',
      payload: { body: 'once' },
    });
    await until(first.conversationOutbox$('c1'), () => server.messages().length === 1);
    await close(first);

    server.hangAfterAccept = false;
    // Nothing replicates until the outbox has settled the item, so only the resend can do it.
    server.pullsBlocked = true;
    const second = await start();
    await second.flushOutbox();
    await until(second.conversationOutbox$('c1'), (list) => list[0]?.state === 'sent');
    const attempts = server.sendAttempts.filter((a) => a.clientId === queued.id);
    expect(attempts).toHaveLength(2);
    expect(server.messages().filter((m) => m.clientId === queued.id)).toHaveLength(1);

    server.pullsBlocked = false;
    second.resync();
    await until(second.conversationOutbox$('c1'), (list) => list.length === 0);
    expect(await second.db.messages.count().exec()).toBe(1);
  });

  it('marks a refused message failed with its code, tells the agent, and does not retry it', async () => {
    const { server, timers, start } = setupStore('outbox-refusal');
    server.put('conversations', conversation('c1', { state: 'active', ownerId: 'a1' }));
    server.refuse('c1', 'template-required');
    const store = await start();
    const notices: StoreNotice[] = [];
    store.notices$.subscribe((n) => notices.push(n));
    const queued = await store.queueMessage({
      conversationId: 'c1',
      kind: 'text',
      payload: { body: 'hi' },
    });
    const [item] = await until(
      store.conversationOutbox$('c1'),
      (list) => list[0]?.state === 'failed',
    );
    expect(item?.failure).toMatchObject({
      code: 'template-required',
      details: { conversationId: 'c1' },
    });
    expect(notices).toMatchObject([
      { type: 'message-refused', clientId: queued.id, code: 'template-required' },
    ]);

    await store.flushOutbox();
    timers.runAll();
    await store.flushOutbox();
    expect(server.sendAttempts).toHaveLength(1);

    // After the fix (a template), the agent dismisses the refused text.
    await store.dismissOutboxItem(queued.id);
    await until(store.conversationOutbox$('c1'), (list) => list.length === 0);
  });

  it('clears the draft of a conversation when a text is queued', async () => {
    const { start } = setupStore('outbox-draft');
    const store = await start();
    await store.saveDraft('c1', 'typing');
    await until(store.draft$('c1'), (text) => text === 'typing');
    await store.queueMessage({ conversationId: 'c1', kind: 'text', payload: { body: 'typing' } });
    await until(store.draft$('c1'), (text) => text === '');
  });
});
