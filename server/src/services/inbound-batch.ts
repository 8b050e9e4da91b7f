import { CompiledQuery } from 'kysely';
import type { Deps, Tx } from './deps';

/*
 * Group commit for inbound messages. Under load every webhook is its own transaction, and each
 * commit waits for the disk (WAL fsync): that, not the SQL, caps how many messages per second
 * the server can take. Inbound work that arrives while a transaction runs waits for the next
 * one and shares it; each piece runs inside its own savepoint, so one that fails is rolled
 * back alone and rejects only its caller. Nothing is acknowledged before its commit.
 */

/** Enough to amortise the commit; small enough that one transaction stays short. */
const MAX_BATCH = 64;

// Compiled once: each message runs two of them, and the `sql` tag compiles on every run.
const SAVEPOINT = CompiledQuery.raw('savepoint inbound');
const RELEASE = CompiledQuery.raw('release inbound');
const ROLLBACK = CompiledQuery.raw('rollback to inbound');

type Job = {
  work: (trx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const batchers = new WeakMap<Deps, (job: Job) => void>();

/** Runs `work` in a transaction shared with other inbound work queued meanwhile. */
export function inInboundTransaction<T>(deps: Deps, work: (trx: Tx) => Promise<T>): Promise<T> {
  let enqueue = batchers.get(deps);
  if (enqueue === undefined) {
    enqueue = createBatcher(deps);
    batchers.set(deps, enqueue);
  }
  const submit = enqueue;
  return new Promise<T>((resolve, reject) => {
    submit({
      work,
      resolve: (value) => {
        resolve(value as T);
      },
      reject,
    });
  });
}

function createBatcher(deps: Deps): (job: Job) => void {
  const pending: Job[] = [];
  let draining = false;
  const drain = async (): Promise<void> => {
    while (pending.length > 0) {
      const batch = pending.splice(0, MAX_BATCH);
      const outcomes = await runBatch(deps, batch);
      deps.feed.notify();
      batch.forEach((job, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok) job.resolve(outcome.value);
        else job.reject(outcome?.error ?? new Error('inbound batch lost a job'));
      });
    }
    draining = false;
  };
  return (job) => {
    pending.push(job);
    if (draining) return;
    draining = true;
    // Let the webhooks already read in this turn of the event loop join the first batch.
    setImmediate(() => void drain());
  };
}

async function runBatch(deps: Deps, batch: Job[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  try {
    await deps.db.transaction().execute(async (trx) => {
      for (const job of batch) {
        await trx.executeQuery(SAVEPOINT);
        try {
          const value = await job.work(trx);
          await trx.executeQuery(RELEASE);
          outcomes.push({ ok: true, value });
        } catch (error) {
          await trx.executeQuery(ROLLBACK);
          await trx.executeQuery(RELEASE);
          outcomes.push({ ok: false, error });
        }
      }
    });
    return outcomes;
  } catch (error) {
    // The commit itself failed: nothing of the batch was stored.
    return batch.map(() => ({ ok: false, error }));
  }
}
