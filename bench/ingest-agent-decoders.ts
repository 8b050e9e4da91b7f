import { performance } from 'node:perf_hooks';
import { parseStreamFrame } from '../desktop/renderer/store/sync-wire';
import type { AgentsResult } from './ingest-contracts';
import {
  frameDigest,
  inflateMessage,
  type Arrival,
  type FrameContents,
  type FrameDigests,
} from './ingest-frame-digests';
import { scanBenchMessages, scanResyncs } from './ingest-scan';
import type { WireMessage } from './ingest-ws-frames';

/*
 * What the ingest benchmark's agents do with each stream message. A scanning agent scans a
 * plain frame's bytes (ingest-scan.ts) and keeps only the digest and arrival time of a
 * compressed one, which a validating agent's decode of the same bytes later accounts for
 * (ingest-frame-digests.ts). A validating agent does what the desktop does with every frame:
 * inflate when RSV1 is set, then the desktop's own parser (JSON.parse, StreamFrame and each
 * collection's schema). Arrivals are absolute milliseconds (timeOrigin + now), comparable with
 * the load generator's post times.
 */

const BENCH_TEXT = /^bench (\d+)$/;
const now = (): number => performance.timeOrigin + performance.now();

/** The agents' running counts, shared by every decoder in the process. */
export type Tally = Pick<
  AgentsResult,
  | 'first'
  | 'last'
  | 'reached'
  | 'deliveries'
  | 'duplicates'
  | 'resyncs'
  | 'closes'
  | 'invalidFrames'
  | 'frames'
  | 'compressedFrames'
  | 'validatingTextBytes'
  | 'validatingMs'
>;

export type Decoder = (message: WireMessage) => void;

/** The cheap agent: each benchmark message recorded once, from the bytes or by digest. */
export function scanner(
  tally: Tally,
  digests: FrameDigests,
  onResync: (reason: string) => void,
): Decoder {
  const seen = new Uint8Array(tally.reached.length);
  const deliver = (n: number, at: number): void => {
    if (n >= seen.length) return;
    if (seen[n] === 1) {
      tally.duplicates += 1;
      return;
    }
    seen[n] = 1;
    tally.deliveries += 1;
    if (tally.reached[n] === 0) tally.first[n] = at;
    tally.last[n] = at;
    tally.reached[n] = (tally.reached[n] ?? 0) + 1;
  };
  const arrival: Arrival = (contents, at) => {
    for (const n of contents.messages) deliver(n, at);
    for (const reason of contents.resyncs) onResync(reason);
  };
  return ({ compressed, payload }) => {
    const at = now();
    tally.frames += 1;
    if (compressed) {
      tally.compressedFrames += 1;
      digests.received(frameDigest(payload), at, arrival);
      return;
    }
    scanBenchMessages(payload, (n) => {
      deliver(n, at);
    });
    if (payload.length > 2) for (const reason of scanResyncs(payload)) onResync(reason);
  };
}

/** The desktop's decode: the whole frame inflated, parsed and validated before anything counts. */
function decode(payload: Buffer, compressed: boolean, tally: Tally): FrameContents | null {
  let events: ReturnType<typeof parseStreamFrame>;
  try {
    const text = compressed ? inflateMessage(payload) : payload;
    tally.validatingTextBytes += text.length;
    events = parseStreamFrame(text.toString('utf8'));
  } catch {
    return null;
  }
  const contents: FrameContents = { messages: [], resyncs: [] };
  for (const event of events) {
    if (event.type === 'resync') contents.resyncs.push(event.reason);
    else if (event.type === 'changes' && event.collection === 'messages') {
      for (const document of event.documents) {
        const match = 'body' in document ? BENCH_TEXT.exec(document.body) : null;
        if (match?.[1] !== undefined) contents.messages.push(Number(match[1]));
      }
    }
  }
  return contents;
}

export function validator(
  tally: Tally,
  digests: FrameDigests,
  arrivals: Float64Array,
  onResync: (reason: string) => void,
): Decoder {
  return ({ compressed, payload }) => {
    const started = process.cpuUsage();
    tally.frames += 1;
    if (compressed) tally.compressedFrames += 1;
    const contents = decode(payload, compressed, tally);
    const digest = contents !== null && compressed ? frameDigest(payload) : null;
    const used = process.cpuUsage(started);
    tally.validatingMs += (used.user + used.system) / 1000;
    if (contents === null) {
      tally.invalidFrames += 1;
      return;
    }
    const at = now();
    for (const reason of contents.resyncs) onResync(reason);
    for (const n of contents.messages) {
      if (!(n < arrivals.length)) continue;
      if (Number.isNaN(arrivals[n])) {
        arrivals[n] = at;
        tally.deliveries += 1;
      } else tally.duplicates += 1;
    }
    // Only compressed frames reach the scanners by digest; they scan plain ones themselves.
    if (digest !== null) digests.validated(digest, contents);
  };
}
