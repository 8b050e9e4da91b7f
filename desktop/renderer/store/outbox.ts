import type { Subscription } from 'rxjs';
import type { AtendoDatabase } from './database';
import { classifyAttemptFailure, type AttemptFailure } from './outbox-failure';
import { type OutboxKind, type OutboxPayloadMap, type OutboxRecord } from './local-schemas';
import { rebaseContactEdits } from './contact-edits';
import { refusalNotice, sendItem, type StoreNotice } from './outbox-send';
import type { SetTimer } from './stream-hub';
import type { SyncTransport } from './transport';

type Refusal = Extract<AttemptFailure, { kind: 'refused' }>;

export type { StoreNotice } from './outbox-send';

export type OutboxDeps = {
  db: AtendoDatabase;
  transport: SyncTransport;
  now: () => number;
  newId: () => string;
  setTimer: SetTimer;
  retryDelayMs: (attempt: number) => number;
  onNotice: (notice: StoreNotice) => void;
};

export type QueueInput<K extends OutboxKind> = {
  queueKey: string;
  conversationId: K extends 'contact-edit' ? null : string;
  kind: K;
  payload: OutboxPayloadMap[K];
};

/** A retry holds back the rest of its queue until `retryAt`; a refusal does not. */
type Outcome = 'delivered' | 'refused' | 'gone' | { retryAt: number };

/**
 * The persistent outbox. An item is written before anything is sent, so it survives a crash or
 * a restart; the flusher then delivers items one at a time per queue (a conversation, or a
 * contact for edits), oldest first. Messages carry their client id and the server is idempotent
 * on (conversationId, clientId), so re-sending an item the server already accepted is harmless:
 * that is what makes delivery exactly-once across a crash mid-flush.
 */
export function createOutbox(deps: OutboxDeps) {
  const { db } = deps;
  let lastOrder = -1;
  let running: Promise<void> | null = null;
  let again = false;
  let forceNext = false;
  // Read through functions: both flags change while the flusher awaits.
  const isStopped = () => stopped;
  const runAgain = () => again && !stopped;
  let stopped = false;
  let cancelWake: () => void = () => undefined;

  const nextOrder = async (): Promise<number> => {
    if (lastOrder < 0) {
      const newest = await db.outbox.findOne({ selector: {}, sort: [{ order: 'desc' }] }).exec();
      lastOrder = newest?.order ?? 0;
    }
    lastOrder = Math.max(deps.now(), lastOrder + 1);
    return lastOrder;
  };

  async function queue<K extends OutboxKind>(input: QueueInput<K>): Promise<OutboxRecord> {
    const createdAt = deps.now();
    const doc = await db.outbox.insert({
      id: deps.newId(),
      queueKey: input.queueKey,
      conversationId: input.conversationId,
      kind: input.kind,
      payload: input.payload,
      state: 'pending',
      order: await nextOrder(),
      createdAt,
      attempts: 0,
      nextAttemptAt: 0,
      failure: null,
    });
    void flush();
    return doc.toMutableJSON();
  }

  /**
   * Every change to an existing item goes through one queue. The flusher and the arrival watcher
   * both settle items; unserialised, a late "mark sent" could land on an item the watcher had
   * just removed, and leave a ghost "sent" message behind.
   */
  let writes: Promise<unknown> = Promise.resolve();
  const serial = <T>(change: () => Promise<T>): Promise<T> => {
    const result = writes.then(change);
    writes = result.catch(() => undefined);
    return result;
  };

  const patch = (id: string, changes: Partial<OutboxRecord>): Promise<void> =>
    serial(async () => {
      // The item may have been removed meanwhile, when its message arrived through replication.
      const doc = await db.outbox.findOne(id).exec();
      if (doc) await doc.incrementalPatch(changes);
    });

  const removeNow = async (id: string): Promise<void> => {
    const doc = await db.outbox.findOne(id).exec();
    if (doc) await doc.remove();
  };
  const removeItem = (id: string): Promise<void> => serial(() => removeNow(id));

  /** Keeps a sent message in the outbox until replication brings it, so it never blinks out. */
  const markDelivered = (record: OutboxRecord): Promise<void> =>
    serial(async () => {
      const arrived =
        record.conversationId !== null &&
        (await db.messages
          .findOne({ selector: { conversationId: record.conversationId, clientId: record.id } })
          .exec());
      if (record.kind === 'contact-edit' || arrived) {
        await removeNow(record.id);
        return;
      }
      const doc = await db.outbox.findOne(record.id).exec();
      if (doc) await doc.incrementalPatch({ state: 'sent', failure: null });
    });

  async function markRefused(record: OutboxRecord, refusal: Refusal) {
    const { code, message, details } = refusal;
    await patch(record.id, { state: 'failed', failure: { code, message, details } });
    const notice = refusalNotice(record, refusal);
    if (notice.type !== 'message-refused') {
      await serial(() => rebaseContactEdits(db, notice.contactId));
    }
    deps.onNotice(notice);
  }

  async function deliver(record: OutboxRecord): Promise<Outcome> {
    try {
      await sendItem(deps.transport, record);
    } catch (error) {
      if (stopped) return 'gone';
      const failure = classifyAttemptFailure(error);
      if (failure.kind === 'refused') {
        await markRefused(record, failure);
        return 'refused';
      }
      if (!(await db.outbox.findOne(record.id).exec())) return 'gone';
      const nextAttemptAt = deps.now() + deps.retryDelayMs(record.attempts);
      // The last reason stays on the pending item, so the bubble can say why it still waits.
      const lastFailure = { code: failure.code, message: failure.message, details: {} };
      await patch(record.id, {
        attempts: record.attempts + 1,
        nextAttemptAt,
        failure: lastFailure,
      });
      return { retryAt: nextAttemptAt };
    }
    if (stopped) return 'gone';
    await markDelivered(record);
    return 'delivered';
  }

  /**
   * Delivers one queue's items in order. A transient failure holds back the rest of that queue
   * only (order per conversation); a refused item is marked failed and the next one goes on, so
   * a refusal never stalls anything: the failed bubble stays in its place with the reason.
   */
  async function flushQueue(records: OutboxRecord[], now: number, force: boolean): Promise<number> {
    for (const listed of records) {
      if (stopped) return Infinity;
      // Read again: a refusal earlier in this queue may have rebased it, or it was discarded.
      const record = (await db.outbox.findOne(listed.id).exec())?.toMutableJSON();
      if (record?.state !== 'pending') continue;
      if (!force && record.nextAttemptAt > now) return record.nextAttemptAt;
      const outcome = await deliver(record);
      if (typeof outcome === 'object') return outcome.retryAt;
    }
    return Infinity;
  }

  async function flushOnce(force: boolean): Promise<void> {
    const now = deps.now();
    const docs = await db.outbox
      .find({ selector: { state: 'pending' }, sort: [{ order: 'asc' }] })
      .exec();
    const queues = new Map<string, OutboxRecord[]>();
    for (const doc of docs) {
      const list = queues.get(doc.queueKey) ?? [];
      list.push(doc.toMutableJSON());
      queues.set(doc.queueKey, list);
    }
    const wakes = await Promise.all(
      [...queues.values()].map((records) => flushQueue(records, now, force)),
    );
    const wakeAt = Math.min(Infinity, ...wakes);
    if (Number.isFinite(wakeAt) && !stopped) {
      cancelWake();
      cancelWake = deps.setTimer(() => void flush(), Math.max(0, wakeAt - deps.now()));
    }
  }

  /**
   * Runs the flusher; a call while it runs makes it run once more when it ends. `force` skips
   * the backoff: the caller knows the network is back (the stream reconnected, or the agent
   * asked), so waiting out a delay computed while offline would only hold messages back.
   */
  function flush(force = false): Promise<void> {
    if (stopped) return Promise.resolve();
    forceNext ||= force;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const forceThis = forceNext;
        forceNext = false;
        try {
          await flushOnce(forceThis);
        } catch {
          // Storage trouble must not end the flusher for good: try again later, unless closing.
          if (!isStopped()) cancelWake = deps.setTimer(() => void flush(), deps.retryDelayMs(0));
        }
      } while (runAgain());
    })().finally(() => {
      running = null;
    });
    return running;
  }

  /** A message that arrives through replication settles its outbox item, even after a crash. */
  const watchArrivals = (): Subscription =>
    db.messages.$.subscribe((event) => {
      const clientId = event.documentData.clientId;
      if (clientId && event.operation !== 'DELETE')
        void removeItem(clientId).catch(() => undefined);
    });
  const arrivals = watchArrivals();

  async function stop(): Promise<void> {
    stopped = true;
    cancelWake();
    arrivals.unsubscribe();
    // A send in flight is not awaited: the network may hang, and the server's idempotency on
    // the client id makes the retry after the next start harmless.
    await Promise.resolve();
  }

  return { queue, flush, stop };
}

export type Outbox = ReturnType<typeof createOutbox>;
