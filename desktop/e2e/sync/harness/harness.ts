/*
 * The sync harness: the REAL local store (RxDB on Dexie/IndexedDB, pulls over tRPC HTTP and the
 * live stream's websocket) in a plain Chromium page served on the server's origin, driven by
 * the Playwright specs and the benchmark through `window.harness`. No UI: the specs check data.
 */
import { firstValueFrom } from 'rxjs';
import { createLocalStore, type LocalStore } from '../../../renderer/store/local-store';
import { createTrpcTransport } from '../../../renderer/store/trpc-transport';
import type { SyncTransport } from '../../../renderer/store/transport';
import { benchFirstScreen, benchInitialSync, rawBulkPut, rxdbBulkWrite } from './harness-bench';
import type {
  HarnessApi,
  HarnessWindow,
  OutboxView,
  RawDocument,
  StartOptions,
} from './harness-api';
import { breakDatabase, databaseNames, rawDocuments } from './raw-indexeddb';

let store: LocalStore | null = null;
let status = 'none';
let wipedBecause: string | null = null;
const arrivals = new Map<string, number>();

export function transportFor(token: string): SyncTransport {
  return createTrpcTransport({ serverUrl: location.origin, getToken: () => token });
}

export async function startStore(options: StartOptions): Promise<LocalStore> {
  const started = await createLocalStore({
    name: options.name,
    transport: transportFor(options.token),
    now: () => Date.now(),
    batchSize: options.batchSize,
    agent: options.agent,
    // Short retries keep the recovery specs quick; the backoff shape is the store's own.
    retryDelayMs: (attempt) => Math.min(2_000, 100 * 2 ** Math.min(attempt, 5)),
    pullRetryMs: 500,
    onWiped: (error) => {
      wipedBecause = error instanceof Error ? error.message : String(error);
    },
  });
  started.status$.subscribe((next) => {
    status = next;
    setState();
  });
  // Live-latency benchmark: when each message document first lands in the store.
  started.db.messages.insert$.subscribe((event) => {
    arrivals.set(event.documentId, Date.now());
  });
  store = started;
  return started;
}

function current(): LocalStore {
  if (store === null) throw new Error('harness.start() first');
  return store;
}

function setState(): void {
  const element = document.getElementById('state');
  if (element) element.textContent = status;
}

const ids = (docs: { primary: string }[]): string[] => docs.map((doc) => doc.primary);

const harness: HarnessApi = {
  start: async (options) => {
    await startStore(options);
  },
  awaitInitialSync: () => current().awaitInitialSync(),
  status: () => status,
  wipedBecause: () => wipedBecause,
  conversationIds: async () =>
    ids(
      await current()
        .db.conversations.find({ sort: [{ id: 'asc' }] })
        .exec(),
    ),
  messageIds: async (conversationId) =>
    ids(
      await current()
        .db.messages.find({ selector: { conversationId }, sort: [{ createdAt: 'asc' }] })
        .exec(),
    ),
  count: (collection) => current().db[collection].count().exec(),
  queueText: async (conversationId, body) => {
    const record = await current().queueMessage({
      conversationId,
      kind: 'text',
      payload: { body },
    });
    return record.id;
  },
  outbox: async (conversationId): Promise<OutboxView[]> => {
    const items = await firstValueFrom(current().conversationOutbox$(conversationId));
    return items.map((item) => ({
      clientId: item.id,
      state: item.state,
      body: 'body' in item.payload ? String(item.payload.body) : '',
    }));
  },
  saveDraft: (conversationId, text) => current().saveDraft(conversationId, text),
  draft: (conversationId) => firstValueFrom(current().draft$(conversationId)),
  rawDocuments: (name): Promise<RawDocument[]> => rawDocuments(name),
  databaseNames,
  breakDatabase,
  close: async () => {
    await store?.close();
    store = null;
  },
  bench: {
    initialSync: (options) => benchInitialSync(options, startStore),
    rawBulkPut: (token, chunk) => rawBulkPut(transportFor(token), chunk),
    rxdbBulkWrite: (token, chunk) => rxdbBulkWrite(transportFor(token), chunk),
    firstScreen: (options) => benchFirstScreen(options, startStore),
    evict: async () => {
      const plan = await current().evict();
      return {
        conversations: plan?.conversationIds.length ?? 0,
        contacts: plan?.contactIds.length ?? 0,
      };
    },
    arrivals: (wanted) => Promise.resolve(wanted.map((id) => arrivals.get(id) ?? null)),
    openConversation: async (conversationIds) => {
      const times: number[] = [];
      for (const id of conversationIds) {
        const started = performance.now();
        const messages = await firstValueFrom(current().latestMessages$(id, 50));
        times.push(performance.now() - started);
        if (messages.length === 0) throw new Error(`no messages for ${id}`);
      }
      return times;
    },
  },
};
// What the specs call; see support/harness-page.ts.
(window as unknown as HarnessWindow).harness = harness;
status = 'ready';
setState();
