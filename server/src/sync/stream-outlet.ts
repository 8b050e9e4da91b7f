import type { StreamEvent } from '@atendo/shared/sync/protocol';
import { OutgoingFrame } from './stream-frame';

/**
 * Where one agent's frames go: a websocket in production, memory in tests. The fan-out never
 * knows which, nor whether the frame goes out compressed; it only needs to hand over a frame
 * and to know how much is still unsent.
 */
export type StreamSink = {
  send(frame: OutgoingFrame): void;
  /** Bytes written but not yet handed to the network. */
  readonly bufferedAmount: number;
};

/** Turns one fan-out round's events into a frame's bytes (injected so tests can count calls). */
export type StreamSerialiser = (events: readonly StreamEvent[]) => Buffer;

export const serialiseFrame: StreamSerialiser = (events) => Buffer.from(JSON.stringify(events));

type ResyncReason = Extract<StreamEvent, { type: 'resync' }>['reason'];

const resync = (reason: ResyncReason): OutgoingFrame =>
  new OutgoingFrame(serialiseFrame([{ type: 'resync', reason }]));

const RESYNC_FRAMES: Record<ResyncReason, OutgoingFrame> = {
  connected: resync('connected'),
  lagging: resync('lagging'),
  'scope-changed': resync('scope-changed'),
};

/**
 * The frame of one resync event; made once, shared by every socket (frames are never changed).
 * Like the heartbeat it is far below the compression threshold, so it always goes out plain.
 */
export const resyncFrame = (reason: ResyncReason): OutgoingFrame => RESYNC_FRAMES[reason];

/**
 * Nothing happened, the stream is alive: how far the fan-out has routed changes, and the
 * feed's head. One frame per heartbeat tick, the same bytes for every subscriber.
 */
export const heartbeatFrame = (seq: number, head: number): OutgoingFrame =>
  new OutgoingFrame(serialiseFrame([{ type: 'heartbeat', seq, head }]));

/**
 * One subscriber's end of the stream, with backpressure. A client that reads slower than the
 * server writes would make its socket buffer grow without bound; instead, once more than
 * `maxBufferedBytes` wait unsent, frames are skipped and the subscriber is lagging. When the
 * buffer has drained below half the limit it gets one `lagging` resync, FIRST, and only then
 * change frames again: the pull the client starts on that resync begins after every skipped
 * change was committed, so it covers them, and nothing after it is skipped.
 */
export class StreamOutlet {
  private lagging = false;

  constructor(
    private readonly sink: StreamSink,
    private readonly maxBufferedBytes: number,
  ) {}

  get isLagging(): boolean {
    return this.lagging;
  }

  /** Writes a frame, or skips it while the subscriber is lagging. */
  send(frame: OutgoingFrame): void {
    this.recover();
    if (this.lagging) return;
    if (this.sink.bufferedAmount > this.maxBufferedBytes) {
      this.lagging = true;
      return;
    }
    this.sink.send(frame);
  }

  /** Ends lagging with a `lagging` resync once the buffer has drained below half the limit. */
  recover(): void {
    if (!this.lagging || this.sink.bufferedAmount >= this.maxBufferedBytes / 2) return;
    this.lagging = false;
    this.sink.send(resyncFrame('lagging'));
  }

  /**
   * The periodic empty frame. It is sent even while lagging: two bytes do not matter to a full
   * buffer, and a client that hears nothing for long reconnects.
   */
  heartbeat(frame: OutgoingFrame): void {
    this.recover();
    this.sink.send(frame);
  }
}
