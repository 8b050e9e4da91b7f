/*
 * The server side of the ingest benchmark, run as its own process so the load generator and
 * the agent clients do not share its event loop: `startAtendo` exactly as `npm start` runs it,
 * configured from the environment the parent passes. Prints its URL as one JSON line.
 */
import { loadConfig } from '../server/src/config';
import { createLogger } from '../server/src/logger';
import { startAtendo } from '../server/src/main';

const config = loadConfig(process.env);
const started = await startAtendo(config, createLogger(config.logLevel));
process.stdout.write(`${JSON.stringify({ url: started.url })}\n`);
const stop = (): void => {
  started.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
