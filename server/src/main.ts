import { createServer, type RunningServer } from './app';
import { systemClock, type Clock } from './clock';
import { loadConfig, type Config } from './config';
import { describeDatabase, migrate, openConfiguredDatabase, type Database } from './db/database';
import { DEMO_AGENTS, DEMO_PASSWORD, DEMO_WEBCHAT_KEY } from './demo-data';
import { createLogger, type Logger } from './logger';
import { seedDemo } from './seed';
import { FIRST_ADMIN_HINT, hasNoAccounts } from './admin/create-admin';
import { purgeExpiredSessions } from './auth/sessions';
import { resumeQueuedDeliveries } from './services/delivery-resume';
import { runTimers } from './services/timers';
import { runRetention } from './privacy/retention';

const TIMER_INTERVAL_MS = 15_000;

export type Started = { url: string; db: Database; stop(): Promise<void> };

/**
 * The startup path: open and migrate the database, seed the demo organisation into a fresh one,
 * start the timers (CSAT and bot timeouts, expired sessions, retention), listen, and send what a previous
 * run stored but never handed to its channel. `npm start` runs it; tests call it on a
 * temporary data directory.
 */
export async function startAtendo(
  config: Config,
  logger: Logger,
  clock: Clock = systemClock,
): Promise<Started> {
  const db = await openConfiguredDatabase(config, {
    onLockLost: onLockLost(logger),
    onPoolError: (error) => {
      logger.warn({ err: error }, 'an idle PostgreSQL connection failed; it will be replaced');
    },
  });
  await migrate(db);
  const seeded = config.seedDemo ? await seedDemo(db, clock) : false;
  const server = createServer({ config, db, clock, logger });
  // Before listening: its read of the queued messages comes before any request's write, so a
  // message an agent sends in the first moments is delivered by that request alone.
  const resumed = resumeQueuedDeliveries(server.deps);
  let running: RunningServer;
  try {
    running = await server.listen();
  } catch (error) {
    resumed.stop();
    await resumed.done.catch(() => 0);
    await db.destroy();
    throw error;
  }
  resumed.done.then(
    (count) => {
      if (count > 0) logger.info({ count }, 'sent the messages a previous run left queued');
    },
    (error: unknown) => {
      logger.error({ err: error }, 'resuming queued messages failed');
    },
  );
  const timer = setInterval(() => {
    const now = clock.now();
    Promise.all([
      runTimers(server.deps, now, {
        orphanUploadGraceMs: config.inputLimits.orphanUploadGraceMs,
      }),
      purgeExpiredSessions(db, now),
      runRetention(server.deps, now),
    ]).catch((error: unknown) => {
      logger.error({ err: error }, 'timers failed');
    });
  }, TIMER_INTERVAL_MS);
  timer.unref();
  logger.info(
    { url: running.url, dataDir: config.dataDir, database: describeDatabase(config) },
    `Atendo server listening on ${running.url}`,
  );
  if (!seeded && (await hasNoAccounts(server.deps))) logger.warn(FIRST_ADMIN_HINT);
  if (seeded) {
    const accounts = DEMO_AGENTS.map((a) => `${a.email} (${a.role})`).join(', ');
    logger.info(
      `Demo organisation seeded. Sign in as ${accounts} with password "${DEMO_PASSWORD}".`,
    );
    logger.info(
      `Write to the agents as a web chat visitor at ${running.url}/webchat/demo?channel=${DEMO_WEBCHAT_KEY}`,
    );
  }
  return {
    url: running.url,
    db,
    stop: async () => {
      clearInterval(timer);
      resumed.stop();
      await running.close();
      // The send in progress finishes before the database closes under it.
      await resumed.done.catch(() => 0);
      await db.destroy();
    },
  };
}

/**
 * Without its PostgreSQL server lock another Atendo server could start on the same database and
 * break the change feed's order, so this one stops; a supervisor restarts it and it locks again.
 */
const onLockLost =
  (logger: Logger) =>
  (error: Error): void => {
    logger.fatal({ err: error }, 'lost the connection holding the database lock; stopping');
    process.exit(1);
  };

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const started = await startAtendo(config, logger);
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    started.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

// Only when run as the entry point (`tsx src/main.ts`), not when a test imports startAtendo.
if (
  process.argv[1] !== undefined &&
  import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))
) {
  main().catch((error: unknown) => {
    // The logger may not exist yet (bad configuration), so this one message goes to stderr.
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
