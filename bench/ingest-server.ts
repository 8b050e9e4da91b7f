/*
 * The server side of the ingest benchmark, run as its own process so the load generator and
 * the agent clients do not share its event loop: `startAtendo` exactly as `npm start` runs it,
 * configured from the environment the parent passes. Tells the parent its URL over IPC, answers
 * `cpu` with its CPU time, and stops on `stop` (or SIGTERM) after reporting its total CPU time.
 */
import { loadConfig } from '../server/src/config';
import { createLogger } from '../server/src/logger';
import { startAtendo } from '../server/src/main';
import { cpuUsage, onParentRequest, sendToParent } from './ingest-ipc';

const config = loadConfig(process.env);
const started = await startAtendo(config, createLogger(config.logLevel));
const stop = (): void => {
  started.stop().then(
    async () => {
      await sendToParent({ type: 'stopped', usage: cpuUsage() });
      process.exit(0);
    },
    () => process.exit(1),
  );
};
onParentRequest({ stop });
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
await sendToParent({ type: 'listening', url: started.url });
