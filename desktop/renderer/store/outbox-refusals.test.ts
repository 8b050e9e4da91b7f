import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxRecord } from './local-schemas';
import type { StoreNotice } from './outbox';
import { jitteredBackoff } from './outbox-failure';
import { contact, conversation, until } from './testing/fixtures';
import { closeAllStores, setupStore } from './testing/harness';
import { RefusalError, TransientError } from './transport';

afterEach(closeAllStores);

const LONG = 'x'.repeat(5_300);

/** An item a previous version of the app wrote without checking the limit. */
const unsendableItem = (id: string, conversationId: string, order: number): OutboxRecord => ({
  id,
  queueKey: conversationId,
  conversationId,
  kind: 'text',
  payload: { body: LONG },
  state: 'pending',
  order,
  createdAt: order,
  attempts: 0,
  nextAttemptAt: 0,
  failure: null,
});

describe('outbox: sends that never stall silently', () => {
  it('refuses a text over the channel limit before queueing it, naming the field', async () => {
    const { start } = setupStore('outbox-too-long');
    const store = await start();
    const queued = store.queueMessage({
      conversationId: 'c1',
      kind: 'text',
      payload: { body: LONG },
    });
    await expect(queued).rejects.toBeInstanceOf(RefusalError);
    await expect(queued).rejects.toMatchObject({
      code: 'invalid-input',
      details: { field: 'body' },
    });
    expect(await store.db.outbox.count().exec()).toBe(0);
  });

  it('fails an unsendable item left on disk, and the messages behind it still go out', async () => {
    const { server, start, timers } = setupStore('outbox-unsendable');
    const first = await start({ random: () => 0.5 });
    await first.db.outbox.insert(unsendableItem('stuck', 'c1', 1));
    await first.queueMessage({ conversationId: 'c1', kind: 'text', payload: { body: 'short' } });
    await first.queueMessage({ conversationId: 'c2', kind: 'text', payload: { body: 'other' } });
    await first.flushOutbox();
    const [failed] = await until(first.conversationOutbox$('c1'), (list) =>
      list.every((item) => item.state !== 'pending'),
    );
    expect(failed).toMatchObject({
      id: 'stuck',
      state: 'failed',
      failure: { code: 'invalid-input', details: { field: 'body' } },
    });
    expect(server.messages().map((m) => m.body)).toEqual(['short', 'other']);
    timers.runAll();
    await first.flushOutbox();
    expect(server.sendAttempts.map((a) => a.clientId)).not.toContain('stuck');
  });

  it('a refused message never blocks other conversations, nor later ones of its own', async () => {
    const { server, start } = setupStore('outbox-refused-order');
    server.put('conversations', conversation('c1', { state: 'closed' }));
    server.refuse('c1', 'invalid-transition');
    const store = await start();
    const notices: StoreNotice[] = [];
    store.notices$.subscribe((n) => notices.push(n));
    await store.queueMessage({ conversationId: 'c1', kind: 'text', payload: { body: 'a' } });
    await store.queueMessage({ conversationId: 'c2', kind: 'text', payload: { body: 'b' } });
    await until(store.conversationOutbox$('c1'), (l) => l[0]?.state === 'failed');
    await until(store.conversationOutbox$('c2'), (l) => l.length === 0);
    expect(server.messages().map((m) => m.body)).toEqual(['b']);
    expect(notices).toMatchObject([{ type: 'message-refused', code: 'invalid-transition' }]);
  });

  it('retries a 503 with backoff, says why it waits, and keeps a failure across a reload', async () => {
    const { server, start, close, clock, timers } = setupStore('outbox-transient');
    server.put('conversations', conversation('c9', { state: 'closed' }));
    server.refuse('c9', 'not-owner');
    server.sendFailure = new TransientError('server-error', 503, 'Service Unavailable');
    const first = await start();
    await first.queueMessage({ conversationId: 'c1', kind: 'text', payload: { body: 'later' } });
    const [waiting] = await until(first.conversationOutbox$('c1'), (l) => l[0]?.attempts === 1);
    expect(waiting).toMatchObject({ state: 'pending', failure: { code: 'server-error' } });

    server.sendFailure = null;
    await first.queueMessage({ conversationId: 'c9', kind: 'text', payload: { body: 'no' } });
    await until(first.conversationOutbox$('c9'), (l) => l[0]?.state === 'failed');
    clock.advance(1_000);
    timers.runAll();
    await until(first.conversationOutbox$('c1'), (l) => l.length === 0);
    await close(first);

    const second = await start();
    await second.flushOutbox();
    const [kept] = await until(second.conversationOutbox$('c9'), (l) => l.length === 1);
    expect(kept).toMatchObject({ state: 'failed', failure: { code: 'not-owner' } });
    expect(server.sendAttempts.filter((a) => a.conversationId === 'c9')).toHaveLength(1);
  });

  it.each([
    [0, 0, 500],
    [0, 1, 1_000],
    [3, 0, 4_000],
    [3, 0.999, 7_996],
    [20, 0, 30_000],
    [20, 1, 60_000],
  ])('backoff attempt %i with random %f waits %i ms', (attempt, random, ms) => {
    expect(jitteredBackoff(attempt, () => random)).toBe(ms);
  });
});

describe('outbox: contact edits that never stall silently', () => {
  it('refuses an edit past the schema limits before queueing it', async () => {
    const { server, start } = setupStore('contact-too-long');
    server.put('contacts', contact('k1', { name: 'Maria', version: 1 }));
    const store = await start();
    await store.awaitInitialSync();
    await expect(store.editContact('k1', { name: 'M'.repeat(369) })).rejects.toMatchObject({
      code: 'invalid-input',
      details: { field: 'name' },
    });
    await expect(store.editContact('k1', { phones: ['(11) 98765-4321'] })).rejects.toMatchObject({
      code: 'invalid-input',
      details: { field: 'phones.0' },
    });
    await store.editContact('k1', { name: 'Maria Souza' });
    await until(store.pendingContactEdits$('k1'), (l) => l.length === 0);
    expect(server.get('contacts', 'k1')).toMatchObject({ name: 'Maria Souza', version: 2 });
  });

  it('a refused edit says why, and the edit queued behind it is rebuilt and saved', async () => {
    const { server, start } = setupStore('contact-refused');
    server.put('contacts', contact('k1', { name: 'Maria', version: 1 }));
    const store = await start();
    await store.awaitInitialSync();
    const notices: StoreNotice[] = [];
    store.notices$.subscribe((n) => notices.push(n));
    server.offline = true;
    await store.editContact('k1', { name: 'Maria Souza' });
    await store.editContact('k1', { emails: ['maria@example.com'] });
    server.refuseContact('k1', 'forbidden');
    server.offline = false;
    await store.flushOutbox();
    const [failed] = await until(store.pendingContactEdits$('k1'), (l) => l.length === 1);
    expect(failed?.state).toBe('failed');
    expect(notices).toMatchObject([
      { type: 'contact-refused', contactId: 'k1', code: 'forbidden' },
    ]);
    // The second edit went on the contact as it is, without the refused name.
    expect(server.get('contacts', 'k1')).toMatchObject({
      name: 'Maria',
      emails: ['maria@example.com'],
      version: 2,
    });
  });

  it('tells a form when its edit was saved, refused or is still waiting', async () => {
    const { server, start, timers } = setupStore('contact-outcome');
    server.put('contacts', contact('k1', { name: 'Maria', version: 1 }));
    const store = await start();
    await store.awaitInitialSync();
    const saved = await store.editContact('k1', { name: 'Ana' });
    expect(await store.outboxOutcome(saved.id, 5_000)).toEqual({ state: 'delivered' });

    server.refuseContact('k1', 'forbidden');
    const refused = await store.editContact('k1', { name: 'Bia' });
    expect(await store.outboxOutcome(refused.id, 5_000)).toMatchObject({
      state: 'failed',
      failure: { code: 'forbidden' },
    });

    server.offline = true;
    const waiting = await store.editContact('k1', { name: 'Carla' });
    const outcome = store.outboxOutcome(waiting.id, 5_000);
    timers.runAll();
    expect(await outcome).toEqual({ state: 'pending' });
  });
});

describe('outbox: a failed text taken back to be edited', () => {
  it('puts the body after the draft and removes the failed item', async () => {
    const { server, start } = setupStore('outbox-edit');
    server.refuse('c1', 'not-owner');
    const store = await start();
    const queued = await store.queueMessage({
      conversationId: 'c1',
      kind: 'text',
      payload: { body: 'Segue o boleto' },
    });
    await until(store.conversationOutbox$('c1'), (l) => l[0]?.state === 'failed');
    await store.saveDraft('c1', 'Olá');
    await store.editOutboxItem(queued.id);
    await until(store.draft$('c1'), (text) => text === 'Olá\nSegue o boleto');
    await until(store.conversationOutbox$('c1'), (l) => l.length === 0);
  });
});
