import type { Page } from '@playwright/test';
import { call, reopen } from './support/harness-page';
import { eventually, expect, startAs, test } from './support/fixtures';
import type { ServerProcess } from './support/server-process';

/*
 * Messages typed without a server are kept in IndexedDB, survive an app restart (a page
 * reload), and reach the server exactly once and in order, even when the server dies after
 * committing one of them and before answering.
 */

type ServerMessage = { id: string; body: string; clientId: string | null };

const CONVERSATION = 'conv-outbox';
const sent = async (server: ServerProcess): Promise<ServerMessage[]> =>
  (await server.control<ServerMessage[]>('messages', { conversationId: CONVERSATION })).filter(
    (m) => m.clientId !== null,
  );

async function ownConversation(page: Page, server: ServerProcess): Promise<void> {
  await server.control('open', {
    id: CONVERSATION,
    teamId: 'team-suporte',
    state: 'active',
    ownerId: 'agent-ana',
  });
  await startAs(page, server);
  expect(await call(page, 'conversationIds')).toContain(CONVERSATION);
}

async function queueThree(page: Page): Promise<string[]> {
  const ids: string[] = [];
  for (const body of ['primeira', 'segunda', 'terceira']) {
    ids.push(await call(page, 'queueText', CONVERSATION, body));
  }
  return ids;
}

/** After a reload the store is started again on the same database, as the app does at launch. */
async function restartApp(page: Page, server: ServerProcess, token: string): Promise<void> {
  await reopen(page, server.origin);
  await call(page, 'start', { name: 'atendo-e2e-ana', token });
}

async function expectDeliveredOnce(page: Page, server: ServerProcess, clientIds: string[]) {
  const messages = await eventually(
    () => sent(server),
    (list) => list.length >= 3,
    20_000,
  );
  expect(messages.map((m) => m.clientId)).toEqual(clientIds);
  expect(messages.map((m) => m.body)).toEqual(['primeira', 'segunda', 'terceira']);
  // Each item leaves the outbox once its message has come back through replication.
  await eventually(
    () => call(page, 'outbox', CONVERSATION),
    (items) => items.length === 0,
  );
  const ids = await call(page, 'messageIds', CONVERSATION);
  for (const message of messages) expect(ids).toContain(message.id);
  expect(await sent(server)).toHaveLength(3);
}

test('queued offline, app restarted offline, delivered once in order when back online', async ({
  harness,
  server,
}) => {
  await ownConversation(harness, server);
  const token = await server.token('ana@atendo.demo');
  await harness.context().setOffline(true);
  // Chromium's offline mode leaves an open websocket alone, but every send (HTTP) fails.
  const clientIds = await queueThree(harness);

  await restartApp(harness, server, token);
  const kept = await call(harness, 'outbox', CONVERSATION);
  expect(kept.map((item) => [item.clientId, item.state])).toEqual(
    clientIds.map((id) => [id, 'pending']),
  );
  expect(await sent(server)).toEqual([]);

  await harness.context().setOffline(false);
  await expectDeliveredOnce(harness, server, clientIds);
});

test('the server dies after committing the second message, unanswered: still exactly once', async ({
  harness,
  server,
}) => {
  await ownConversation(harness, server);
  const token = await server.token('ana@atendo.demo');
  // The second send kills the server right after its transaction committed.
  await server.control('crash-on-send', { nth: 2 });
  const clientIds = await queueThree(harness);
  await server.exited();

  // The app restarts while the server is still down; the unanswered items are kept.
  await restartApp(harness, server, token);
  // The third was never answered. The second may have come back through the stream before
  // the crash (the commit wakes streams before the channel send), which confirms it already.
  const kept = (await call(harness, 'outbox', CONVERSATION)).map((item) => item.clientId);
  expect(kept.at(-1)).toBe(clientIds[2]);
  expect(clientIds.slice(1)).toEqual(expect.arrayContaining(kept));

  await server.restart();
  await expectDeliveredOnce(harness, server, clientIds);
});
