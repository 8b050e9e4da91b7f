import { map, Subject, type Observable } from 'rxjs';
import type { RxCollection, RxStorage } from 'rxdb';
import type { Actor } from '@atendo/shared/schemas/agent';
import type { Contact, ContactFields } from '@atendo/shared/schemas/contact';
import { DEFAULT_WORKING_SET, type WorkingSetSettings } from '@atendo/shared/sync/working-set';
import { openDatabase, wipeDatabase, type AtendoDatabase } from './database';
import { createDrafts } from './drafts';
import { evictOutsideWorkingSet } from './eviction';
import { writeDocuments } from './store-writes';
import {
  ContactEditPayload,
  type MessageKindToQueue,
  type OutboxPayloadMap,
  type OutboxRecord,
} from './local-schemas';
import { createOutbox, type StoreNotice } from './outbox';
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
  retryDelayMs?: (attempt: number) => number;
  /** How long RxDB waits before retrying a failed pull. */
  pullRetryMs?: number;
  batchSize?: number;
  /** Told when the local database could not be opened and was wiped, so it can be logged. */
  onWiped?: (error: unknown) => void;
  /**
   * The signed-in agent: with it the store evicts what leaves the working set (eviction.ts)
   * after the initial sync and every `evictEveryMs`. Without it nothing is evicted.
   */
  agent?: Actor;
  workingSet?: WorkingSetSettings;
  evictEveryMs?: number;
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
  const notices = new Subject<StoreNotice>();
  const drafts = createDrafts(db, options.now);
  const outbox = createOutbox({
    db,
    transport: options.transport,
    now: options.now,
    newId: options.newId ?? (() => crypto.randomUUID()),
    setTimer,
    retryDelayMs,
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
  const eviction = scheduleEviction(db, options, setTimer, engine.awaitInitialSync);

  async function queueMessage<K extends MessageKindToQueue>(
    input: QueueMessageInput<K>,
  ): Promise<OutboxRecord> {
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
   * failed outbox item until dismissed, so nothing typed is lost silently. Edits are never
   * applied to the replicated contact itself; `pendingContactEdits$` lets the UI overlay them.
   * The server replaces every field, so the edit sends what was typed over the version it was
   * typed on. A second edit queued behind an unsent one builds on the first: its fields, and the
   * version the first will create.
   */
  async function editContact(
    contactId: string,
    typed: Partial<ContactFields>,
  ): Promise<OutboxRecord> {
    const contact = await db.contacts.findOne(contactId).exec();
    if (!contact) throw new Error(`Contact ${contactId} is not in the local store.`);
    const queueKey = `contact:${contactId}`;
    const before = await db.outbox
      .findOne({ selector: { queueKey, state: 'pending' }, sort: [{ order: 'desc' }] })
      .exec();
    const earlier = before ? ContactEditPayload.safeParse(before.payload) : null;
    const { name, phones, emails, addresses, customFields } = contact.toMutableJSON();
    const seen: ContactFields = earlier?.success
      ? earlier.data.fields
      : { name, phones, emails, addresses, customFields };
    const baseVersion = earlier?.success
      ? Math.max(contact.version, earlier.data.baseVersion + 1)
      : contact.version;
    return outbox.queue({
      queueKey,
      conversationId: null,
      kind: 'contact-edit',
      payload: { contactId, baseVersion, typed, fields: { ...seen, ...typed } },
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

  async function dismissOutboxItem(clientId: string): Promise<void> {
    const doc = await db.outbox.findOne(clientId).exec();
    if (doc?.state === 'failed') await doc.remove();
  }

  async function close(): Promise<void> {
    await eviction.stop();
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
    pendingContactEdits$: (contactId: string) => outboxItems$(`contact:${contactId}`),
    retryOutboxItem,
    dismissOutboxItem,
    editContact,
    /**
     * Keeps contacts the server found (a search beyond the local store) as replication would;
     * eviction drops them again once no conversation refers to them and the cache is full.
     */
    rememberContacts: (contacts: readonly Contact[]) =>
      writeDocuments(
        db.contacts as unknown as RxCollection<unknown>,
        contacts.map((c) => ({ ...c, _deleted: false })),
        false,
      ),
    /** Evicts what has left the working set now (also run on a timer); needs `agent`. */
    evict: eviction.run,
    saveDraft: drafts.saveDraft,
    clearDraft: drafts.clearDraft,
    draft$: drafts.draft$,
    ...createQueries(db),
    close,
  };
}

export type LocalStore = Awaited<ReturnType<typeof createLocalStore>>;

/** Documents outside every held conversation kept for later (contacts found by a search). */
const CACHED_CONTACTS = 1_000;
const DEFAULT_EVICT_EVERY_MS = 15 * 60_000;
const FIRST_EVICTION_MS = 30_000;

/** Eviction after the initial sync and then periodically; one pass at a time. */
function scheduleEviction(
  db: AtendoDatabase,
  options: LocalStoreOptions,
  setTimer: SetTimer,
  initialSync: () => Promise<void>,
) {
  const { agent } = options;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let cancel: () => void = () => undefined;
  const run = async () => {
    if (agent === undefined || stopped) return null;
    const pass = running.then(() =>
      evictOutsideWorkingSet({
        db,
        agent,
        now: options.now(),
        settings: options.workingSet ?? DEFAULT_WORKING_SET,
        cachedContacts: CACHED_CONTACTS,
      }),
    );
    running = pass.catch(() => undefined);
    return pass;
  };
  const every = options.evictEveryMs ?? DEFAULT_EVICT_EVERY_MS;
  const tick = (ms: number) => {
    cancel = setTimer(() => {
      void run().finally(() => {
        tick(every);
      });
    }, ms);
  };
  // The first pass waits a little after the initial sync, off the first screen's path.
  initialSync().then(
    () => {
      if (agent !== undefined) tick(FIRST_EVICTION_MS);
    },
    () => undefined,
  );
  return {
    run,
    stop: async () => {
      stopped = true;
      cancel();
      await running;
    },
  };
}
