/*
 * The local-first sync measured in headless Chromium against the real server on loopback:
 * initial sync of 10k and 100k messages into IndexedDB through the real store, beside a raw
 * Dexie bulkPut of the same documents in the same page; live latency with 1, 50 and 200
 * connected agents; opening a conversation (its latest 50 messages) with 100k stored; JS heap.
 * Run: npx tsx bench/sync-browser.ts [sizes=10000,100000] [batchSize=2000, what the app ships]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { HarnessWindow, StartOptions } from '../desktop/e2e/sync/harness/harness-api';
import { buildHarness } from '../desktop/e2e/sync/support/build-harness';
import { openHarness, serveHarness } from '../desktop/e2e/sync/support/harness-page';
import { ServerProcess } from '../desktop/e2e/sync/support/server-process';
import { liveLatency, percentiles } from './sync-browser-live';
import { MESSAGES_EACH, seedBenchDatabase } from './sync-seed';

const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
const batchSize = Number(process.argv[3] ?? 2000);
const log = (line: string) => {
  process.stdout.write(`${line}\n`);
};
const ms = (value: number) => `${value.toFixed(0)} ms`;

// The functions handed to page.evaluate run in the page, where `globalThis` is its window.
async function launch(): Promise<Browser> {
  return chromium.launch({
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
}

async function heap(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const used = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    return `${(value / 1024 / 1024).toFixed(1)} MB`;
  };
  const before = await used();
  await cdp.send('HeapProfiler.collectGarbage');
  return `${before} (after a forced GC: ${await used()})`;
}

async function initialSync(page: Page, options: StartOptions, size: number) {
  const sync = await page.evaluate(
    (o) => (globalThis as unknown as HarnessWindow).harness.bench.initialSync(o),
    options,
  );
  if (sync.messages < size) throw new Error(`synced ${String(sync.messages)} of ${String(size)}`);
  const raw = await page.evaluate(
    (token) => (globalThis as unknown as HarnessWindow).harness.bench.rawBulkPut(token, 2000),
    options.token,
  );
  // A second page: RxDB's open-source build allows 13 collections per page and the store has 9.
  const second = await page.context().newPage();
  await openHarness(second, new URL(page.url()).origin);
  const rxdb = await second.evaluate(
    (token) => (globalThis as unknown as HarnessWindow).harness.bench.rxdbBulkWrite(token, 2000),
    options.token,
  );
  await second.close();
  const rate = (count: number, t: number) => `${((count / t) * 1000).toFixed(0)} docs/s`;
  log(
    `initial sync ${String(size)} messages: store ${ms(sync.ms)} (${rate(sync.messages, sync.ms)}, ` +
      `every collection, batch ${String(batchSize)}); raw Dexie bulkPut ${ms(raw.ms)} ` +
      `(${rate(raw.messages, raw.ms)}, chunks of 2000, fetched beforehand in ${ms(raw.fetchMs)}); ` +
      `sync throughput = ${((raw.ms / sync.ms) * 100).toFixed(0)}% of bulkPut; ` +
      `RxDB bulkUpsert alone (store schema, no network) ${ms(rxdb.ms)} = ` +
      `${((raw.ms / rxdb.ms) * 100).toFixed(0)}% of bulkPut`,
  );
}

async function openConversations(page: Page, conversations: number): Promise<void> {
  const ids = Array.from(
    { length: 200 },
    (_, i) => `bench-conv-${String((i * 7919) % conversations)}`,
  );
  const times = await page.evaluate(
    (list) => (globalThis as unknown as HarnessWindow).harness.bench.openConversation(list),
    ids,
  );
  const p = percentiles(times);
  log(
    `open conversation (latest 50 of its messages), 200 conversations: p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms, max ${p.max.toFixed(1)} ms`,
  );
}

async function run(browser: Browser, size: number, last: boolean): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-bench-browser-'));
  const conversations = Math.ceil(size / MESSAGES_EACH);
  const seeded = performance.now();
  await seedBenchDatabase(dir, conversations);
  log(
    `seeded ${String(conversations)} conversations x ${String(MESSAGES_EACH)} messages in ${ms(performance.now() - seeded)}`,
  );
  const server = await ServerProcess.start(dir);
  const context = await browser.newContext();
  try {
    await serveHarness(context, server.origin);
    const page = await context.newPage();
    await openHarness(page, server.origin);
    const options = {
      name: `bench-${String(size)}`,
      token: await server.token('ana@atendo.demo'),
      batchSize,
    };
    await initialSync(page, options, size);
    if (!last) return;
    log(`JS heap after the ${String(size)} sync: ${await heap(page)}`);
    await openConversations(page, conversations);
    await liveLatency(page, server, log);
  } finally {
    await context.close();
    await server.stop();
  }
}

async function main(): Promise<void> {
  log(
    `${new Date().toISOString()} on ${String(os.cpus().length)} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  await buildHarness();
  const browser = await launch();
  log(`Chromium ${browser.version()}`);
  try {
    for (const [i, size] of sizes.entries()) await run(browser, size, i === sizes.length - 1);
  } finally {
    await browser.close();
  }
  log(
    `done; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

await main();
