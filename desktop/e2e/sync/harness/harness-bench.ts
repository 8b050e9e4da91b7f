/*
 * The in-page halves of bench/sync-browser.ts: the store's initial sync timed end to end, and a
 * raw Dexie bulkPut of the same message documents as the floor IndexedDB itself sets.
 */
import { Dexie } from 'dexie';
import { filter, firstValueFrom, type Observable } from 'rxjs';
import type { Message } from '@atendo/shared/schemas/message';
import { openDatabase } from '../../../renderer/store/database';
import type { LocalStore } from '../../../renderer/store/local-store';
import type { SyncTransport } from '../../../renderer/store/transport';
import type { BenchSyncResult, FirstScreenOptions, StartOptions } from './harness-api';

export async function benchInitialSync(
  options: StartOptions,
  start: (options: StartOptions) => Promise<LocalStore>,
): Promise<BenchSyncResult> {
  const started = performance.now();
  const store = await start(options);
  await store.awaitInitialSync();
  const ms = performance.now() - started;
  return { ms, messages: await store.db.messages.count().exec() };
}

/** Every message the agent may see, pulled page after page as the store would. */
async function fetchMessages(transport: SyncTransport): Promise<Message[]> {
  const documents: Message[] = [];
  let checkpoint = null;
  for (;;) {
    const page = await transport.pull({ collection: 'messages', checkpoint, limit: 2000 });
    documents.push(...(page.documents as Message[]));
    checkpoint = page.checkpoint;
    if (page.documents.length < 2000) return documents;
  }
}

/** The same messages, fetched first (not timed), then written with raw Dexie bulkPut. */
export async function rawBulkPut(
  transport: SyncTransport,
  chunk: number,
): Promise<BenchSyncResult & { fetchMs: number }> {
  const fetchStart = performance.now();
  const documents = await fetchMessages(transport);
  const fetchMs = performance.now() - fetchStart;
  const db = new Dexie(`raw-bulkput-${String(Date.now())}`);
  // The same primary key and compound index the store's messages collection declares.
  db.version(1).stores({ messages: 'id, [conversationId+createdAt]' });
  await db.open();
  const started = performance.now();
  for (let at = 0; at < documents.length; at += chunk) {
    await db.table('messages').bulkPut(documents.slice(at, at + chunk));
  }
  const ms = performance.now() - started;
  const messages = await db.table('messages').count();
  db.close();
  await Dexie.delete(db.name);
  return { ms, fetchMs, messages };
}

/**
 * The same messages written through RxDB into the store's own messages collection (a fresh
 * database with the store's schemas), without network or replication: what RxDB's write path
 * costs on its own, between the raw bulkPut and the full sync.
 */
export async function rxdbBulkWrite(
  transport: SyncTransport,
  chunk: number,
): Promise<BenchSyncResult> {
  const documents = await fetchMessages(transport);
  const name = `rxdb-bulk-${String(Date.now())}`;
  const db = await openDatabase({ name, devMode: false });
  const started = performance.now();
  for (let at = 0; at < documents.length; at += chunk) {
    await db.messages.bulkUpsert(documents.slice(at, at + chunk));
  }
  const ms = performance.now() - started;
  const messages = await db.messages.count().exec();
  await db.remove();
  return { ms, messages };
}

/**
 * Time from opening the store to the queue and the agent's active list showing their rows
 * from local data (the queries the workspace renders), then to the end of the initial sync.
 */
export async function benchFirstScreen(
  options: FirstScreenOptions,
  start: (options: StartOptions) => Promise<LocalStore>,
): Promise<{ usableMs: number; syncedMs: number; counts: Record<string, number> }> {
  const started = performance.now();
  const store = await start(options);
  const rows = (list$: Observable<readonly unknown[]>, wanted: number) =>
    firstValueFrom(list$.pipe(filter((list) => list.length >= wanted)));
  await Promise.all([
    rows(store.queuedConversations$([options.teamId]), options.queued),
    rows(store.myActiveConversations$(options.agentId), options.active),
  ]);
  const usableMs = performance.now() - started;
  await store.awaitInitialSync();
  const syncedMs = performance.now() - started;
  const counts: Record<string, number> = {};
  for (const name of ['conversations', 'messages', 'contacts', 'directory'] as const) {
    counts[name] = await store.db[name].count().exec();
  }
  return { usableMs, syncedMs, counts };
}
