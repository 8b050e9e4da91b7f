import { hash } from 'node:crypto';
import zlib from 'node:zlib';

/*
 * How scanning agents learn what a compressed frame held without inflating it. The server
 * deflates a group's frame once and writes the same bytes to every member, so the payload's
 * digest names the frame: a validating agent in the group inflates and parses it and records
 * digest → the benchmark messages (and resyncs) in it; a scanning agent records only the digest
 * and its arrival time, and the two are joined as soon as both are known. A digest no
 * validating agent ever decoded is a frame the benchmark cannot verify, and is reported.
 */

/** What a validating agent found in one frame. */
export type FrameContents = { messages: number[]; resyncs: string[] };

/** A scanning agent's use of a frame's contents, with its own arrival time. */
export type Arrival = (contents: FrameContents, at: number) => void;

type Entry = { contents: FrameContents | null; waiting: { at: number; arrival: Arrival }[] };

/** SHA-1 of the payload as received: collisions between distinct frames of one run are moot. */
export const frameDigest = (payload: Buffer): string => hash('sha1', payload, 'base64');

const SYNC_FLUSH_TAIL = Buffer.from([0x00, 0x00, 0xff, 0xff]);

/** RFC 7692 §7.2.2: the sender dropped the sync flush's tail; put it back, then inflate. */
export const inflateMessage = (payload: Buffer): Buffer =>
  zlib.inflateRawSync(Buffer.concat([payload, SYNC_FLUSH_TAIL]), {
    finishFlush: zlib.constants.Z_SYNC_FLUSH,
  });

export class FrameDigests {
  private readonly entries = new Map<string, Entry>();

  private entry(digest: string): Entry {
    let entry = this.entries.get(digest);
    if (entry === undefined) {
      entry = { contents: null, waiting: [] };
      this.entries.set(digest, entry);
    }
    return entry;
  }

  /** A validating agent decoded the frame: scanners' arrivals waiting for it count now. */
  validated(digest: string, contents: FrameContents): void {
    const entry = this.entry(digest);
    if (entry.contents !== null) return;
    entry.contents = contents;
    for (const { at, arrival } of entry.waiting) arrival(contents, at);
    entry.waiting = [];
  }

  /** A scanning agent received the frame at `at`: counted now if decoded, else once it is. */
  received(digest: string, at: number, arrival: Arrival): void {
    const entry = this.entry(digest);
    if (entry.contents === null) entry.waiting.push({ at, arrival });
    else arrival(entry.contents, at);
  }

  /** Scanning agents' arrivals of frames no validating agent has decoded (yet). */
  unverifiable(): number {
    let count = 0;
    for (const entry of this.entries.values()) count += entry.waiting.length;
    return count;
  }
}
