import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { TOKEN_SECRET_FILE } from './channels/webchat/token-secret';
import { SECRET_KEY_FILE } from './secrets/secret-box';
import { DATABASE_FILE } from './db/database';

export type BackupResult = {
  /** Null when the data lives in PostgreSQL: back it up with pg_dump. */
  database: string | null;
  /** Files copied from the data directory (uploads, the web chat token secret). */
  files: number;
};

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/**
 * Copies what a running server keeps in its data directory into `target`, without stopping it:
 * the SQLite database through SQLite's online backup (a consistent snapshot, the WAL included,
 * which copying the file is not), then the uploaded files and the key that signs web chat
 * visitor tokens (without it every visitor loses their conversation) and the key that seals the
 * channels' secrets (unless ATENDO_SECRET_KEY holds it). The snapshot is taken
 * first: files are never changed once written, so every file it refers to is copied after it.
 */
export async function backupDataDir(
  dataDir: string,
  target: string,
  options: { postgres: boolean },
): Promise<BackupResult> {
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
    throw new BackupError(`${target} is not empty: back up into a new folder`);
  }
  const source = path.join(dataDir, DATABASE_FILE);
  if (!options.postgres && !fs.existsSync(source)) {
    throw new BackupError(`no Atendo database in ${dataDir}`);
  }
  fs.mkdirSync(target, { recursive: true });
  let database: string | null = null;
  if (!options.postgres) {
    database = path.join(target, DATABASE_FILE);
    const sqlite = new SQLite(source, { readonly: true, fileMustExist: true });
    try {
      await sqlite.backup(database);
    } finally {
      sqlite.close();
    }
  }
  let files = 0;
  // The secret key opens the channels' stored credentials: without it they must be typed again.
  for (const name of ['uploads', TOKEN_SECRET_FILE, SECRET_KEY_FILE]) {
    const from = path.join(dataDir, name);
    if (!fs.existsSync(from)) continue;
    fs.cpSync(from, path.join(target, name), { recursive: true, preserveTimestamps: true });
    files += fs.statSync(from).isDirectory() ? countFiles(from) : 1;
  }
  return { database, files };
}

function countFiles(dir: string): number {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .reduce(
      (n, entry) => n + (entry.isDirectory() ? countFiles(path.join(dir, entry.name)) : 1),
      0,
    );
}
