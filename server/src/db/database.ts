import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import * as initial from './migrations/0001-initial';
import * as inboundFiles from './migrations/0002-inbound-files';
import type { DB } from './schema';

export type Database = Kysely<DB>;

export const DATABASE_FILE = 'atendo.sqlite';

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
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
}

// Migrations are listed in code, in order; the names sort as the Migrator applies them.
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-inbound-files': inboundFiles,
};

/** Applies every pending migration; throws with the failing migration's error. */
export async function migrate(db: Database): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
  });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw error instanceof Error ? error : new Error('migration failed', { cause: error });
  }
}
