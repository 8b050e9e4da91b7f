import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket } from 'ws';
import type { AppRouter } from '../server/src/router';
import { agentToken } from './ingest-setup';

/*
 * N agent clients the way the desktop app subscribes (tRPC over a websocket, token in
 * connectionParams, `sync.stream`), recording when each benchmark message reaches each agent.
 * Messages carry their sequence number in the text ("bench 42"); `sentAt[42]` is when the load
 * generator posted it, on this process's clock.
 */

const BENCH_TEXT = /^bench (\d+)$/;

export async function connectAgents(url: string, count: number, sentAt: number[]) {
  const all: number[] = [];
  const first: number[] = [];
  const seen = new Map<number, number>();
  let connected = 0;
  let resyncs = 0;
  const wsUrl = url.replace(/^http/, 'ws') + '/trpc';
  const clients = Array.from({ length: count }, (_, i) => {
    const ws = createWSClient({
      url: wsUrl,
      WebSocket: WebSocket as unknown as NonNullable<
        Parameters<typeof createWSClient>[0]['WebSocket']
      >,
      connectionParams: { token: agentToken(i) },
    });
    const trpc = createTRPCClient<AppRouter>({ links: [wsLink({ client: ws })] });
    const subscription = trpc.sync.stream.subscribe(undefined, {
      onData: (event) => {
        if (event.type === 'resync') {
          if (event.reason === 'connected') connected += 1;
          else resyncs += 1;
          return;
        }
        if (event.collection !== 'messages') return;
        const now = performance.now();
        for (const doc of event.documents) {
          const match =
            'body' in doc && typeof doc.body === 'string' ? BENCH_TEXT.exec(doc.body) : null;
          const sent = match ? sentAt[Number(match[1])] : undefined;
          if (sent === undefined) continue;
          const n = Number(match?.[1]);
          all.push(now - sent);
          const times = (seen.get(n) ?? 0) + 1;
          seen.set(n, times);
          if (times === 1) first.push(now - sent);
        }
      },
    });
    return { ws, subscription };
  });
  const until = async (done: () => boolean, timeoutMs: number): Promise<void> => {
    const deadline = performance.now() + timeoutMs;
    while (!done() && performance.now() < deadline) await sleep(20);
  };
  await until(() => connected >= count, 30_000);
  if (connected < count) throw new Error(`only ${connected} of ${count} agents subscribed`);
  return {
    /** Waits (bounded) until every agent has every message, then returns the latencies. */
    drain: async (sent: number, timeoutMs: number) => {
      await until(() => all.length >= sent * count, timeoutMs);
      return {
        all: Float64Array.from(all).sort(),
        first: Float64Array.from(first).sort(),
        resyncs,
      };
    },
    close: () => {
      for (const client of clients) {
        client.subscription.unsubscribe();
        void client.ws.close();
      }
    },
  };
}
