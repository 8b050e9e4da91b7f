import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket, type RawData } from 'ws';
import { parseStreamFrame } from '../desktop/renderer/store/sync-wire';
import type { AgentsConfig, AgentsResult } from './ingest-contracts';
import { scanBenchMessages, scanResyncs } from './ingest-scan';

/*
 * The subscribed agents of the ingest benchmark: raw websocket clients on the live stream, each
 * saying hello with its session token. Most only scan each frame's bytes for the benchmark
 * messages (ingest-scan.ts); the first `validating` ones do what the desktop does with every
 * frame (JSON.parse, StreamFrame and each collection's schema, the desktop's own parser), so
 * the report also shows the latency to a client that validates. Arrivals are absolute
 * milliseconds (timeOrigin + now), comparable with the load generator's post times.
 */

const BENCH_TEXT = /^bench (\d+)$/;
const now = (): number => performance.timeOrigin + performance.now();
const asBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);

export type Agents = {
  /** Waits (bounded) until the agents have received `expected` messages between them. */
  drain(expected: number, timeoutMs: number): Promise<AgentsResult>;
  close(): void;
};

type Tally = Omit<AgentsResult, 'type' | 'validated'> & { connected: number; closing: boolean };

const bump = (counts: Record<string, number>, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

export async function connectAgents(config: AgentsConfig): Promise<Agents> {
  const { capacity } = config;
  const tally = newTally(capacity);
  const validated = Array.from({ length: Math.min(config.validating, config.tokens.length) }, () =>
    new Float64Array(capacity).fill(Number.NaN),
  );
  const onResync = (reason: string): void => {
    if (reason === 'connected') tally.connected += 1;
    else bump(tally.resyncs, reason);
  };
  const sockets = config.tokens.map((token, i) => {
    const socket = new WebSocket(config.streamUrl, { perMessageDeflate: false });
    socket.once('open', () => {
      socket.send(JSON.stringify({ type: 'hello', token }));
    });
    socket.once('close', (code) => {
      if (!tally.closing) bump(tally.closes, String(code));
    });
    const arrivals = validated[i];
    socket.on(
      'message',
      arrivals === undefined
        ? scanner(tally, capacity, onResync)
        : validator(tally, arrivals, onResync),
    );
    return socket;
  });
  const until = async (done: () => boolean, timeoutMs: number): Promise<void> => {
    const deadline = performance.now() + timeoutMs;
    while (!done() && performance.now() < deadline) await sleep(20);
  };
  await until(() => tally.connected >= sockets.length, 30_000);
  if (tally.connected < sockets.length) {
    throw new Error(`only ${tally.connected} of ${sockets.length} agents subscribed`);
  }
  return {
    drain: async (expected, timeoutMs) => {
      await until(() => tally.deliveries >= expected, timeoutMs);
      const { connected: _connected, closing: _closing, ...result } = tally;
      return { type: 'drained', ...result, validated };
    },
    close: () => {
      tally.closing = true;
      for (const socket of sockets) socket.close(1000);
    },
  };
}

const newTally = (capacity: number): Tally => ({
  first: new Float64Array(capacity).fill(Number.NaN),
  last: new Float64Array(capacity).fill(Number.NaN),
  reached: new Uint16Array(capacity),
  deliveries: 0,
  duplicates: 0,
  resyncs: {},
  closes: {},
  invalidFrames: 0,
  frames: 0,
  bytes: 0,
  validatingMs: 0,
  connected: 0,
  closing: false,
});

/** The cheap agent: records each benchmark message in the frame's bytes, once per agent. */
function scanner(tally: Tally, capacity: number, onResync: (reason: string) => void) {
  const seen = new Uint8Array(capacity);
  return (data: RawData): void => {
    const at = now();
    const frame = asBuffer(data);
    tally.frames += 1;
    tally.bytes += frame.length;
    scanBenchMessages(frame, (n) => {
      if (n >= capacity) return;
      if (seen[n] === 1) {
        tally.duplicates += 1;
        return;
      }
      seen[n] = 1;
      tally.deliveries += 1;
      if (tally.reached[n] === 0) tally.first[n] = at;
      tally.last[n] = at;
      tally.reached[n] = (tally.reached[n] ?? 0) + 1;
    });
    if (frame.length > 2) for (const reason of scanResyncs(frame)) onResync(reason);
  };
}

/** The desktop's decode: the whole frame parsed and validated before anything counts. */
function validator(tally: Tally, arrivals: Float64Array, onResync: (reason: string) => void) {
  return (data: RawData): void => {
    const started = process.cpuUsage();
    const text = asBuffer(data).toString('utf8');
    tally.frames += 1;
    tally.bytes += text.length;
    let events: ReturnType<typeof parseStreamFrame>;
    try {
      events = parseStreamFrame(text);
    } catch {
      tally.invalidFrames += 1;
      return;
    } finally {
      const used = process.cpuUsage(started);
      tally.validatingMs += (used.user + used.system) / 1000;
    }
    const at = now();
    for (const event of events) {
      if (event.type === 'resync') onResync(event.reason);
      else if (event.collection === 'messages') {
        for (const document of event.documents) {
          const match = 'body' in document ? BENCH_TEXT.exec(document.body) : null;
          const n = Number(match?.[1] ?? Number.NaN);
          if (!(n < arrivals.length)) continue;
          if (Number.isNaN(arrivals[n])) {
            arrivals[n] = at;
            tally.deliveries += 1;
          } else tally.duplicates += 1;
        }
      }
    }
  };
}
