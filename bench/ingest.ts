/*
 * Inbound WhatsApp ingest under load, on loopback, in separate processes so each one's CPU time
 * can be reported: the real server (ingest-server.ts) on a temporary data directory, N agents
 * holding live subscriptions on the sync stream (ingest-agents-process.ts), and a load generator
 * posting pre-signed webhooks with bounded concurrency for a fixed time (ingest-load.ts).
 * Reports messages per second, webhook response times, the time until subscribed agents have
 * each message, where the CPU went, and the raw SQLite rate of the same rows for comparison.
 * Run: npx tsx bench/ingest.ts [--seconds 10] [--agents 200] [--validating 4 (at least T)] [--concurrency 32]
 *      [--contacts 2000] [--teams 1] [--max <seconds × 6000>] [--agents-in-parent] [--plain-stream]
 *      [--cpu-prof] [--database-url postgres://…/atendo_bench (emptied first; name must hold "bench")]
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { STREAM_PATH } from '@atendo/shared/sync/protocol';
import { connectAgents } from './ingest-agents';
import {
  AgentsResult,
  emptyAgentsResult,
  LoadResult,
  type AgentsConfig,
  type LoadConfig,
} from './ingest-contracts';
import { ask, askCpu, CpuUsage, cpuUsage, exited, nextMessage, spawnChild } from './ingest-ipc';
import { rawInsertRate } from './ingest-raw';
import { expectedDeliveries, machineBusy } from './ingest-report';
import { agentToken, prepareDataDir } from './ingest-setup';
import { report } from './ingest-summary';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    agents: { type: 'string', default: '200' },
    validating: { type: 'string', default: '4' },
    concurrency: { type: 'string', default: '32' },
    contacts: { type: 'string', default: '2000' },
    teams: { type: 'string', default: '1' },
    max: { type: 'string' },
    'agents-in-parent': { type: 'boolean', default: false },
    'plain-stream': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    'database-url': { type: 'string' },
  },
});
const SECONDS = Number(values.seconds);
const AGENTS = Number(values.agents);
const CONCURRENCY = Number(values.concurrency);
const CONTACTS = Number(values.contacts);
const TEAMS = Number(values.teams);
// Agent i is in team i mod T, so K ≥ T puts a validating agent in every team: the scanning
// agents' compressed frames are known only by what a validating agent of their group decoded.
const VALIDATING = Math.min(AGENTS, Math.max(TEAMS, Number(values.validating)));
const MAX = Number(values.max ?? SECONDS * 6000);
const APP_SECRET = 'bench-app-secret';
const DRAIN_TIMEOUT_MS = 30_000;
/** PostgreSQL instead of a SQLite file for the server (the raw comparison stays on SQLite). */
const DATABASE_URL = values['database-url'] ?? null;

const serverEnv = (dataDir: string): NodeJS.ProcessEnv => ({
  ...process.env,
  ATENDO_DATA_DIR: dataDir,
  ATENDO_HOST: '127.0.0.1',
  ATENDO_PORT: '0',
  ATENDO_SEED_DEMO: 'false',
  ...(DATABASE_URL === null ? {} : { ATENDO_DATABASE_URL: DATABASE_URL }),
  LOG_LEVEL: 'warn',
  WHATSAPP_ACCESS_TOKEN: 'bench-token',
  WHATSAPP_APP_SECRET: APP_SECRET,
  WHATSAPP_VERIFY_TOKEN: 'bench-verify',
  // Never called: the inbound-only channel has no bot menu, so nothing is sent.
  WHATSAPP_GRAPH_BASE_URL: 'http://127.0.0.1:9',
});

async function startServer(dataDir: string) {
  const nodeArgs = values['cpu-prof']
    ? ['--cpu-prof', '--cpu-prof-dir', path.resolve('bench/profiles')]
    : [];
  const child = spawnChild('bench/ingest-server.ts', null, { env: serverEnv(dataDir), nodeArgs });
  const listening = z.object({ url: z.string() });
  const { url } = await nextMessage(child, 'listening', listening);
  return { url, child };
}

/** The agents, in their own process by default or in this one (to compare the two). */
type AgentsHandle = {
  drain(expected: number): Promise<AgentsResult>;
  cpu(): Promise<CpuUsage>;
  stop(): Promise<void>;
};

async function startAgents(config: AgentsConfig): Promise<AgentsHandle> {
  if (values['agents-in-parent']) {
    const agents = await connectAgents(config);
    return {
      drain: (expected) => agents.drain(expected, DRAIN_TIMEOUT_MS),
      cpu: () => Promise.resolve(cpuUsage()),
      stop: () => {
        agents.close();
        return Promise.resolve();
      },
    };
  }
  const child = spawnChild('bench/ingest-agents-process.ts', config);
  await nextMessage(child, 'ready', z.unknown());
  return {
    drain: (expected) =>
      ask(child, { type: 'drain', expected, timeoutMs: DRAIN_TIMEOUT_MS }, 'drained', AgentsResult),
    cpu: () => askCpu(child),
    stop: async () => {
      child.send({ type: 'stop' });
      await exited(child);
    },
  };
}

async function startLoad(config: LoadConfig): Promise<ChildProcess> {
  const child = spawnChild('bench/ingest-load.ts', config);
  await nextMessage(child, 'ready', z.unknown());
  return child;
}

const noAgents = (capacity: number): AgentsResult => emptyAgentsResult(capacity, 0);

/** The server on a seeded data directory, the subscribed agents and the primed load generator. */
async function startAll(serverDir: string) {
  const inboxes = await prepareDataDir(serverDir, AGENTS, TEAMS, DATABASE_URL);
  const server = await startServer(serverDir);
  const agents =
    AGENTS === 0
      ? null
      : await startAgents({
          streamUrl: server.url.replace(/^http/, 'ws') + STREAM_PATH,
          tokens: Array.from({ length: AGENTS }, (_, i) => agentToken(i)),
          validating: VALIDATING,
          offerDeflate: !values['plain-stream'],
          capacity: MAX,
        });
  const load = await startLoad({
    webhookUrls: inboxes.map((inbox) => `${server.url}/webhooks/whatsapp/${inbox.channelId}`),
    phoneNumberIds: inboxes.map((inbox) => inbox.phoneNumberId),
    appSecret: APP_SECRET,
    seconds: SECONDS,
    concurrency: CONCURRENCY,
    contacts: CONTACTS,
    messages: MAX,
  });
  return { server: server.child, agents, load };
}

/** Posts for the time, waits for the deliveries, and stops every child. */
async function run({ server, agents, load }: Awaited<ReturnType<typeof startAll>>) {
  const sample = async () => ({
    at: performance.now(),
    machine: machineBusy(),
    server: await askCpu(server),
    load: await askCpu(load),
    agents: (await agents?.cpu()) ?? null,
    parent: cpuUsage(),
  });
  const before = await sample();
  const loaded = await ask(load, { type: 'go' }, 'done', LoadResult);
  const audience = { agents: AGENTS, validating: VALIDATING, teams: TEAMS, contacts: CONTACTS };
  const expected = expectedDeliveries(audience, loaded.sent);
  const delivered = (await agents?.drain(expected)) ?? noAgents(MAX);
  const after = await sample();
  load.send({ type: 'stop' });
  await agents?.stop();
  const stopped = nextMessage(server, 'stopped', z.object({ usage: CpuUsage }));
  server.send({ type: 'stop' });
  const serverTotal = (await stopped).usage;
  await Promise.all([exited(load), exited(server)]);
  return { loaded, delivered, cpu: { before, after, serverTotal } };
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-ingest-'));
  const loadBefore = os.loadavg();
  const { loaded, delivered, cpu } = await run(await startAll(path.join(root, 'server')));
  const rawDir = path.join(root, 'raw');
  await prepareDataDir(rawDir, 0);
  const raw = rawInsertRate(rawDir, Math.max(loaded.sent, 5000), CONTACTS);
  process.stdout.write(
    report({
      options: { SECONDS, AGENTS, VALIDATING, CONCURRENCY, CONTACTS, TEAMS, MAX },
      agentsInParent: values['agents-in-parent'],
      loadBefore,
      load: loaded,
      agents: delivered,
      cpu,
      raw,
    }),
  );
  fs.rmSync(root, { recursive: true, force: true });
}

await main();
