import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { openDatabase } from './database';
import { draftSchema } from './local-schemas';
import { directorySchema } from './replicated-schemas';
import { uniqueName } from './testing/fixtures';
import type { QuickReply } from '@atendo/shared/schemas/quick-reply';
import { until } from './testing/fixtures';
import { closeAllStores, setupStore } from './testing/harness';

afterEach(closeAllStores);

const reply = (id: string, patch: Partial<QuickReply> = {}): QuickReply => ({
  id,
  teamId: 'team-suporte',
  shortcut: id,
  text: 'Olá {{contact.firstName}}!',
  attachment: null,
  active: true,
  updatedAt: 1,
  ...patch,
});

const entry = (r: QuickReply) => ({
  id: `quickReply:${r.id}`,
  type: 'quickReply' as const,
  updatedAt: r.updatedAt,
  quickReply: r,
});

describe('quick replies in the local store', () => {
  it('arrive in the directory (its schema unchanged) and are read per team', async () => {
    const { server, start, close } = setupStore('quick-replies');
    server.put('directory', entry(reply('saudacao')));
    server.put('directory', entry(reply('vendas', { teamId: 'team-vendas' })));
    const store = await start();
    await store.awaitInitialSync();
    const mine = await until(store.quickRepliesFor$(['team-suporte']), (list) => list.length === 1);
    expect(mine[0]).toMatchObject({ shortcut: 'saudacao', text: 'Olá {{contact.firstName}}!' });

    server.put('directory', entry(reply('despedida', { updatedAt: 2 })));
    await until(store.quickRepliesFor$(['team-suporte']), (list) => list.length === 2);
    server.put('directory', entry(reply('saudacao', { updatedAt: 3 })), true);
    const left = await until(store.quickRepliesFor$(['team-suporte']), (list) => list.length === 1);
    expect(left.map((r) => r.shortcut)).toEqual(['despedida']);

    // Kept across a restart: the payload is stored even though the schema does not declare it.
    await close(store);
    const reopened = await start();
    const again = await until(
      reopened.quickRepliesFor$(['team-suporte']),
      (list) => list.length === 1,
    );
    expect(again[0]?.shortcut).toBe('despedida');
  });
});

describe('the directory schema version 1', () => {
  it('migrates a version 0 database in place, keeping entries and drafts', async () => {
    const name = uniqueName('directory-v0');
    const { quickReply: _added, ...properties } = directorySchema.properties;
    const storage = wrappedValidateAjvStorage({ storage: getRxStorageDexie() });
    const old = await createRxDatabase({ name, storage, multiInstance: false });
    const collections = await old.addCollections({
      directory: { schema: { ...directorySchema, version: 0, properties } },
      drafts: { schema: draftSchema },
    });
    await collections.directory.insert({ id: 'agent:a1', type: 'agent', updatedAt: 1 });
    await collections.drafts.insert({ id: 'c1', text: 'Bom dia', updatedAt: 1 });
    await old.close();

    const db = await openDatabase({ name });
    try {
      expect((await db.directory.findOne('agent:a1').exec())?.toJSON()).toMatchObject({
        type: 'agent',
      });
      expect((await db.drafts.findOne('c1').exec())?.toJSON()).toMatchObject({ text: 'Bom dia' });
    } finally {
      await db.close();
    }
  });
});
