import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import { parseSafeInteger, storableValue } from '../db/postgres';
import type { DB } from '../db/schema';

/*
 * PGlite is PostgreSQL itself compiled to WebAssembly, running in this process: the server's
 * tests run on a real PostgreSQL without a PostgreSQL server on the machine.
 *
 * Kysely talks to it through its own PostgresDialect (the same adapter and query compiler as in
 * production), given a "pool" over the PGlite instance. The published kysely-pglite-dialect
 * accepts PGlite only up to 0.4 and this project uses 0.5; the pool is small enough to keep
 * here. PGlite answers with `command`, `rowCount` and `rows`, the fields Kysely reads from
 * node-postgres, so only one thing needs doing: PGlite has a single session, so a connection is
 * held exclusively from `connect` to `release`, or a query from outside a transaction would
 * run inside it.
 */

// Type ids from PostgreSQL's pg_type catalogue; parsed as production's pool parses them.
const INT8 = 20;
const NUMERIC = 1700;

/** PGlite with production's number parsing (see atendoTypes in db/postgres.ts). */
export const createPglite = (loadDataDir?: Blob): Promise<PGlite> =>
  PGlite.create({ loadDataDir, parsers: { [INT8]: parseSafeInteger, [NUMERIC]: Number } });

/** One session handed out to one holder at a time, in the order they asked. */
class Session {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  async take(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}

/** A Kysely pool over one PGlite instance; `end` calls `onEnd` (close or hand it back). */
export function pglitePool(pglite: PGlite, onEnd: () => Promise<void>): PostgresPool {
  const session = new Session();
  const client = {
    query: (text: string, parameters: readonly unknown[]) =>
      pglite.query(text, parameters.map(storableValue)),
    release: () => {
      session.give();
    },
  } as unknown as PostgresPoolClient;
  return {
    connect: async () => {
      await session.take();
      return client;
    },
    end: onEnd,
  };
}

export const pgliteDatabase = (pglite: PGlite, onEnd: () => Promise<void>): Kysely<DB> =>
  new Kysely<DB>({ dialect: new PostgresDialect({ pool: pglitePool(pglite, onEnd) }) });
