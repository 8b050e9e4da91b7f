import { call, reopen } from './support/harness-page';
import { eventually, expect, startAs, test } from './support/fixtures';

/* The store recovers by itself: from a server restart, and from an IndexedDB it cannot open. */

test('after a server crash and restart, a new write reaches the store without a reload', async ({
  harness,
  server,
}) => {
  await server.control('open', { id: 'conv-live', teamId: 'team-suporte' });
  await startAs(harness, server);
  await eventually(
    () => call(harness, 'status'),
    (status) => status === 'online',
  );

  await server.kill();
  await eventually(
    () => call(harness, 'status'),
    (status) => status === 'offline',
  );
  await server.restart();
  await server.control('message', { conversationId: 'conv-live', id: 'after-restart-1' });
  await eventually(
    () => call(harness, 'messageIds', 'conv-live'),
    (ids) => ids.includes('after-restart-1'),
    20_000,
  );
  await eventually(
    () => call(harness, 'status'),
    (status) => status === 'online',
  );
  // And the stream is live again, not only the catch-up pull.
  await server.control('message', { conversationId: 'conv-live', id: 'after-restart-2' });
  await eventually(
    () => call(harness, 'messageIds', 'conv-live'),
    (ids) => ids.includes('after-restart-2'),
  );
});

test('an IndexedDB that cannot be opened is wiped and synced again', async ({
  harness,
  server,
}) => {
  await server.control('open', { id: 'conv-wiped', teamId: 'team-suporte' });
  const options = await startAs(harness, server);
  await call(harness, 'saveDraft', 'conv-wiped', 'perdido com a base');
  await call(harness, 'close');
  await call(harness, 'breakDatabase', 'atendo-e2e-ana');
  await server.control('open', { id: 'conv-after-break', teamId: 'team-suporte' });

  await reopen(harness, server.origin);
  await call(harness, 'start', options);
  await call(harness, 'awaitInitialSync');
  expect(await call(harness, 'wipedBecause')).toMatch(/schema|DB6/i);
  const ids = await call(harness, 'conversationIds');
  expect(ids).toEqual(expect.arrayContaining(['conv-wiped', 'conv-after-break']));
  // What lived only on the broken database is gone, as the store documents.
  expect(await call(harness, 'draft', 'conv-wiped')).toBe('');
  await server.control('message', { conversationId: 'conv-wiped', id: 'wiped-live' });
  await eventually(
    () => call(harness, 'messageIds', 'conv-wiped'),
    (ids) => ids.includes('wiped-live'),
  );
  await call(harness, 'saveDraft', 'conv-wiped', 'ainda funciona');
  expect(await call(harness, 'draft', 'conv-wiped')).toBe('ainda funciona');
});
