/*
 * Inbound WhatsApp ingest under load: the real server in its own process on a temporary data
 * directory, N agents holding live `sync.stream` subscriptions over websockets, and a load
 * generator posting signed webhooks with bounded concurrency for a fixed time, all on loopback.
 * Reports messages per second, webhook response times, the time until subscribed agents see
 * each message, and the raw SQLite rate of the same rows for comparison.
 * Run: npx tsx bench/ingest.ts [--seconds 10] [--agents 200] [--concurrency 32] [--cpu-prof]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { buildMessageWebhook, signWebhook } from '../server/src/channels/whatsapp/fake-webhooks';
import { connectAgents } from './ingest-agents';
import { rawInsertRate } from './ingest-raw';
import { BENCH_CHANNEL_ID, BENCH_PHONE_NUMBER_ID, prepareDataDir } from './ingest-setup';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    agents: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '32' },
    contacts: { type: 'string', default: '2000' },
    max: { type: 'string', default: '200000' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(values.seconds);
const AGENTS = Number(values.agents);
const CONCURRENCY = Number(values.concurrency);
const CONTACTS = Number(values.contacts);
const MAX = Number(values.max);
const APP_SECRET = 'bench-app-secret';

async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const profile = values['cpu-prof']
    ? ['--cpu-prof', '--cpu-prof-dir', path.resolve('bench/profiles')]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'bench/ingest-server.ts'], {
    env: {
      ...process.env,
      ATENDO_DATA_DIR: dataDir,
      ATENDO_HOST: '127.0.0.1',
      ATENDO_PORT: '0',
      ATENDO_SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      WHATSAPP_ACCESS_TOKEN: 'bench-token',
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: 'bench-verify',
      // Never called: the inbound-only channel has no bot menu, so nothing is sent.
      WHATSAPP_GRAPH_BASE_URL: 'http://127.0.0.1:9',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    const parsed = JSON.parse(line) as { url?: string };
    if (parsed.url !== undefined) return { url: parsed.url, child };
  }
  throw new Error('the server exited before listening');
}

const percentile = (sorted: Float64Array | number[], p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN);

/** Posts signed webhooks from `CONCURRENCY` workers until the time or the count runs out. */
async function generateLoad(webhookUrl: string, sentAt: number[]) {
  const responseMs: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline && next < MAX) {
      const i = next++;
      const at = performance.now();
      sentAt[i] = at;
      const from = `55119${String(i % CONTACTS).padStart(8, '0')}`;
      const payload = buildMessageWebhook({
        phoneNumberId: BENCH_PHONE_NUMBER_ID,
        from,
        profileName: `Contato ${i % CONTACTS}`,
        messages: [
          {
            from,
            id: `wamid.BENCH${i}`,
            timestamp: String(Math.floor(Date.now() / 1000)),
            type: 'text',
            text: { body: `bench ${i}` },
          },
        ],
      });
      const signed = signWebhook(payload, APP_SECRET);
      const response = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signed.signature },
        body: new Uint8Array(signed.rawBody),
      });
      await response.arrayBuffer();
      responseMs.push(performance.now() - at);
      if (response.status !== 200) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return { sent: next, failures, elapsed, responseMs };
}

const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
    child.kill('SIGTERM');
  });

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-ingest-'));
  const serverDir = path.join(root, 'server');
  const rawDir = path.join(root, 'raw');
  const loadBefore = os.loadavg();
  await prepareDataDir(serverDir, AGENTS);
  await prepareDataDir(rawDir, 0);
  const { url, child } = await startServer(serverDir);
  const sentAt: number[] = [];
  const agents = await connectAgents(url, AGENTS, sentAt);
  const load = await generateLoad(`${url}/webhooks/whatsapp/${BENCH_CHANNEL_ID}`, sentAt);
  const delivery = await agents.drain(load.sent, 15_000);
  agents.close();
  await stopChild(child);
  const raw = rawInsertRate(rawDir, Math.max(load.sent, 5000), CONTACTS);
  const ok = load.sent - load.failures;
  const response = Float64Array.from(load.responseMs).sort();
  const rate = ok / load.elapsed;
  const rows: [string, string][] = [
    [
      'machine',
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load avg before ${loadBefore.map((l) => l.toFixed(1)).join(' ')}, after ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    ],
    [
      'run',
      `${SECONDS} s, ${CONCURRENCY} concurrent posts, ${CONTACTS} contacts, ${AGENTS} subscribed agents`,
    ],
    ['webhooks answered 200', `${ok} of ${load.sent} in ${load.elapsed.toFixed(1)} s`],
    ['inbound messages / s (HTTP)', rate.toFixed(0)],
    [
      'webhook response p50 / p99',
      `${percentile(response, 50).toFixed(1)} / ${percentile(response, 99).toFixed(1)} ms`,
    ],
    [
      'to first agent p50 / p99',
      `${percentile(delivery.first, 50).toFixed(0)} / ${percentile(delivery.first, 99).toFixed(0)} ms`,
    ],
    [
      'to every agent p50 / p99',
      `${percentile(delivery.all, 50).toFixed(0)} / ${percentile(delivery.all, 99).toFixed(0)} ms`,
    ],
    [
      'deliveries received',
      `${delivery.all.length} of ${load.sent * AGENTS} (resyncs: ${delivery.resyncs})`,
    ],
    [
      'raw SQLite inserts / s',
      `${raw.perSecond.toFixed(0)} (${raw.messages} messages in ${raw.seconds.toFixed(1)} s)`,
    ],
    ['HTTP / raw ratio', (rate / raw.perSecond).toFixed(2)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n`);
  fs.rmSync(root, { recursive: true, force: true });
}

await main();
