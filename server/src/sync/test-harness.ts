import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer } from 'ws';
import { z } from 'zod';
import { login } from '../auth/sessions';
import { createDefaultSenderRegistry } from '../channels/registry';
import { manualClock, type ManualClock } from '../clock';
import { loadConfig, type Config } from '../config';
import { migrate, openDatabase, type Database } from '../db/database';
import { DEMO_PASSWORD } from '../demo-data';
import { createChangeNotifier } from '../feed/change-notifier';
import { createLogger } from '../logger';
import { seedDemo } from '../seed';
import type { Deps } from '../services/deps';
import { contextForToken } from '../trpc/context';
import { router } from '../trpc/trpc';
import { syncRouter } from './router';

/*
 * What the sync tests need and the app does not give them in one piece: a seeded database in a
 * temporary folder, a manual clock, and a real websocket server mounting `sync` on loopback.
 */

export const testRouter = router({ sync: syncRouter });
export type TestRouter = typeof testRouter;

export type TestApp = { dir: string; db: Database; deps: Deps; clock: ManualClock; config: Config };

const START = Date.UTC(2026, 0, 5, 12, 0, 0);

/** A migrated, demo-seeded database in a fresh folder. */
export async function openTestApp(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-sync-'))) {
  const db = openDatabase(dir);
  await migrate(db);
  const clock = manualClock(START);
  await seedDemo(db, clock);
  let nextId = 0;
  const deps: Deps = {
    db,
    clock,
    newId: () => `id-${++nextId}`,
    feed: createChangeNotifier(),
    logger: createLogger('silent'),
    senders: createDefaultSenderRegistry(),
    dataDir: dir,
  };
  const config = loadConfig({ ATENDO_DATA_DIR: dir, LOG_LEVEL: 'silent', ATENDO_PORT: '0' });
  return { dir, db, deps, clock, config } satisfies TestApp;
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

export type TestServer = { port: number; url: string; close(): Promise<void> };

const ConnectionParams = z.object({ token: z.string().min(1).optional() }).nullable();

/** Serves the sync router over a websocket on 127.0.0.1; `port` 0 picks a free one. */
export async function startTestServer(app: TestApp, port = 0): Promise<TestServer> {
  const server = http.createServer();
  const wss = new WebSocketServer({ server });
  const handler = applyWSSHandler({
    wss,
    router: testRouter,
    createContext: ({ info }) => {
      const params = ConnectionParams.safeParse(info.connectionParams);
      const token = params.success ? (params.data?.token ?? null) : null;
      return contextForToken(app.deps, app.config, token);
    },
  });
  await new Promise<void>((resolve) => {
    server.listen(port, '127.0.0.1', resolve);
  });
  const bound = portOf(server.address());
  return {
    port: bound,
    url: `ws://127.0.0.1:${bound}`,
    close: async () => {
      handler.broadcastReconnectNotification();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => {
        wss.close(() => {
          resolve();
        });
      });
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

function portOf(address: AddressInfo | string | null): number {
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  return address.port;
}
