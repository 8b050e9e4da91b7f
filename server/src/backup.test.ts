import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDataDir, BackupError } from './backup';
import { DATABASE_FILE, migrate, openDatabase, type Database } from './db/database';

const folders: string[] = [];
const databases: Database[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.destroy();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

const folder = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-backup-'));
  folders.push(dir);
  return dir;
};

/** A data directory as a running server leaves it: the database open, its last writes in the WAL. */
async function runningDataDir(): Promise<string> {
  const dir = folder();
  const db = openDatabase(dir);
  databases.push(db);
  await migrate(db);
  await db
    .insertInto('teams')
    .values({
      id: 'team-after-checkpoint',
      name: 'Escrita recente',
      disposition_required: 0,
      csat_enabled: 0,
      csat_timeout_ms: 0,
      updated_at: 1,
    })
    .execute();
  fs.mkdirSync(path.join(dir, 'uploads', 'whatsapp'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'uploads', 'whatsapp', 'photo-1'), 'bytes of a photo');
  fs.writeFileSync(path.join(dir, 'webchat-token-secret'), 'a'.repeat(64));
  fs.writeFileSync(path.join(dir, 'secret-key'), 'b'.repeat(64), { mode: 0o600 });
  return dir;
}

describe('backupDataDir', () => {
  it('copies the open database with its latest writes, the uploads and the token secret', async () => {
    const dir = await runningDataDir();
    // The write is still in the WAL: a copy of the database file alone would miss it.
    expect(fs.statSync(path.join(dir, `${DATABASE_FILE}-wal`)).size).toBeGreaterThan(0);
    const target = path.join(folder(), 'backup');

    expect(await backupDataDir(dir, target, { postgres: false })).toEqual({
      database: path.join(target, DATABASE_FILE),
      files: 3,
    });
    const copy = new SQLite(path.join(target, DATABASE_FILE), { readonly: true });
    try {
      const team = copy.prepare('select name from teams where id = ?').get('team-after-checkpoint');
      expect(team).toEqual({ name: 'Escrita recente' });
    } finally {
      copy.close();
    }
    expect(fs.readFileSync(path.join(target, 'uploads', 'whatsapp', 'photo-1'), 'utf8')).toBe(
      'bytes of a photo',
    );
    expect(fs.readFileSync(path.join(target, 'webchat-token-secret'), 'utf8')).toHaveLength(64);
    expect(fs.readFileSync(path.join(target, 'secret-key'), 'utf8')).toBe('b'.repeat(64));
    expect(fs.statSync(path.join(target, 'secret-key')).mode & 0o777).toBe(0o600);
  });

  it('on PostgreSQL copies only the files and says the database is pg_dump’s', async () => {
    const dir = await runningDataDir();
    const target = path.join(folder(), 'backup');
    expect(await backupDataDir(dir, target, { postgres: true })).toEqual({
      database: null,
      files: 3,
    });
    expect(fs.existsSync(path.join(target, DATABASE_FILE))).toBe(false);
  });

  it.each([
    ['a folder that is not empty', true],
    ['a data directory without a database', false],
  ])('refuses %s and writes nothing', async (_label, withDatabase) => {
    const dir = withDatabase ? await runningDataDir() : folder();
    const target = folder();
    fs.writeFileSync(path.join(target, 'keep.txt'), 'an earlier backup');
    const into = withDatabase ? target : path.join(target, 'new');
    await expect(backupDataDir(dir, into, { postgres: false })).rejects.toBeInstanceOf(BackupError);
    expect(fs.readdirSync(target)).toEqual(['keep.txt']);
  });
});
