/*
 * Live latency for bench/sync-browser.ts: the time from a server write committing to the
 * message document being in the browser store's IndexedDB, while other agents (Node clients on
 * the live stream's websocket, as the desktop app subscribes) receive the same writes.
 */
import type { Page } from 'playwright-core';
import type { HarnessWindow } from '../desktop/e2e/sync/harness/harness-api';
import type { ServerProcess } from '../desktop/e2e/sync/support/server-process';
import { STREAM_PATH } from '@atendo/shared/sync/protocol';
import { connectClient, StreamRecorder, type TestClient } from '../server/src/sync/test-client';

export type Percentiles = { p50: number; p95: number; p99: number; max: number; n: number };

export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1), n: sorted.length };
}

/**
 * A Node subscriber that notes when each message document arrives over its websocket: the
 * server's share of the latency (commit, fan-out, loopback), without the browser's.
 */
export function startProbe(server: ServerProcess, token: string) {
  const client = connectClient(streamUrls(server), token);
  const seen = new Map<string, number>();
  new StreamRecorder(client, {
    perMessageDeflate: false,
    onEvents: (events) => {
      const now = Date.now();
      for (const event of events) {
        if (event.type !== 'changes' || event.collection !== 'messages') continue;
        for (const doc of event.documents) if (!seen.has(doc.id)) seen.set(doc.id, now);
      }
    },
  });
  return { seen, stop: () => client.close() };
}

const streamUrls = (server: ServerProcess) => ({
  streamUrl: `ws://127.0.0.1:${String(server.port)}${STREAM_PATH}`,
  httpUrl: `${server.origin}/trpc`,
});

export type Listener = { client: TestClient; recorder: StreamRecorder };

/** Opens websocket subscribers up to `total - 1` (the browser page is the first agent). */
export async function addListeners(
  server: ServerProcess,
  listeners: Listener[],
  total: number,
  tokens: string[],
): Promise<void> {
  const urls = streamUrls(server);
  while (listeners.length < total - 1) {
    const token = tokens[listeners.length % tokens.length] ?? '';
    const client = connectClient(urls, token);
    // Plain frames for the simulated agents: `ws` inflates with at most 10 zlib jobs at a time,
    // so 199 listeners inflating every frame in this one process would queue behind each other
    // and measure the benchmark. The browser page negotiates deflate as the desktop does.
    const recorder = new StreamRecorder(client, { perMessageDeflate: false });
    listeners.push({ client, recorder });
  }
  // Every subscriber is live once it has had its first (connected) resync.
  await Promise.all(listeners.map((l) => l.recorder.until((r) => r.count('connected') > 0)));
}

const arrivals = (page: Page, ids: string[]) =>
  page.evaluate(
    (wanted) => (globalThis as unknown as HarnessWindow).harness.bench.arrivals(wanted),
    ids,
  );

/** `writes` messages one after another (each after the previous commit), then their latencies. */
export async function measureLatency(
  page: Page,
  server: ServerProcess,
  label: string,
  writes: number,
  probe?: Map<string, number>,
): Promise<{ page: number[]; probe: number[] }> {
  const committed: { id: string; at: number }[] = [];
  for (let i = 0; i < writes; i++) {
    const id = `live-${label}-${String(i)}`;
    const { committedAt } = await server.control<{ committedAt: number }>('message', {
      conversationId: 'bench-conv-0',
      id,
    });
    committed.push({ id, at: committedAt });
    // Spaced writes: the latency of each write, not of a burst queued behind itself.
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const ids = committed.map((c) => c.id);
  const deadline = Date.now() + 30_000;
  let seen = await arrivals(page, ids);
  while (seen.some((t) => t === null) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await arrivals(page, ids);
  }
  const missing = seen.filter((t) => t === null).length;
  if (missing > 0) throw new Error(`${String(missing)} of ${String(writes)} writes never arrived`);
  return {
    page: committed.map((c, i) => (seen[i] ?? NaN) - c.at),
    probe: committed.flatMap((c) => {
      const at = probe?.get(c.id);
      return at === undefined ? [] : [at - c.at];
    }),
  };
}

/** How many of the listeners received every one of `ids` as a message change. */
export function listenersWithAll(listeners: Listener[], ids: string[]): number {
  return listeners.filter((l) => {
    const got = new Set(l.recorder.documents('messages').map((d) => d.id));
    return ids.every((id) => got.has(id));
  }).length;
}

/** Live latency with 1, 50 and 200 connected agents (the page is the first), logged. */
export async function liveLatency(
  page: Page,
  server: ServerProcess,
  log: (line: string) => void,
): Promise<void> {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const tokens = [await server.token('carla@atendo.demo'), await server.token('ana@atendo.demo')];
  const listeners: Listener[] = [];
  for (const agents of [1, 50, 200]) {
    await addListeners(server, listeners, agents, tokens);
    // The probe is one more Node subscriber; it is not counted among the agents.
    const probe = startProbe(server, tokens[0] ?? '');
    await measureLatency(page, server, `warm-${String(agents)}`, 5);
    const label = `a${String(agents)}`;
    const latencies = await measureLatency(page, server, label, 100, probe.seen);
    await probe.stop();
    const p = percentiles(latencies.page);
    const q = percentiles(latencies.probe);
    const ids = Array.from({ length: 100 }, (_, i) => `live-${label}-${String(i)}`);
    log(
      `live latency, ${String(agents)} connected agents: p50 ${ms(p.p50)}, p95 ${ms(p.p95)}, ` +
        `p99 ${ms(p.p99)}, max ${ms(p.max)} (n=${String(p.n)}; ` +
        `${String(listenersWithAll(listeners, ids))}/${String(listeners.length)} other agents got every write); ` +
        `server to a Node websocket: p50 ${ms(q.p50)}, p99 ${ms(q.p99)} (n=${String(q.n)})`,
    );
  }
  // Closing a client stops its recorder's stream.
  await Promise.all(listeners.map((l) => l.client.close()));
}
