import { firstValueFrom, map, Subject, type Observable } from 'rxjs';
import type { RxStorage } from 'rxdb';
import type { ContactFields } from '@atendo/shared/schemas/contact';
import { openDatabase, wipeDatabase, type AtendoDatabase } from './database';
import { createDrafts } from './drafts';
import { contactQueueKey, newContactEdit } from './contact-edits';
import { type MessageKindToQueue, type OutboxPayloadMap, type OutboxRecord } from './local-schemas';
import { createOutbox, type StoreNotice } from './outbox';
import { jitteredBackoff } from './outbox-failure';
import { ensureSendable, outboxOutcome } from './outbox-outcome';
import { createMessageSearch } from './message-search';
import { createQueries } from './queries';
import { exponentialBackoff, realTimer, type SetTimer } from './stream-hub';
import { startSyncEngine } from './sync-engine';
import type { SyncTransport } from './transport';

/**
 * Documents per pull page. The protocol's maximum: the benchmark (bench/README.md) measured the
 * 100k-message initial sync 18 % faster than with pages of 200, because RxDB's per-write overhead
 * is paid once per page.
 */
const DEFAULT_PULL_BATCH = 2000;
export type LocalStoreOptions = {
  /** One database per agent and server, e.g. `atendo-<serverHash>-<agentId>`. */
  name: string;
  transport: SyncTransport;
  now: () => number;
  storage?: RxStorage<unknown, unknown>;
  newId?: () => string;
  /** Dev-mode checks; only ever on in development (`import.meta.env.DEV`), default on there. */
  devMode?: boolean;
  setTimer?: SetTimer;
  /** Both the sync engine's and the outbox's backoff; by default the outbox's has jitter. */
  retryDelayMs?: (attempt: number) => number;
  /** The outbox backoff's jitter (Math.random by default). */
  random?: () => number;
  /** How long RxDB waits before retrying a failed pull. */
  pullRetryMs?: number;
  batchSize?: number;
  /** Told when the local database could not be opened and was wiped, so it can be logged. */
  onWiped?: (error: unknown) => void;
};

export type QueueMessageInput<K extends MessageKindToQueue> = {
  conversationId: string;
  kind: K;
  payload: OutboxPayloadMap[K];
};

/**
 * Opens the database; when IndexedDB cannot open it (a known Electron failure after a crash or
 * a disk problem) the local copy is wiped and created again rather than leaving the agent with a
 * dead window. Everything replicated comes back from the server; what is lost is only what never
 * left this machine (unsent outbox items and drafts), which a broken database had lost anyway.
 */
async function openOrWipe(options: LocalStoreOptions): Promise<AtendoDatabase> {
  const open = () =>
    openDatabase({ name: options.name, storage: options.storage, devMode: options.devMode });
  try {
    return await open();
  } catch (error) {
    options.onWiped?.(error);
    await wipeDatabase(options.name, options.storage);
    return open();
  }
}

export async function createLocalStore(options: LocalStoreOptions) {
  const db = await openOrWipe(options);
  const setTimer = options.setTimer ?? realTimer;
  const retryDelayMs = options.retryDelayMs ?? exponentialBackoff;
  const random = options.random ?? Math.random;
  const outboxRetryMs = options.retryDelayMs ?? ((attempt) => jitteredBackoff(attempt, random));
  const notices = new Subject<StoreNotice>();
  const drafts = createDrafts(db, options.now);
  const search = createMessageSearch(db);
  const outbox = createOutbox({
    db,
    transport: options.transport,
    now: options.now,
    newId: options.newId ?? (() => crypto.randomUUID()),
    setTimer,
    retryDelayMs: outboxRetryMs,
    onNotice: (notice) => {
      notices.next(notice);
    },
  });
  const engine = startSyncEngine({
    db,
    transport: options.transport,
    batchSize: options.batchSize ?? DEFAULT_PULL_BATCH,
    pullRetryMs: options.pullRetryMs ?? 5_000,
    retryDelayMs,
    setTimer,
    onConnected: () => void outbox.flush(true),
  });
  // Items left by the previous session go out as soon as possible, stream or not.
  void outbox.flush(true);

  /** A message that could never be sent is refused here, with the field, before it is queued. */
  async function queueMessage<K extends MessageKindToQueue>(
    input: QueueMessageInput<K>,
  ): Promise<OutboxRecord> {
    ensureSendable(input);
    const record = await outbox.queue<MessageKindToQueue>({
      ...input,
      queueKey: input.conversationId,
    });
    if (input.kind === 'text') await drafts.clearDraft(input.conversationId);
    return record;
  }

  /**
   * Conflict rule for contact edits: the edit records the contact version it was typed on and
   * waits in the outbox until the server takes it. If someone else changed the contact
   * meanwhile, the server refuses with 'conflict', THE SERVER VERSION WINS (replication brings
   * it), and the agent gets a 'contact-conflict' notice with the fields they typed, kept on the
   * failed outbox item until dismissed, so nothing typed is lost silently. Any other refusal
   * ends the edit as failed with a 'contact-refused' notice; either way the edits queued behind
   * it are rebuilt on the contact as it is (contact-edits.ts). Edits are never applied to the
   * replicated contact itself; `pendingContactEdits$` lets the UI overlay them.
   */
  async function editContact(
    contactId: string,
    typed: Partial<ContactFields>,
  ): Promise<OutboxRecord> {
    return outbox.queue({
      queueKey: contactQueueKey(contactId),
      conversationId: null,
      kind: 'contact-edit',
      payload: await newContactEdit(db, contactId, typed),
    });
  }

  const outboxItems$ = (queueKey: string): Observable<OutboxRecord[]> =>
    db.outbox
      .find({ selector: { queueKey }, sort: [{ order: 'asc' }] })
      .$.pipe(map((docs) => docs.map((doc) => doc.toMutableJSON())));

  /** Refused items wait for the agent: `retry` after fixing the cause, or `dismiss`. */
  async function retryOutboxItem(clientId: string): Promise<void> {
    const doc = await db.outbox.findOne(clientId).exec();
    if (doc?.state !== 'failed') return;
    await doc.incrementalPatch({ state: 'pending', failure: null, attempts: 0, nextAttemptAt: 0 });
    await outbox.flush();
  }

  /**
   * Takes a failed text back into the composer to be edited: its body goes into the
   * conversation's draft (after what is already typed) and the failed item is removed.
   */
  async function editOutboxItem(clientId: string): Promise<void> {
    const doc = await db.outbox.findOne(clientId).exec();
    const body = doc?.payload['body'];
    if (doc?.state !== 'failed' || doc.conversationId === null || typeof body !== 'string') return;
    const typed = await firstValueFrom(drafts.draft$(doc.conversationId));
    await drafts.saveDraft(doc.conversationId, typed.trim() === '' ? body : `${typed}\n${body}`);
    await doc.remove();
  }

  async function dismissOutboxItem(clientId: string): Promise<void> {
    const doc = await db.outbox.findOne(clientId).exec();
    if (doc?.state === 'failed') await doc.remove();
  }

  async function close(): Promise<void> {
    search.stop();
    await outbox.stop();
    await engine.stop();
    notices.complete();
    await db.close();
  }

  return {
    db,
    status$: engine.status$,
    awaitInitialSync: engine.awaitInitialSync,
    resync: engine.resync,
    notices$: notices.asObservable(),
    queueMessage,
    /** Tries every pending item now, ignoring backoff (a "retry now" for the agent). */
    flushOutbox: () => outbox.flush(true),
    /** The outbox of a conversation: queued, sent-not-yet-replicated and refused messages. */
    conversationOutbox$: (conversationId: string) => outboxItems$(conversationId),
    pendingContactEdits$: (contactId: string) => outboxItems$(contactQueueKey(contactId)),
    outboxOutcome: (clientId: string, waitMs: number) =>
      outboxOutcome(db, setTimer, clientId, waitMs),
    retryOutboxItem,
    dismissOutboxItem,
    editOutboxItem,
    editContact,
    /** The listed conversations with a stored message containing the text (any message). */
    conversationsMatching: search.conversationsMatching,
    saveDraft: drafts.saveDraft,
    clearDraft: drafts.clearDraft,
    draft$: drafts.draft$,
    ...createQueries(db),
    close,
  };
}

export type LocalStore = Awaited<ReturnType<typeof createLocalStore>>;
