import http from 'node:http';
import express from 'express';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer } from 'ws';
import { z } from 'zod';
import { bearerToken } from './auth/sessions';
import { createDefaultSenderRegistry, type SenderRegistry } from './channels/registry';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/database';
import { createChangeNotifier } from './feed/change-notifier';
import { randomId, type IdGenerator } from './ids';
import type { Logger } from './logger';
import { appRouter } from './router';
import type { Deps } from './services/deps';
import { contextForToken } from './trpc/context';
import { attachmentRoute, uploadRoute } from './attachment-routes';

export type ServerOptions = {
  config: Config;
  db: Database;
  clock: Clock;
  logger: Logger;
  senders?: SenderRegistry;
  newId?: IdGenerator;
};

export type RunningServer = { url: string; close(): Promise<void> };

export type AtendoServer = {
  app: express.Express;
  deps: Deps;
  listen(): Promise<RunningServer>;
};

const ConnectionParams = z
  .object({ token: z.string().min(1).optional() })
  .nullable()
  .optional();

type ErrorLog = (opts: { error: { code: string }; path?: string | undefined }) => void;

// Expected failures (AtendoError, bad input) are the client's business; only the unexpected
// ones are the operator's.
const logUnexpected =
  (logger: Logger): ErrorLog =>
  ({ error, path }) => {
    if (error.code === 'INTERNAL_SERVER_ERROR')
      logger.error({ err: error, path }, 'procedure failed');
  };

/** Builds the HTTP API (tRPC at /trpc, uploads, health) and, on listen, the websocket on /trpc. */
export function createServer(options: ServerOptions): AtendoServer {
  const { config, logger } = options;
  const deps: Deps = {
    db: options.db,
    clock: options.clock,
    newId: options.newId ?? randomId,
    feed: createChangeNotifier(),
    logger,
    senders: options.senders ?? createDefaultSenderRegistry(),
    dataDir: config.dataDir,
  };
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.post('/api/conversations/:id/uploads', uploadRoute(deps));
  app.get('/api/attachments/:id', attachmentRoute(deps));
  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ req }) =>
        contextForToken(deps, config, bearerToken(req.headers.authorization)),
      onError: logUnexpected(logger),
    }),
  );
  return { app, deps, listen: () => listen(app, deps, config) };
}

/** Serves the app and a websocket (tRPC subscriptions, token in connectionParams) on one port. */
async function listen(app: express.Express, deps: Deps, config: Config): Promise<RunningServer> {
  const server = http.createServer(app);
  const wss = new WebSocketServer({ server, path: '/trpc' });
  const handler = applyWSSHandler({
    wss,
    router: appRouter,
    createContext: ({ info }) => {
      const params = ConnectionParams.safeParse(info.connectionParams);
      return contextForToken(deps, config, params.success ? (params.data?.token ?? null) : null);
    },
    onError: logUnexpected(deps.logger),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const close = async (): Promise<void> => {
    // Clients reconnect (and resync) instead of waiting on a dead socket.
    handler.broadcastReconnectNotification();
    wss.clients.forEach((client) => {
      client.terminate();
    });
    await new Promise<void>((resolve) => {
      wss.close(() => {
        resolve();
      });
    });
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => {
      server.close((error) => {
        if (error) reject(error);
        else resolve();
      });
    });
  };
  return { url: `http://${config.host}:${port}`, close };
}
