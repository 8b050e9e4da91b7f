import type { Kysely } from 'kysely';
import type { AccessAction, AccessEntityType, AccessOutcome } from '@atendo/shared/schemas/privacy';
import type { DB } from '../db/schema';
import type { Logger } from '../logger';

/** One line of the access log as services report it. */
export type AccessRecord = {
  at: number;
  agentId: string | null;
  action: AccessAction;
  entityType: AccessEntityType;
  entityId: string | null;
  contactId: string | null;
  conversationId: string | null;
  outcome: AccessOutcome;
  reason: string | null;
  ip: string | null;
};

/**
 * The access log's writer. Allowed reads are queued and written in batches after the answer has
 * gone (one insert for many reads, off the read's path); refusals and privacy actions are
 * written before the caller answers, so a refused attempt is on disk before the agent hears
 * "no". A write that fails is logged with its entries at error level and retried, never
 * dropped without a word.
 */
export type AccessLog = {
  /** Queues an allowed read for the next batch. */
  record(entry: AccessRecord): void;
  /** Writes now and resolves once stored (or once the failure has been logged). */
  recordNow(entry: AccessRecord): Promise<void>;
  /** Writes everything queued so far. */
  flush(): Promise<void>;
};

export type AccessLogOptions = {
  /** How long a queued read may wait for its batch. */
  delayMs?: number;
  /** A batch this large is written at once. */
  batchSize?: number;
  /** Entries kept for retry when the database refuses them; beyond it the oldest are logged and dropped. */
  maxQueued?: number;
};

const ROWS_PER_INSERT = 100;

const toRow = (e: AccessRecord) => ({
  at: e.at,
  agent_id: e.agentId,
  action: e.action,
  entity_type: e.entityType,
  entity_id: e.entityId,
  contact_id: e.contactId,
  conversation_id: e.conversationId,
  outcome: e.outcome,
  reason: e.reason,
  ip: e.ip,
});

export async function insertAccessRecords(
  db: Kysely<DB>,
  entries: readonly AccessRecord[],
): Promise<void> {
  for (let start = 0; start < entries.length; start += ROWS_PER_INSERT) {
    const rows = entries.slice(start, start + ROWS_PER_INSERT).map(toRow);
    await db.insertInto('access_log').values(rows).execute();
  }
}

export function createAccessLog(
  db: Kysely<DB>,
  logger: Logger,
  options: AccessLogOptions = {},
): AccessLog {
  const delayMs = options.delayMs ?? 250;
  const batchSize = options.batchSize ?? 200;
  const maxQueued = options.maxQueued ?? 50_000;
  let queue: AccessRecord[] = [];
  let timer: NodeJS.Timeout | null = null;
  // Batches are written one after another, so a retry never overtakes newer entries.
  let writing: Promise<void> = Promise.resolve();

  const writeBatch = async (): Promise<void> => {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    try {
      await insertAccessRecords(db, batch);
    } catch (error) {
      logger.error(
        { err: error, entries: batch },
        'access log: writing a batch failed; will retry',
      );
      queue = [...batch, ...queue];
      if (queue.length > maxQueued) {
        const dropped = queue.splice(0, queue.length - maxQueued);
        logger.error({ entries: dropped }, 'access log: queue full, entries only in this log');
      }
      schedule();
    }
  };

  const flush = (): Promise<void> => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    writing = writing.then(writeBatch);
    return writing;
  };

  function schedule(): void {
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, delayMs);
    // A pending batch never keeps a stopping process alive; shutdown flushes explicitly.
    timer.unref();
  }

  return {
    record: (entry) => {
      queue.push(entry);
      if (queue.length >= batchSize) void flush();
      else schedule();
    },
    recordNow: async (entry) => {
      try {
        await insertAccessRecords(db, [entry]);
      } catch (error) {
        logger.error({ err: error, entry }, 'access log: writing an entry failed');
        queue.push(entry);
        schedule();
      }
    },
    flush,
  };
}
