import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import * as initial from './migrations/0001-initial';
import * as inboundFiles from './migrations/0002-inbound-files';
import * as queuedMessages from './migrations/0003-queued-messages';
import * as contactClientId from './migrations/0004-contact-client-id';
import * as conversationAddress from './migrations/0005-conversation-address';
import * as privacy from './migrations/0008-privacy';
import * as admin from './migrations/0007-admin';
import * as webchatSessions from './migrations/0010-webchat-sessions';
import * as webchatSessionFields from './migrations/0016-webchat-session-fields';
import { describePostgresUrl, openPostgres, type PostgresOptions } from './postgres';
import type { DB } from './schema';

export type Database = Kysely<DB>;

export const DATABASE_FILE = 'atendo.sqlite';

export type DatabaseSettings = { dataDir: string; databaseUrl: string | null };

/**
 * The database the configuration names: PostgreSQL when ATENDO_DATABASE_URL is set, otherwise
 * the SQLite file in the data directory. Both run the same queries (see dialect.ts for where
 * the SQL differs).
 */
export async function openConfiguredDatabase(
  settings: DatabaseSettings,
  hooks: Omit<PostgresOptions, 'url'> = {},
): Promise<Database> {
  if (settings.databaseUrl === null) return openDatabase(settings.dataDir);
  return openPostgres({ ...hooks, url: settings.databaseUrl });
}

/** Where the data lives, for logs: never the PostgreSQL password. */
export const describeDatabase = (settings: DatabaseSettings): string =>
  settings.databaseUrl === null
    ? `sqlite:${path.join(settings.dataDir, DATABASE_FILE)}`
    : describePostgresUrl(settings.databaseUrl);

/**
 * Opens (creating if needed) the SQLite file in the data directory. WAL lets readers work while
 * a writer commits; busy_timeout makes a second process wait instead of failing at once.
 */
export function openDatabase(dataDir: string): Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const sqlite = new SQLite(path.join(dataDir, DATABASE_FILE));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted or overwritten content is zeroed inside the pages being written anyway (no extra
  // I/O), so an edited or erased contact's old bytes do not linger in free space (LGPD; the
  // erasure itself turns on the full mode, see privacy/secure-delete.ts).
  sqlite.pragma('secure_delete = FAST');
  // The commit that fills the WAL past this many pages copies them into the database file and
  // syncs it, blocking the event loop meanwhile. At SQLite's default (1000 pages, 4 MB) that was
  // most of the time inbound ingest spent committing (one commit in ten took 10 ms, against
  // 0.5 ms for the others); 8000 pages (32 MB) copy each hot page once for eight times as many
  // writes and halved the commit time. Durability is unchanged: every commit still syncs the WAL.
  sqlite.pragma(`wal_autocheckpoint = ${String(WAL_CHECKPOINT_PAGES)}`);
  // A checkpoint rewinds the WAL but leaves the file at its largest size; past this limit it is
  // truncated, so a burst does not leave a WAL of hundreds of megabytes on disk.
  sqlite.pragma(`journal_size_limit = ${String(WAL_SIZE_LIMIT_BYTES)}`);
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
}

const WAL_CHECKPOINT_PAGES = 8000;
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/** Distinct SQL texts kept prepared; `in (?, ?, …)` lists of many lengths must not grow it forever. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely prepares every query anew, and preparing costs about as much as running a small
 * query (a tenth of the server's CPU under inbound load, measured by bench/ingest.ts). Reusing
 * the prepared statement per SQL text is safe here: the dialect runs one query at a time on
 * this connection and finishes each (`all`/`run`) before the next.
 */
function cachingStatements(sqlite: SQLite.Database): SQLite.Database {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, ReturnType<typeof prepare>>();
  const cached = (source: string): ReturnType<typeof prepare> => {
    const known = cache.get(source);
    if (known) return known;
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
    const statement = prepare(source);
    cache.set(source, statement);
    return statement;
  };
  return Object.assign(sqlite, { prepare: cached });
}

// Migrations are listed in code, in order; the names sort as the Migrator applies them.
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-inbound-files': inboundFiles,
  '0003-queued-messages': queuedMessages,
  '0004-contact-client-id': contactClientId,
  '0005-conversation-address': conversationAddress,
  '0008-privacy': privacy,
  '0007-admin': admin,
  '0010-webchat-sessions': webchatSessions,
  '0016-webchat-session-fields': webchatSessionFields,
};

/** Applies every pending migration; throws with the failing migration's error. */
export async function migrate(db: Database): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
    // Numbers were handed out to parallel branches: a database that already ran 0007 and 0008
    // still runs a lower-numbered migration merged later.
    allowUnorderedMigrations: true,
  });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw error instanceof Error ? error : new Error('migration failed', { cause: error });
  }
}
