import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import type { StoreNotice } from './outbox';
import { contact, conversation, until } from './testing/fixtures';
import { closeAllStores, setupStore } from './testing/harness';

afterEach(closeAllStores);

/** A Dexie storage whose first `failures` opens throw, like IndexedDB failing in Electron. */
function failingStorage(failures: number): RxStorage<unknown, unknown> {
  const base = getRxStorageDexie() as RxStorage<unknown, unknown>;
  let left = failures;
  return {
    name: base.name,
    rxdbVersion: base.rxdbVersion,
    createStorageInstance: (params) => {
      if (left > 0) {
        left -= 1;
        return Promise.reject(new Error('UnknownError: Internal error opening backing store'));
      }
      return base.createStorageInstance(params);
    },
  };
}

describe('drafts', () => {
  it('persist across a restart and an offline period', async () => {
    const { server, start, close } = setupStore('drafts');
    server.offline = true;
    const first = await start();
    await first.saveDraft('c1', 'Bom dia, Maria');
    await first.saveDraft('c2', 'outro');
    await first.saveDraft('c2', '');
    await close(first);

    const second = await start();
    expect(await firstDraft(second, 'c1')).toBe('Bom dia, Maria');
    expect(await firstDraft(second, 'c2')).toBe('');
  });
});

const firstDraft = (
  store: Awaited<ReturnType<ReturnType<typeof setupStore>['start']>>,
  id: string,
) => until(store.draft$(id), () => true);

describe('contact edits', () => {
  it('on conflict the server version wins and the agent gets the fields they typed', async () => {
    const { server, start } = setupStore('contact-conflict');
    server.put('contacts', contact('k1', { name: 'Maria', version: 1 }));
    const store = await start();
    await store.awaitInitialSync();
    const notices: StoreNotice[] = [];
    store.notices$.subscribe((n) => notices.push(n));

    server.offline = true;
    await store.editContact('k1', { name: 'Maria Souza' });
    // Meanwhile a colleague edits the same contact.
    server.offline = false;
    await server.transport().updateContact({
      id: 'k1',
      version: 1,
      fields: { ...contact('k1'), name: 'Maria Lima' },
      clientId: 'colleague-edit',
    });
    await store.flushOutbox();

    const [failed] = await until(store.pendingContactEdits$('k1'), (l) => l[0]?.state === 'failed');
    expect(failed?.failure).toMatchObject({ code: 'conflict', details: { version: 2 } });
    expect(notices).toMatchObject([
      { type: 'contact-conflict', contactId: 'k1', typedFields: { name: 'Maria Souza' } },
    ]);
    const local = await until(store.db.contacts.findOne('k1').$, (doc) => doc?.version === 2);
    expect(local?.name).toBe('Maria Lima');
    expect(server.get('contacts', 'k1')?.name).toBe('Maria Lima');
  });

  it('an edit the server saved before the app closed is not a conflict when resent', async () => {
    const { server, start, close } = setupStore('contact-resend');
    server.put('contacts', contact('k1', { name: 'Maria', version: 1 }));
    server.hangAfterAccept = true;
    const first = await start();
    await first.awaitInitialSync();
    const notices: StoreNotice[] = [];
    first.notices$.subscribe((n) => notices.push(n));
    await first.editContact('k1', { name: 'Maria Souza' });
    await until(first.pendingContactEdits$('k1'), () => server.contactEditAttempts.length === 1);
    await close(first);

    server.hangAfterAccept = false;
    const second = await start();
    second.notices$.subscribe((n) => notices.push(n));
    await second.flushOutbox();
    await until(second.pendingContactEdits$('k1'), (l) => l.length === 0);
    expect(server.contactEditAttempts).toHaveLength(2);
    expect(new Set(server.contactEditAttempts).size).toBe(1);
    expect(server.get('contacts', 'k1')).toMatchObject({ name: 'Maria Souza', version: 2 });
    expect(notices).toEqual([]);
  });

  it('chains two offline edits so the second is based on the version the first creates', async () => {
    const { server, start } = setupStore('contact-chain');
    server.put('contacts', contact('k1', { version: 4 }));
    const store = await start();
    await store.awaitInitialSync();
    server.offline = true;
    await store.editContact('k1', { name: 'Ana' });
    await store.editContact('k1', { emails: ['ana@example.com'] });
    server.offline = false;
    await store.flushOutbox();
    await until(store.pendingContactEdits$('k1'), (l) => l.length === 0);
    // Fields the agent did not touch are sent as they saw them, never reset.
    expect(server.get('contacts', 'k1')).toMatchObject({
      name: 'Ana',
      emails: ['ana@example.com'],
      phones: ['+5511987654321'],
      version: 6,
    });
  });
});

describe('opening the database', () => {
  it('wipes and recreates the local database when IndexedDB cannot open it, then resyncs', async () => {
    const { server, start, close } = setupStore('wipe');
    server.put('conversations', conversation('c1'));
    const first = await start();
    await first.awaitInitialSync();
    await first.saveDraft('c1', 'lost with the broken database');
    await close(first);

    const wiped: unknown[] = [];
    const second = await start({ storage: failingStorage(1), onWiped: (e) => wiped.push(e) });
    expect(wiped).toHaveLength(1);
    expect(await firstDraft(second, 'c1')).toBe('');
    await second.awaitInitialSync();
    expect(await second.db.conversations.findOne('c1').exec()).not.toBeNull();
    const pulls = server.pulls.filter((p) => p.collection === 'conversations');
    expect(pulls.at(-1)?.checkpoint).toBeNull();
  });

  it('also recovers from a database left in a shape this version cannot open', async () => {
    const { server, name, start } = setupStore('incompatible');
    server.put('conversations', conversation('c1'));
    // A database of the same name whose drafts collection has another schema.
    const stale = await createRxDatabase({
      name,
      storage: wrappedValidateAjvStorage({ storage: getRxStorageDexie() }),
      multiInstance: false,
    });
    await stale.addCollections({
      drafts: {
        schema: {
          version: 0,
          primaryKey: 'key',
          type: 'object',
          properties: { key: { type: 'string', maxLength: 10 } },
          required: ['key'],
        },
      },
    });
    await stale.close();

    const wiped: unknown[] = [];
    const store = await start({ onWiped: (e) => wiped.push(e) });
    expect(wiped).toHaveLength(1);
    await store.saveDraft('c1', 'works');
    await store.awaitInitialSync();
    expect(await store.db.conversations.findOne('c1').exec()).not.toBeNull();
  });
});

describe('queries', () => {
  it('answer the screens from local data', async () => {
    const { server, start } = setupStore('queries');
    server.put('conversations', conversation('q1', { teamId: 't1', queuedAt: 20 }));
    server.put('conversations', conversation('q0', { teamId: 't1', queuedAt: 10 }));
    server.put('conversations', conversation('q-other', { teamId: 't2' }));
    server.put('conversations', conversation('a1', { state: 'active', ownerId: 'me' }));
    server.put(
      'conversations',
      conversation('p1', { state: 'active', ownerId: 'x', participantIds: ['me'] }),
    );
    server.put('contacts', contact('k1', { phones: ['+5511900000001'] }));
    server.put('directory', {
      id: 'agent:me',
      type: 'agent',
      updatedAt: 1,
      agent: {
        id: 'me',
        name: 'Joana',
        email: 'joana@example.com',
        role: 'agent',
        teamIds: ['t1'],
        permissions: [],
        presence: 'available',
        capacity: 3,
        updatedAt: 1,
      },
    });
    const template = {
      channelId: 'ch1',
      language: 'pt_BR',
      category: 'UTILITY',
      header: null,
      footer: null,
      body: 'Olá {{1}}',
      updatedAt: 1,
    } as const;
    server.put('templates', { ...template, id: 'tp-all', name: 'b-all', teamIds: [] });
    server.put('templates', { ...template, id: 'tp-t1', name: 'a-t1', teamIds: ['t1'] });
    server.put('templates', { ...template, id: 'tp-t2', name: 'c-t2', teamIds: ['t2'] });
    const store = await start();
    await store.awaitInitialSync();

    const queued = await until(store.queuedConversations$(['t1']), () => true);
    expect(queued.map((c) => c.id)).toEqual(['q0', 'q1']);
    const mine = await until(store.myActiveConversations$('me'), () => true);
    expect(mine.map((c) => c.id).sort()).toEqual(['a1', 'p1']);
    expect((await until(store.contactByPhone$('+5511900000001'), () => true))?.id).toBe('k1');
    expect(await until(store.contactByPhone$('+5511900000002'), () => true)).toBeNull();
    expect(await until(store.agentName$('me'), () => true)).toBe('Joana');
    const templates = await until(store.templatesFor$('ch1', 't1'), () => true);
    expect(templates.map((t) => t.id)).toEqual(['tp-t1', 'tp-all']);
  });
});
