import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { STREAM_PATH } from '@atendo/shared/sync/protocol';
import { createServer, type AtendoServer } from '../app';
import { login } from '../auth/sessions';
import { manualClock, type ManualClock } from '../clock';
import { loadConfig, type Config } from '../config';
import { migrate, type Database } from '../db/database';
import { DEMO_PASSWORD } from '../demo-data';
import { createLogger } from '../logger';
import { seedDemo } from '../seed';
import { openTestDatabase } from '../testing/test-database';
import type { Deps } from '../services/deps';
import type { StreamServerOptions } from './stream-socket';

/*
 * The real app (express, tRPC over HTTP and the stream's websocket) on a seeded SQLite file in
 * a temporary folder, with a manual clock: what the sync tests run against.
 */

export type TestApp = {
  dir: string;
  db: Database;
  clock: ManualClock;
  config: Config;
  server: AtendoServer;
  deps: Deps;
};

const START = Date.UTC(2026, 0, 5, 12, 0, 0);

/**
 * Opens (migrating and seeding on first use) the database in `dir` and builds the app on it;
 * `port` 0 picks a free port when the app listens. `stream` reaches the live stream's seams
 * (a manual timer, the backpressure limit).
 */
export async function openTestApp(
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-sync-')),
  port = 0,
  stream?: StreamServerOptions,
  /** More settings, as environment variables (loadConfig). */
  env: Record<string, string> = {},
): Promise<TestApp> {
  const db = await openTestDatabase(dir);
  await migrate(db);
  const clock = manualClock(START);
  await seedDemo(db, clock);
  const config = loadConfig({
    ATENDO_DATA_DIR: dir,
    ATENDO_HOST: '127.0.0.1',
    ATENDO_PORT: String(port),
    LOG_LEVEL: 'silent',
    ...env,
  });
  let nextId = 0;
  const server = createServer({
    config,
    db,
    clock,
    logger: createLogger('silent'),
    newId: () => `id-${++nextId}`,
    stream,
  });
  return { dir, db, clock, config, server, deps: server.deps };
}

/** Signs a demo agent in and returns its bearer token. */
export async function tokenFor(app: TestApp, email: string): Promise<string> {
  const session = await login(app.db, {
    email,
    password: DEMO_PASSWORD,
    now: app.clock.now(),
    ttlMs: app.config.sessionTtlMs,
  });
  return session.token;
}

export type TestServer = {
  port: number;
  /** The live stream: ws://127.0.0.1:<port>/sync/stream. */
  streamUrl: string;
  httpUrl: string;
  close(): Promise<void>;
};

/** Starts the app listening on loopback. */
export async function startTestServer(app: TestApp): Promise<TestServer> {
  const running = await app.server.listen();
  const port = Number(new URL(running.url).port);
  return {
    port,
    streamUrl: `ws://127.0.0.1:${port}${STREAM_PATH}`,
    httpUrl: `http://127.0.0.1:${port}/trpc`,
    close: () => running.close(),
  };
}
