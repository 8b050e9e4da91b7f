import pg from 'pg';
import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import { withoutNul } from '../services/storable-text';
import type { DB } from './schema';

/*
 * PostgreSQL through node-postgres, with a pool of exactly one connection.
 *
 * The server was written for SQLite's single connection, and three of its invariants rest on
 * every query and transaction running one after another:
 *  - The change feed's `seq` is commit-ordered. Clients sync `seq > checkpoint`; a bigint
 *    identity is handed out when a row is inserted, not when its transaction commits, so with two
 *    concurrent transactions seq 11 can commit before seq 10 and a client that read up to 11
 *    would never see 10. One connection makes insert order commit order.
 *  - Inbound batching (services/inbound-batch.ts) runs many messages in one transaction with a
 *    savepoint each, assuming nothing else writes meanwhile.
 *  - Per-transaction caches read a row once and trust it for the rest of the transaction.
 * A waiting query queues in the pool exactly as it waits for SQLite's connection mutex. The
 * price is that PostgreSQL serves one query at a time for this server; the gain of PostgreSQL
 * here is a managed, backed-up, replicated database, not parallel writes.
 *
 * A second Atendo server on the same database would break the first invariant the same way, so
 * each server holds a session-level advisory lock on a connection of its own and refuses to
 * start when another holds it.
 */

/** The advisory lock key every Atendo server takes: "ATENDO" as 48 bits. */
export const SERVER_LOCK_KEY = 0x4154_454e_444f;

export class DatabaseInUseError extends Error {
  constructor() {
    super(
      'another Atendo server is using this database (it holds the server lock); ' +
        'run one Atendo server per database',
    );
    this.name = 'DatabaseInUseError';
  }
}

type GetTypeParser = pg.CustomTypesConfig['getTypeParser'];
const { builtins } = pg.types;

/**
 * int8 and numeric arrive as text, because they can exceed a JS number. Epoch milliseconds,
 * `seq`, `count(*)` and `max()` of them never do, and the rest of the server (like SQLite)
 * treats them as numbers; a value past 2^53 fails loudly instead of losing digits. Set on this
 * pool only, not on pg's global table, so other users of pg in the process are unaffected.
 */
export const atendoTypes: pg.CustomTypesConfig = {
  getTypeParser: ((id, format) => {
    if (id === builtins.INT8) return parseSafeInteger;
    if (id === builtins.NUMERIC) return Number;
    return pg.types.getTypeParser(id, format) as unknown;
  }) as GetTypeParser,
};

export function parseSafeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`the database returned ${text}, beyond a safe JS integer`);
  }
  return value;
}

/** The URL without credentials or query: what the logs may show. */
export function describePostgresUrl(url: string): string {
  const parsed = new URL(url);
  const port = parsed.port === '' ? '' : `:${parsed.port}`;
  return `postgres://${parsed.hostname}${port}${parsed.pathname}`;
}

export type PostgresOptions = {
  url: string;
  /**
   * Called when the connection holding the server lock fails: from then on another server
   * could start on the database, so the caller should stop (a supervisor restarts it).
   */
  onLockLost?: (error: Error) => void;
  onPoolError?: (error: Error) => void;
};

/** Takes the server lock, then opens the one-connection pool; both end on `db.destroy()`. */
export async function openPostgres(options: PostgresOptions): Promise<Kysely<DB>> {
  const lock = await takeServerLock(options);
  const pool = new pg.Pool({ connectionString: options.url, max: 1, types: atendoTypes });
  // An idle connection that breaks emits here; unhandled, it would end the process. The pool
  // drops that connection and opens a new one for the next query.
  pool.on('error', (error) => options.onPoolError?.(error));
  const both: PostgresPool = {
    connect: async () => preparing(await pool.connect()),
    end: async () => {
      await pool.end();
      // Unlocked explicitly: the backend drops a session's locks only when its process exits,
      // a moment after the socket closes, and a server restarted at once would find it held.
      await lock.query('select pg_advisory_unlock($1)', [SERVER_LOCK_KEY]);
      await lock.end();
    },
  };
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: both }) });
  // Kysely adopts the pool (and ends it, with the lock, on destroy) at its first query: run one
  // now, which also proves the pool's connection works before the server says it started.
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/** Connects and takes the session-level server lock, or throws DatabaseInUseError. */
async function takeServerLock(options: PostgresOptions): Promise<pg.Client> {
  const lock = new pg.Client({ connectionString: options.url, types: atendoTypes });
  try {
    await lock.connect();
  } catch (error) {
    // pg says only "connect ECONNREFUSED 127.0.0.1:5432" or "password authentication failed":
    // name the database (never the password) so the operator knows which setting to check.
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `cannot connect to PostgreSQL at ${describePostgresUrl(options.url)} (ATENDO_DATABASE_URL): ${reason}`,
      { cause: error },
    );
  }
  try {
    const result = await lock.query<{ locked: boolean }>(
      'select pg_try_advisory_lock($1) as locked',
      [SERVER_LOCK_KEY],
    );
    if (result.rows[0]?.locked !== true) throw new DatabaseInUseError();
  } catch (error) {
    await lock.end();
    throw error;
  }
  lock.on('error', (error) => options.onLockLost?.(error));
  return lock;
}

/** Distinct SQL texts prepared by name; beyond it, new texts run unnamed as before. */
const PREPARED_LIMIT = 1000;
const statementNames = new Map<string, string>();
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

function statementName(text: string): string | undefined {
  const known = statementNames.get(text);
  if (known !== undefined || statementNames.size >= PREPARED_LIMIT || !PREPARABLE.test(text)) {
    return known;
  }
  const name = `atendo_${String(statementNames.size)}`;
  statementNames.set(text, name);
  return name;
}

/**
 * Runs each query as a named prepared statement, so PostgreSQL parses and plans a query text once
 * per connection instead of at every run (as better-sqlite3's statement cache does on SQLite).
 * Names map to texts one to one for the whole process; node-postgres prepares a name on a
 * connection the first time it meets it there. A prepared `select *` fails if its table's
 * columns change under it; the migrations run at start, before any of these, so only a schema
 * altered by hand under a running server would need a restart.
 */
function preparing(client: pg.PoolClient): PostgresPoolClient {
  const known = wrapped.get(client);
  if (known !== undefined) return known;
  const query = (text: string, values: readonly unknown[]) =>
    client.query({ name: statementName(text), text, values: values.map(storableValue) });
  const wrapper = {
    query,
    release: (destroy?: boolean) => {
      client.release(destroy);
    },
  } as unknown as PostgresPoolClient;
  wrapped.set(client, wrapper);
  return wrapper;
}

/**
 * PostgreSQL refuses U+0000 in text, where SQLite stores it. Messages already replace it
 * (services/storable-text.ts); this covers every other string an agent or a contact can send
 * (a contact's name, a template parameter), so a stray NUL never turns a write into an error.
 */
export const storableValue = (value: unknown): unknown =>
  typeof value === 'string' ? withoutNul(value) : value;

// One wrapper per connection: Kysely keeps its own connection object per client it is given.
const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
