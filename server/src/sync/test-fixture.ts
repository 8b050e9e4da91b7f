import fs from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import type { StreamServerOptions } from './stream-socket';
import { connectClient, type TestClient } from './test-client';
import {
  openTestApp,
  startTestServer,
  tokenFor,
  type TestApp,
  type TestServer,
} from './test-harness';

export const ANA = 'ana@atendo.demo';
export const BRUNO = 'bruno@atendo.demo';
export const CARLA = 'carla@atendo.demo';
export const DIEGO = 'diego@atendo.demo';

export type Fixture = {
  app: TestApp;
  server: TestServer;
  signIn(email: string): Promise<TestClient>;
  /** Replaces the server, as a restart would; the old one must be closed already. */
  restart(): Promise<void>;
};

/**
 * Gives each test of the calling file a fresh seeded database served on loopback, and closes
 * every client, server and database after it.
 */
export function useSyncServer(stream?: StreamServerOptions): Fixture {
  let clients: TestClient[] = [];
  let current: { app: TestApp; server: TestServer } | null = null;
  const now = (): { app: TestApp; server: TestServer } => {
    if (current === null) throw new Error('the sync server exists only inside a test');
    return current;
  };
  beforeEach(async () => {
    const app = await openTestApp(undefined, 0, stream);
    current = { app, server: await startTestServer(app) };
  });
  afterEach(async () => {
    await Promise.all(clients.map((client) => client.close()));
    clients = [];
    const { app, server } = now();
    await server.close();
    await app.db.destroy();
    fs.rmSync(app.dir, { recursive: true, force: true });
    current = null;
  });
  return {
    get app() {
      return now().app;
    },
    get server() {
      return now().server;
    },
    signIn: async (email) => {
      const { app, server } = now();
      const client = connectClient(server, await tokenFor(app, email));
      clients.push(client);
      return client;
    },
    restart: async () => {
      const { app, server } = now();
      await app.db.destroy();
      const reopened = await openTestApp(app.dir, server.port, stream);
      current = { app: reopened, server: await startTestServer(reopened) };
    },
  };
}
