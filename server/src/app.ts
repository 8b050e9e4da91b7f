import http from 'node:http';
import express from 'express';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer } from 'ws';
import { z } from 'zod';
import { bearerToken } from './auth/sessions';
import { createDefaultSenderRegistry, type SenderRegistry } from './channels/registry';
import type { Webchat } from './channels/webchat/create-webchat';
import { mountWebchat } from './channels/webchat/mount-webchat';
import { mountWhatsApp, type WhatsAppWiringOptions } from './channels/whatsapp-wiring';
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
import { mountWorkspace } from './workspace-route';

export type ServerOptions = {
  config: Config;
  db: Database;
  clock: Clock;
  logger: Logger;
  senders?: SenderRegistry;
  newId?: IdGenerator;
  /** Test seams for the WhatsApp adapters (instant retry sleeps). */
  whatsapp?: WhatsAppWiringOptions;
};

export type RunningServer = { url: string; close(): Promise<void> };

export type AtendoServer = {
  app: express.Express;
  deps: Deps;
  /** The mounted web chat (its visitor hub), for tests that drive visitors directly. */
  webchat: Webchat;
  /** Resolves when every queued WhatsApp send has finished (tests, shutdown). */
  whatsappIdle(): Promise<void>;
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

/**
 * Builds the HTTP API (tRPC at /trpc, uploads, health), the channels (web chat under /webchat,
 * WhatsApp webhooks under /webhooks/whatsapp) and, on listen, the websocket on /trpc.
 */
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
  // Before any JSON body parser: the WhatsApp signature is over the raw bytes.
  const whatsapp = mountWhatsApp(app, deps, config, options.whatsapp);
  const webchat = mountWebchat(app, deps);
  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ req }) =>
        contextForToken(deps, config, bearerToken(req.headers.authorization)),
      onError: logUnexpected(logger),
    }),
  );
  // Last: the workspace's client-side routes fall back to its index.html.
  mountWorkspace(app, config.webDir, logger);
  const closeChannels = async (): Promise<void> => {
    webchat.close();
    await whatsapp.idle();
  };
  return {
    app,
    deps,
    webchat,
    whatsappIdle: () => whatsapp.idle(),
    listen: () => listen(app, deps, config, closeChannels),
  };
}

/** Serves the app and a websocket (tRPC subscriptions, token in connectionParams) on one port. */
async function listen(
  app: express.Express,
  deps: Deps,
  config: Config,
  closeChannels: () => Promise<void>,
): Promise<RunningServer> {
  const server = http.createServer(app);
  // Listen before the websocket server attaches, so a busy port rejects here (and `npm start`
  // says so) instead of surfacing as an unhandled error event of the websocket server.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
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
    // Web chat visitor streams are long-lived responses: end them before closing connections.
    await closeChannels();
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
