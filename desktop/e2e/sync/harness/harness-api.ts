import type { Actor } from '@atendo/shared/schemas/agent';

/**
 * What the harness page exposes on `window.harness`, shared by the page and the Node helpers
 * that drive it through Playwright (types only on the Node side).
 */

export type StartOptions = {
  /** The local database name, one per agent as in the app. */
  name: string;
  token: string;
  batchSize?: number;
  /** The signed-in agent, so the store evicts what leaves its working set. */
  agent?: Actor;
};

export type FirstScreenOptions = StartOptions & {
  teamId: string;
  agentId: string;
  queued: number;
  active: number;
};

export type OutboxView = { clientId: string; body: string; state: string };

export type RawDocument = { database: string; store: string; doc: unknown };

export type BenchSyncResult = { ms: number; messages: number };

export type HarnessApi = {
  start(options: StartOptions): Promise<void>;
  awaitInitialSync(): Promise<void>;
  status(): string;
  /** The error message the store reported when it had to wipe the database, if it did. */
  wipedBecause(): string | null;
  conversationIds(): Promise<string[]>;
  messageIds(conversationId: string): Promise<string[]>;
  count(collection: 'conversations' | 'messages' | 'contacts'): Promise<number>;
  queueText(conversationId: string, body: string): Promise<string>;
  outbox(conversationId: string): Promise<OutboxView[]>;
  saveDraft(conversationId: string, text: string): Promise<void>;
  draft(conversationId: string): Promise<string>;
  /** Every record of every IndexedDB database behind this store, read with the raw API. */
  rawDocuments(name: string): Promise<RawDocument[]>;
  databaseNames(): Promise<string[]>;
  /** Makes the existing database incompatible with this build (see raw-indexeddb.ts). */
  breakDatabase(name: string): Promise<void>;
  close(): Promise<void>;
  /** Benchmarks: see bench/sync-browser.ts. */
  bench: {
    initialSync(options: StartOptions): Promise<BenchSyncResult>;
    rawBulkPut(token: string, chunk: number): Promise<BenchSyncResult & { fetchMs: number }>;
    rxdbBulkWrite(token: string, chunk: number): Promise<BenchSyncResult>;
    /** Arrival time (page Date.now()) of each message id seen inserted since start. */
    arrivals(ids: string[]): Promise<(number | null)[]>;
    openConversation(ids: string[]): Promise<number[]>;
    firstScreen(options: FirstScreenOptions): Promise<{
      usableMs: number;
      syncedMs: number;
      counts: Record<string, number>;
    }>;
    /** Runs the store's eviction now and returns how many conversations and contacts went. */
    evict(): Promise<{ conversations: number; contacts: number }>;
  };
};

export type HarnessWindow = { harness: HarnessApi };
