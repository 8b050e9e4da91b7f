import fs from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { migrate, openDatabase, type Database } from '../db/database';
import { createPglite, pgliteDatabase } from './pglite';

/*
 * Which database the server's tests run on. By default each test gets the SQLite file in its
 * temporary folder, as the server uses by default. `ATENDO_TEST_DB=pglite` (npm run
 * test:postgres) gives each one a PostgreSQL database instead, in process through PGlite.
 *
 * Starting PGlite costs seconds (its initdb) and a loaded copy over a second, so instances are
 * reused within a test file: a finished test's instance is emptied (every table truncated) for
 * the next. An instance stays tied to its test's folder while the folder exists, so a test that
 * closes its database and opens the same folder again (a server restart) finds its data.
 */

export type TestDatabaseKind = 'sqlite' | 'pglite';

export const testDatabaseKind = (): TestDatabaseKind =>
  process.env.ATENDO_TEST_DB === 'pglite' ? 'pglite' : 'sqlite';

/** Opens the database of the test folder `dir`; the caller migrates it (a no-op if done). */
export async function openTestDatabase(
  dir: string,
  kind: TestDatabaseKind = testDatabaseKind(),
): Promise<Database> {
  if (kind === 'sqlite') return openDatabase(dir);
  const pglite = await takePglite(dir);
  return pgliteDatabase(pglite, () => {
    parked.set(dir, pglite);
    return Promise.resolve();
  });
}

/** Instances whose last test closed them while its folder still exists, by folder. */
const parked = new Map<string, PGlite>();
/** Migrated, emptied instances ready for any test. */
const free: PGlite[] = [];
/** A migrated, empty data directory to start further instances from. */
let template: Promise<Blob> | null = null;

async function takePglite(dir: string): Promise<PGlite> {
  const own = parked.get(dir);
  if (own !== undefined) {
    parked.delete(dir);
    return own;
  }
  for (const [folder, pglite] of parked) {
    if (!fs.existsSync(folder)) {
      parked.delete(folder);
      await empty(pglite);
      free.push(pglite);
    }
  }
  const reused = free.pop();
  if (reused !== undefined) return reused;
  if (template === null) {
    const first = await createPglite();
    template = migratedTemplate(first);
    await template;
    return first;
  }
  return createPglite(await template);
}

async function migratedTemplate(pglite: PGlite): Promise<Blob> {
  const db = pgliteDatabase(pglite, () => Promise.resolve());
  await migrate(db);
  await db.destroy();
  return pglite.dumpDataDir('none');
}

/** Truncates every table but the migrations' own, restarting the feed's seq at 1. */
async function empty(pglite: PGlite): Promise<void> {
  const db = pgliteDatabase(pglite, () => Promise.resolve());
  const tables = await db
    .selectFrom(sql<{ tablename: string; schemaname: string }>`pg_tables`.as('t'))
    .select('tablename')
    .where('schemaname', '=', 'public')
    .where('tablename', 'not like', 'kysely_%')
    .execute();
  const names = tables.map((t) => sql.id(t.tablename));
  if (names.length > 0)
    await sql`truncate table ${sql.join(names)} restart identity cascade`.execute(db);
  await db.destroy();
}
