import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { scanner, validator, type Tally } from './ingest-agent-decoders';
import type { AgentsConfig, AgentsResult } from './ingest-contracts';
import { FrameDigests } from './ingest-frame-digests';
import { CHROMIUM_DEFLATE_OFFER, openStream, type RawStream } from './ingest-ws-client';

/*
 * The subscribed agents of the ingest benchmark: websocket clients of our own
 * (ingest-ws-client.ts) on the live stream, negotiating permessage-deflate as the desktop's
 * Chromium does and each saying hello with its session token. The first `validating` agents
 * decode every frame like the desktop; the rest only scan plain frames and keep the digest of
 * compressed ones (ingest-agent-decoders.ts), so the report shows both the latency to a client
 * that validates and deliveries counted exactly for every agent.
 */

export type Agents = {
  /** Waits (bounded) until the agents have received `expected` messages between them. */
  drain(expected: number, timeoutMs: number): Promise<AgentsResult>;
  close(): void;
};

const bump = (counts: Record<string, number>, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

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
  compressedFrames: 0,
  validatingTextBytes: 0,
  validatingMs: 0,
});

const until = async (done: () => boolean, timeoutMs: number): Promise<void> => {
  const deadline = performance.now() + timeoutMs;
  while (!done() && performance.now() < deadline) await sleep(20);
};

export async function connectAgents(config: AgentsConfig): Promise<Agents> {
  const tally = newTally(config.capacity);
  const digests = new FrameDigests();
  const validating = Math.min(config.validating, config.tokens.length);
  const validated = Array.from({ length: validating }, () =>
    new Float64Array(config.capacity).fill(Number.NaN),
  );
  let connected = 0;
  let closing = false;
  const onResync = (reason: string): void => {
    if (reason === 'connected') connected += 1;
    else bump(tally.resyncs, reason);
  };
  const streams: RawStream[] = await Promise.all(
    config.tokens.map(async (token, i) => {
      const arrivals = validated[i];
      const handlers = {
        onMessage:
          arrivals === undefined
            ? scanner(tally, digests, onResync)
            : validator(tally, digests, arrivals, onResync),
        onClose: (code: number) => {
          if (!closing) bump(tally.closes, String(code));
        },
      };
      const offer = config.offerDeflate ? CHROMIUM_DEFLATE_OFFER : null;
      const stream = await openStream(config.streamUrl, handlers, offer);
      stream.sendText(JSON.stringify({ type: 'hello', token }));
      return stream;
    }),
  );
  await until(() => connected >= streams.length, 30_000);
  if (connected < streams.length) {
    throw new Error(`only ${connected} of ${streams.length} agents subscribed`);
  }
  const bytes = (from: number, to: number): number =>
    streams.slice(from, to).reduce((sum, stream) => sum + stream.wireBytes(), 0);
  return {
    drain: async (expected, timeoutMs) => {
      await until(() => tally.deliveries >= expected, timeoutMs);
      return {
        type: 'drained',
        ...tally,
        validated,
        unverifiableFrames: digests.unverifiable(),
        deflateAgents: streams.filter((stream) => stream.deflate !== null).length,
        bytes: bytes(0, streams.length),
        validatingBytes: bytes(0, validating),
      };
    },
    close: () => {
      closing = true;
      for (const stream of streams) stream.close(1000);
    },
  };
}
