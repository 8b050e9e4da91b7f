/*
 * The bounded working set measured in headless Chromium against the real server: an
 * organisation of 1,000,000 closed messages and 200,000 contacts behind a small working set.
 * Reports time to usable lists (cold and warm), the working set's size, the initial sync as a
 * ratio to a raw Dexie bulkPut of the same messages in the same page, opening a conversation,
 * live latency with 1/50/200 agents, and the JS heap after a simulated shift.
 * Run: npx tsx bench/sync-large-org.ts [oldConversations=50000] [contacts=200000] [shift=2000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { HarnessWindow } from '../desktop/e2e/sync/harness/harness-api';
import { buildHarness } from '../desktop/e2e/sync/support/build-harness';
import { openHarness, serveHarness } from '../desktop/e2e/sync/support/harness-page';
import { ServerProcess } from '../desktop/e2e/sync/support/server-process';
import { liveLatency, percentiles } from './sync-browser-live';
import { seedLargeOrg, type LargeOrg } from '../server/src/sync/test-large-org';

const org: LargeOrg = {
  oldConversations: Number(process.argv[2] ?? 50_000),
  contacts: Number(process.argv[3] ?? 200_000),
  openConversations: 200,
  recentConversations: 300,
  messagesEach: 20,
};
const shift = Number(process.argv[4] ?? 2_000);
const ANA = { id: 'agent-ana', role: 'agent' as const, teamIds: ['team-suporte'], permissions: [] };
const log = (line: string) => {
  process.stdout.write(`${line}\n`);
};
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function heapMb(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const used = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return ((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024 / 1024).toFixed(
      1,
    );
  };
  const before = await used();
  await cdp.send('HeapProfiler.collectGarbage');
  return `${before} MB (${await used()} MB after a forced GC)`;
}

async function firstScreen(page: Page, token: string, label: string) {
  const result = await page.evaluate(
    (o) => (globalThis as unknown as HarnessWindow).harness.bench.firstScreen(o),
    {
      name: 'large-org',
      token,
      agent: ANA,
      teamId: 'team-suporte',
      agentId: 'agent-ana',
      queued: org.openConversations / 2,
      active: org.openConversations / 2,
    },
  );
  log(
    `${label}: lists usable in ${result.usableMs.toFixed(0)} ms, initial sync done in ${result.syncedMs.toFixed(0)} ms; ` +
      `working set ${Object.entries(result.counts)
        .map(([k, v]) => `${k} ${String(v)}`)
        .join(', ')} (load ${load()})`,
  );
  return result;
}

async function rawRatio(page: Page, token: string, syncedMs: number) {
  const raw = await page.evaluate(
    (t) => (globalThis as unknown as HarnessWindow).harness.bench.rawBulkPut(t, 2000),
    token,
  );
  log(
    `raw Dexie bulkPut of the same ${String(raw.messages)} messages in this page: ${raw.ms.toFixed(0)} ms ` +
      `(fetched beforehand in ${raw.fetchMs.toFixed(0)} ms); initial sync (every collection) = ` +
      `${((raw.ms / syncedMs) * 100).toFixed(0)}% of bulkPut throughput (load ${load()})`,
  );
}

async function openConversations(page: Page) {
  const ids = Array.from(
    { length: 200 },
    (_, i) => `bench-conv-${String(i % org.openConversations)}`,
  );
  const times = await page.evaluate(
    (list) => (globalThis as unknown as HarnessWindow).harness.bench.openConversation(list),
    ids,
  );
  const p = percentiles(times);
  log(
    `open conversation (latest 50): p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms, max ${p.max.toFixed(1)} ms`,
  );
}

async function simulatedShift(page: Page, server: ServerProcess) {
  const started = Date.now();
  await server.control('shift', { prefix: 'shift', count: shift, messages: 6 });
  const last = `shift-${String(shift - 1)}-closed`;
  for (let i = 0; i < 600; i++) {
    const [at] = await page.evaluate(
      (id) => (globalThis as unknown as HarnessWindow).harness.bench.arrivals([id]),
      last,
    );
    if (at !== null && at !== undefined) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const evicted = await page.evaluate(() =>
    (globalThis as unknown as HarnessWindow).harness.bench.evict(),
  );
  const counts = await page.evaluate(async () => {
    const harness = (globalThis as unknown as HarnessWindow).harness;
    return {
      conversations: await harness.count('conversations'),
      messages: await harness.count('messages'),
      contacts: await harness.count('contacts'),
    };
  });
  log(
    `shift: ${String(shift)} conversations handled (6 messages and a close each) in ${((Date.now() - started) / 1000).toFixed(0)} s; ` +
      `eviction removed ${String(evicted.conversations)} conversations, ${String(evicted.contacts)} contacts; store now ${JSON.stringify(counts)}; ` +
      `JS heap ${await heapMb(page)} (load ${load()})`,
  );
}

async function main(): Promise<void> {
  log(`${new Date().toISOString()} on ${String(os.cpus().length)} cores, load average ${load()}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-bench-large-'));
  const seeded = Date.now();
  await seedLargeOrg(dir, org);
  const messages =
    (org.oldConversations + org.recentConversations + org.openConversations) * org.messagesEach;
  log(
    `seeded ${String(messages)} messages (${String(org.oldConversations * org.messagesEach)} closed long ago), ${String(org.contacts + org.openConversations)} contacts in ${((Date.now() - seeded) / 1000).toFixed(0)} s`,
  );
  await buildHarness();
  const server = await ServerProcess.start(dir);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=LocalNetworkAccessChecks',
    ],
  });
  try {
    const context = await browser.newContext();
    await serveHarness(context, server.origin);
    const page = await context.newPage();
    await openHarness(page, server.origin);
    const token = await server.token('ana@atendo.demo');
    const cold = await firstScreen(page, token, 'cold start (empty store)');
    await rawRatio(page, token, cold.syncedMs);
    await page.evaluate(() => (globalThis as unknown as HarnessWindow).harness.close());
    await page.reload();
    await firstScreen(page, token, 'warm start (same store, reopened)');
    await openConversations(page);
    await liveLatency(page, server, log);
    await simulatedShift(page, server);
  } finally {
    await browser.close();
    await server.stop();
  }
  log(`done; load average ${load()}`);
}

await main();
