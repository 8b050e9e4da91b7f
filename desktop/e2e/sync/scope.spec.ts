import type { Page } from '@playwright/test';
import type { RawDocument } from './harness/harness-api';
import { call } from './support/harness-page';
import { eventually, expect, startAs, test } from './support/fixtures';

/*
 * Ana belongs to Suporte only. Whatever the server holds for Vendas must never reach her
 * IndexedDB: checked through the store's queries and by reading IndexedDB with the raw API.
 */

type Stored = { id?: unknown; teamId?: unknown; conversationId?: unknown; _deleted?: unknown };

const stored = (raw: RawDocument[], collection: string): Stored[] =>
  raw.filter((r) => r.database.endsWith(`--${collection}`)).map((r) => r.doc as Stored);

// The Dexie storage keeps `_deleted` as the string '0' or '1' so it can be indexed.
const deleted = (doc: Stored): boolean => doc._deleted === true || doc._deleted === '1';

/** Raw records of the conversation timeline databases that mention Vendas anywhere. */
const mentioningVendas = (raw: RawDocument[]): RawDocument[] =>
  raw.filter(
    (r) =>
      /--(conversations|messages)$/.test(r.database) &&
      JSON.stringify(r.doc).includes('team-vendas'),
  );

async function rawState(page: Page) {
  const raw = await call(page, 'rawDocuments', 'atendo-e2e-ana');
  const conversations = stored(raw, 'conversations');
  const live = conversations.filter((c) => !deleted(c));
  const teamOf = new Map(conversations.map((c) => [c.id, c.teamId]));
  const messages = stored(raw, 'messages');
  return { raw, conversations, live, teamOf, messages };
}

test('Vendas documents never reach an agent of Suporte, and a transfer away removes one live', async ({
  harness,
  server,
}) => {
  await server.control('open', { id: 'conv-sup-queued', teamId: 'team-suporte' });
  await server.control('open', { id: 'conv-ven-queued', teamId: 'team-vendas' });
  await server.control('open', {
    id: 'conv-sup-mine',
    teamId: 'team-suporte',
    state: 'active',
    ownerId: 'agent-ana',
  });
  await server.control('open', {
    id: 'conv-ven-bruno',
    teamId: 'team-vendas',
    state: 'active',
    ownerId: 'agent-bruno',
  });
  await startAs(harness, server);

  const ids = await call(harness, 'conversationIds');
  expect(ids).toEqual(expect.arrayContaining(['conv-sup-queued', 'conv-sup-mine']));
  expect(ids).not.toContain('conv-ven-queued');
  expect(ids).not.toContain('conv-ven-bruno');

  // Live: a Vendas write, then a Suporte one; the stream keeps commit order, so once the second
  // has arrived the first would have too.
  await server.control('open', { id: 'conv-ven-live', teamId: 'team-vendas' });
  await server.control('message', { conversationId: 'conv-ven-bruno', id: 'ven-live-m1' });
  await server.control('open', { id: 'conv-sup-live', teamId: 'team-suporte' });
  await eventually(
    () => call(harness, 'conversationIds'),
    (list) => list.includes('conv-sup-live'),
  );
  expect(await call(harness, 'conversationIds')).not.toContain('conv-ven-live');

  const before = await rawState(harness);
  expect(before.raw.length).toBeGreaterThan(0);
  expect(before.conversations.filter((c) => c.teamId === 'team-vendas')).toEqual([]);
  for (const message of before.messages) {
    expect(before.teamOf.get(message.conversationId), String(message.conversationId)).toBe(
      'team-suporte',
    );
  }
  expect(before.messages.length).toBeGreaterThan(0);
  // The directory names every team (audience `all`); timelines must not mention Vendas at all.
  expect(mentioningVendas(before.raw).map((r) => r.database)).toEqual([]);

  // Transferred to Diego in Vendas: it leaves Ana's store while she is connected.
  await server.control('transfer', {
    conversationId: 'conv-sup-mine',
    agentId: 'agent-diego',
    teamId: 'team-vendas',
  });
  await eventually(
    () => call(harness, 'conversationIds'),
    (list) => !list.includes('conv-sup-mine'),
  );
  expect(await call(harness, 'messageIds', 'conv-sup-mine')).toEqual([]);

  const after = await rawState(harness);
  expect(after.live.filter((c) => c.teamId === 'team-vendas')).toEqual([]);
  expect(after.live.map((c) => c.id)).not.toContain('conv-sup-mine');
  const leftovers = mentioningVendas(after.raw);
  // RxDB keeps a removed document as a tombstone (`_deleted`); see the report in docs/sync.md.
  test.info().annotations.push({
    type: 'tombstones',
    description: JSON.stringify(leftovers.map((r) => [r.database, r.doc])),
  });
  for (const r of leftovers) expect(deleted(r.doc as Stored)).toBe(true);
});
