import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DatabaseInUseError, openPostgres } from './postgres';

/*
 * node-postgres against a real PostgreSQL server: the server lock, number parsing and named
 * prepared statements, which PGlite (in process, without node-postgres) cannot exercise. It
 * needs a server, so it runs only when ATENDO_TEST_POSTGRES_URL names a database it may lock
 * (it creates nothing there), and is skipped otherwise, as in `npm test`.
 */

const url = process.env.ATENDO_TEST_POSTGRES_URL;

describe.skipIf(url === undefined)('the server on a PostgreSQL server', () => {
  const open = () => openPostgres({ url: url ?? '' });

  it('lets one server at a time use the database, and frees it when closed', async () => {
    const first = await open();
    await expect(open()).rejects.toThrow(DatabaseInUseError);
    await first.destroy();
    const second = await open();
    await second.destroy();
  });

  it('returns int8 and numeric as numbers, the same through prepared statements', async () => {
    const db = await open();
    try {
      for (const n of [1, 2, 3]) {
        const query = sql<{ big: number; num: number }>`
          select ${n}::bigint * 1795554100450 as big, ${n}::numeric / 4 as num`;
        const { rows } = await query.execute(db);
        expect(rows).toEqual([{ big: n * 1795554100450, num: n / 4 }]);
      }
    } finally {
      await db.destroy();
    }
  });

  it('keeps the connection usable after a failed statement inside a savepoint', async () => {
    const db = await open();
    try {
      const result = await db.transaction().execute(async (trx) => {
        await sql`savepoint probe`.execute(trx);
        await expect(sql`select 1 / 0`.execute(trx)).rejects.toThrow(/division by zero/);
        await sql`rollback to probe`.execute(trx);
        return (await sql<{ one: number }>`select 1 as one`.execute(trx)).rows;
      });
      expect(result).toEqual([{ one: 1 }]);
    } finally {
      await db.destroy();
    }
  });
});
