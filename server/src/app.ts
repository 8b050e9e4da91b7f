import http from 'node:http';
import express from 'express';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
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
import { createOutbox } from './services/outbox';
import { createSecretBox, loadSecretKey, type SecretBox } from './secrets/secret-box';
import { createStreamServer, type StreamServerOptions } from './sync/stream-socket';
import { contextForToken } from './trpc/context';
import { trpcHttpOptions } from './trpc/http';
import { attachmentRoute, uploadRoute } from './attachment-routes';
import { mountWorkspace } from './workspace-route';
import { jsonErrors, jsonNotFound, refuseDeclaredOversize } from './security/http-guards';
import { createAccessLog } from './privacy/access-log';
import { mountPrivacyRoutes } from './privacy/routes';

export type ServerOptions = {
  config: Config;
  db: Database;
  clock: Clock;
  logger: Logger;
  senders?: SenderRegistry;
  newId?: IdGenerator;
  /** Test seams for the WhatsApp adapters (instant retry sleeps). */
  whatsapp?: WhatsAppWiringOptions;
  /** Test seams for the live sync stream (a manual timer, backpressure limit). */
  stream?: StreamServerOptions;
  /** Defaults to the key of ATENDO_SECRET_KEY or the data directory's key file. */
  secrets?: SecretBox;
};

export type RunningServer = { url: string; close(): Promise<void> };

export type AtendoServer = {
  app: express.Express;
  deps: Deps;
  /** The mounted web chat (its visitor hub), for tests that drive visitors directly. */
  webchat: Webchat;
  /**
   * Resolves when every delivery handed off after a commit (deps.outbox) and every queued
   * WhatsApp send has finished (tests, shutdown).
   */
  whatsappIdle(): Promise<void>;
  listen(): Promise<RunningServer>;
};

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
 * WhatsApp webhooks under /webhooks/whatsapp) and, on listen, the sync stream's websocket.
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
    outbox: createOutbox(logger),
    dataDir: config.dataDir,
    accessLog: createAccessLog(options.db, logger),
    secrets: options.secrets ?? createSecretBox(loadSecretKey(config)),
  };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.post('/api/conversations/:id/uploads', uploadRoute(deps));
  app.get('/api/attachments/:id', attachmentRoute(deps));
  mountPrivacyRoutes(app, deps);
  // Before any JSON body parser: the WhatsApp signature is over the raw bytes.
  const whatsapp = mountWhatsApp(app, deps, config, options.whatsapp);
  const webchat = mountWebchat(app, deps, config);
  const { apiBodyBytes } = config.inputLimits;
  app.use(
    '/trpc',
    refuseDeclaredOversize(apiBodyBytes),
    createExpressMiddleware({
      maxBodySize: apiBodyBytes,
      router: appRouter,
      createContext: ({ req }) =>
        contextForToken(deps, config, bearerToken(req.headers.authorization), req.ip ?? null),
      onError: logUnexpected(logger),
      ...trpcHttpOptions(config),
    }),
  );
  // Last: the workspace's client-side routes fall back to its index.html.
  mountWorkspace(app, config.webDir, logger);
  const channelsIdle = async (): Promise<void> => {
    await deps.outbox.idle();
    await whatsapp.idle();
  };
  const closeChannels = async (): Promise<void> => {
    // Deliveries already handed off go out first, web chat ones while its hub is still open.
    await deps.outbox.idle();
    webchat.close();
    await whatsapp.idle();
  };
  return {
    app,
    deps,
    webchat,
    whatsappIdle: channelsIdle,
    listen: () => {
      answerTheRestAsJson(app, logger);
      return listen(app, deps, config, closeChannels, options.stream);
    },
  };
}

const finished = new WeakSet<express.Express>();

/**
 * Last of all, when the app starts serving (so routes a test or tool adds to `app` after
 * createServer still come first): a JSON 404 for what nobody answered and JSON for Express's
 * own errors (an oversize or malformed body), never its HTML pages.
 */
function answerTheRestAsJson(app: express.Express, logger: Logger): void {
  if (finished.has(app)) return;
  finished.add(app);
  app.use(jsonNotFound);
  app.use(jsonErrors(logger));
}

/** Serves the app and the live sync stream (a websocket at STREAM_PATH) on one port. */
async function listen(
  app: express.Express,
  deps: Deps,
  config: Config,
  closeChannels: () => Promise<void>,
  streamOptions: StreamServerOptions | undefined,
): Promise<RunningServer> {
  const server = http.createServer(app);
  // Listen before the stream attaches, so a busy port rejects here (and `npm start` says so)
  // instead of surfacing later as an unhandled error event.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const streams = createStreamServer(deps, config, streamOptions);
  server.on('upgrade', (request, socket, head) => {
    streams.handleUpgrade(request, socket, head);
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const close = async (): Promise<void> => {
    // Clients reconnect (and resync) on 1001 instead of waiting on a dead socket.
    await streams.close();
    // Web chat visitor streams are long-lived responses: end them before closing connections.
    await closeChannels();
    await deps.accessLog.flush();
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
