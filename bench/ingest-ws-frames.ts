import { randomBytes } from 'node:crypto';

/*
 * RFC 6455 framing for the ingest benchmark's own websocket client (ingest-ws-client.ts): an
 * incremental reader for the frames a server sends (unmasked) and the encoder for the few a
 * client sends (masked). Messages are handed on as the payload bytes received, with RSV1
 * reported rather than acted on, so a caller may keep a compressed payload compressed.
 */

export const OPCODE = {
  continuation: 0x0,
  text: 0x1,
  binary: 0x2,
  close: 0x8,
  ping: 0x9,
  pong: 0xa,
} as const;

/** A whole data message (its fragments joined) or one control frame, as it came off the wire. */
export type WireMessage = {
  opcode: number;
  /** RSV1 of the message's first frame: permessage-deflate compressed it. */
  compressed: boolean;
  payload: Buffer;
};

export class FrameError extends Error {}

type Header = { fin: boolean; rsv1: boolean; opcode: number; start: number; end: number };

/** How many bytes the header at `at` takes: 2, 4 or 10 (2 until its first two bytes are in). */
function headerSize(bytes: Buffer, at: number): number {
  if (bytes.length - at < 2) return 2;
  const code = (bytes[at + 1] ?? 0) & 0x7f;
  return code === 126 ? 4 : code === 127 ? 10 : 2;
}

/** The frame header at `at`; the caller has checked that headerSize bytes are there. */
function readHeader(bytes: Buffer, at: number): Header {
  const first = bytes[at] ?? 0;
  const second = bytes[at + 1] ?? 0;
  if ((first & 0x30) !== 0) throw new FrameError('RSV2 or RSV3 set: no extension defines them');
  if ((second & 0x80) !== 0) throw new FrameError('a server must not mask its frames');
  let length = second & 0x7f;
  let start = at + 2;
  if (length === 126) {
    length = bytes.readUInt16BE(at + 2);
    start = at + 4;
  } else if (length === 127) {
    const high = bytes.readUInt32BE(at + 2);
    if (high >= 0x200000) throw new FrameError('a frame longer than 2^53 bytes');
    length = high * 0x1_0000_0000 + bytes.readUInt32BE(at + 6);
    start = at + 10;
  }
  const fin = (first & 0x80) !== 0;
  return { fin, rsv1: (first & 0x40) !== 0, opcode: first & 0x0f, start, end: start + length };
}

/**
 * Reads frames from the byte stream as it arrives, in chunks of any size. Bytes are joined only
 * once a whole frame is there, so a large frame spread over many chunks is copied once.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Bytes needed before the next frame can be read whole (a header's minimum until known). */
  private needed = 2;
  private fragments: Buffer[] = [];
  private fragmented: { opcode: number; compressed: boolean } | null = null;

  constructor(private readonly onMessage: (message: WireMessage) => void) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered < this.needed) return;
    const bytes = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks, this.buffered);
    let at = 0;
    for (;;) {
      const size = headerSize(bytes, at);
      if (bytes.length - at < size) {
        this.needed = size;
        break;
      }
      const header = readHeader(bytes, at);
      if (header.end > bytes.length) {
        this.needed = header.end - at;
        break;
      }
      this.frame(header, bytes.subarray(header.start, header.end));
      at = header.end;
    }
    const rest = bytes.subarray(at);
    this.chunks = rest.length === 0 ? [] : [rest];
    this.buffered = rest.length;
  }

  private frame(header: Header, payload: Buffer): void {
    const { fin, rsv1, opcode } = header;
    if (opcode >= OPCODE.close) {
      this.control(header, payload);
      return;
    }
    if (opcode === OPCODE.continuation) {
      this.continuation(fin, rsv1, payload);
      return;
    }
    if (opcode !== OPCODE.text && opcode !== OPCODE.binary) {
      throw new FrameError(`reserved opcode ${opcode}`);
    }
    if (this.fragmented !== null) throw new FrameError('a new message inside a fragmented one');
    if (fin) this.onMessage({ opcode, compressed: rsv1, payload });
    else {
      this.fragmented = { opcode, compressed: rsv1 };
      this.fragments = [payload];
    }
  }

  private control({ fin, rsv1, opcode }: Header, payload: Buffer): void {
    if (opcode > OPCODE.pong) throw new FrameError(`reserved control opcode ${opcode}`);
    if (!fin || payload.length > 125) throw new FrameError('a fragmented or long control frame');
    if (rsv1) throw new FrameError('RSV1 on a control frame');
    this.onMessage({ opcode, compressed: false, payload });
  }

  /** RFC 7692 §6: RSV1 belongs to a message's first frame only. */
  private continuation(fin: boolean, rsv1: boolean, payload: Buffer): void {
    const started = this.fragmented;
    if (started === null) throw new FrameError('a continuation with nothing to continue');
    if (rsv1) throw new FrameError('RSV1 on a continuation frame');
    this.fragments.push(payload);
    if (!fin) return;
    const parts = this.fragments;
    this.fragmented = null;
    this.fragments = [];
    this.onMessage({ ...started, payload: Buffer.concat(parts) });
  }
}

/** One final client frame, masked with a fresh key as RFC 6455 §5.3 requires of clients. */
export function maskedFrame(opcode: number, payload: Buffer, key = randomBytes(4)): Buffer {
  const length = payload.length;
  const lengthBytes = length < 126 ? 0 : length < 0x10000 ? 2 : 8;
  const header = Buffer.alloc(2 + lengthBytes + 4);
  header[0] = 0x80 | opcode;
  if (lengthBytes === 0) header[1] = 0x80 | length;
  else if (lengthBytes === 2) {
    header[1] = 0x80 | 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  key.copy(header, 2 + lengthBytes);
  const masked = Buffer.alloc(length);
  for (let i = 0; i < length; i++) masked[i] = (payload[i] ?? 0) ^ (key[i & 3] ?? 0);
  return Buffer.concat([header, masked]);
}
