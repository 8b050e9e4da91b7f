import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import type { ErrorCode } from '@atendo/shared/errors';
import { createServer, type AtendoServer } from '../app';
import { login } from '../auth/sessions';
import { manualClock, type ManualClock } from '../clock';
import { loadConfig, type Config } from '../config';
import { sql } from 'kysely';
import { DATABASE_FILE, migrate, openDatabase, type Database } from '../db/database';
import { DEMO_PASSWORD } from '../demo-data';
import { createLogger } from '../logger';
import { appRouter } from '../router';
import { seedDemo } from '../seed';
import { openTestDatabase, testDatabaseKind, type TestDatabaseKind } from './test-database';
import type { Deps } from '../services/deps';
import { contextForToken } from '../trpc/context';
import { atendoData, createCallerFactory, type ErrorData } from '../trpc/trpc';

/*
 * A real server stack on a temporary SQLite file (or PGlite, see test-database.ts) with the demo organisation and a clock the
 * test moves by hand. Callers go through the tRPC router exactly as the desktop does.
 */

export const START = Date.UTC(2026, 2, 2, 13, 0, 0);

export type Harness = {
  dir: string;
  db: Database;
  deps: Deps;
  clock: ManualClock;
  config: Config;
  server: AtendoServer;
  as(email: string): Promise<Caller>;
  close(): Promise<void>;
};

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

// Migrating and seeding (with its scrypt hash) once per test worker and copying the file is
// several times faster than doing it for every test; the copy is byte-for-byte the same.
let template: Promise<string> | null = null;

async function seededTemplate(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-template-'));
  const db = openDatabase(dir);
  await migrate(db);
  await seedDemo(db, manualClock(START));
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  await db.destroy();
  return path.join(dir, DATABASE_FILE);
}

/** The seeded database of a new test folder: a copy of the template, or seeded on PGlite. */
async function seededDatabase(dir: string, kind: TestDatabaseKind): Promise<Database> {
  if (kind === 'pglite') {
    const db = await openTestDatabase(dir, kind);
    await migrate(db);
    await seedDemo(db, manualClock(START));
    return db;
  }
  template ??= seededTemplate();
  fs.copyFileSync(await template, path.join(dir, DATABASE_FILE));
  const db = openDatabase(dir);
  await migrate(db);
  return db;
}

/** `database` defaults to ATENDO_TEST_DB's choice (see test-database.ts). */
export async function createHarness(
  options: { database?: TestDatabaseKind } = {},
): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-server-'));
  const db = await seededDatabase(dir, options.database ?? testDatabaseKind());
  const clock = manualClock(START);
  const config = loadConfig({ ATENDO_DATA_DIR: dir, ATENDO_PORT: '0', LOG_LEVEL: 'silent' });
  let next = 0;
  const server = createServer({
    config,
    db,
    clock,
    logger: createLogger('silent'),
    newId: () => `id-${++next}`,
  });
  const deps = server.deps;
  return {
    dir,
    db,
    deps,
    clock,
    config,
    server,
    as: async (email) => {
      const session = await login(db, {
        email,
        password: DEMO_PASSWORD,
        now: clock.now(),
        ttlMs: config.sessionTtlMs,
      });
      return createCaller(await contextForToken(deps, config, session.token));
    },
    close: async () => {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Awaits a call that must fail and returns the stable error data a client would receive. */
export async function failure(call: Promise<unknown>): Promise<ErrorData> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return atendoData(error);
    throw error;
  }
  throw new Error('expected the call to fail');
}

export async function expectDenied(call: Promise<unknown>, code: ErrorCode): Promise<ErrorData> {
  const data = await failure(call);
  expect(data.atendoCode).toBe(code);
  return data;
}

export const ANA = 'ana@atendo.demo';
export const BRUNO = 'bruno@atendo.demo';
export const CARLA = 'carla@atendo.demo';
export const DIEGO = 'diego@atendo.demo';
