import { describe, expect, it } from 'vitest';
import { FrameError, FrameReader, maskedFrame, OPCODE, type WireMessage } from './ingest-ws-frames';

/** A server frame written out by hand from RFC 6455 §5.2, independent of the reader. */
function serverFrame(
  opcode: number,
  payload: Buffer,
  { fin = true, rsv1 = false, extraBits = 0 } = {},
): Buffer {
  const first = (fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | extraBits | opcode;
  const n = payload.length;
  if (n < 126) return Buffer.concat([Buffer.from([first, n]), payload]);
  if (n < 0x10000) return Buffer.concat([Buffer.from([first, 126, n >> 8, n & 0xff]), payload]);
  const length = Buffer.alloc(8);
  length.writeBigUInt64BE(BigInt(n));
  return Buffer.concat([Buffer.from([first, 127]), length, payload]);
}

/** Feeds the bytes in chunks of `size` (0: all at once) and returns what the reader emitted. */
function read(bytes: Buffer, size = 0): WireMessage[] {
  const messages: WireMessage[] = [];
  const reader = new FrameReader((message) => messages.push(message));
  const step = size === 0 ? bytes.length : size;
  for (let at = 0; at < bytes.length; at += step) reader.push(bytes.subarray(at, at + step));
  return messages;
}

const text = (length: number): Buffer => Buffer.alloc(length, 'a');

describe('FrameReader', () => {
  it.each([
    // payload length (7-, 16- and 64-bit length fields), chunk size
    [0, 0],
    [125, 1],
    [126, 3],
    [65_535, 1000],
    [65_536, 7],
    [200_000, 65_536],
  ])('reads a %i-byte frame fed in chunks of %i', (length, chunk) => {
    const payload = text(length);
    const twice = Buffer.concat([
      serverFrame(OPCODE.text, payload),
      serverFrame(OPCODE.text, payload, { rsv1: true }),
    ]);
    const messages = read(twice, chunk);
    expect(messages.map((m) => [m.opcode, m.compressed, m.payload.length])).toEqual([
      [OPCODE.text, false, length],
      [OPCODE.text, true, length],
    ]);
    expect(messages[0]?.payload.equals(payload)).toBe(true);
  });

  it('joins fragments, keeps the first frame’s RSV1 and passes a ping between them', () => {
    const bytes = Buffer.concat([
      serverFrame(OPCODE.text, Buffer.from('ab'), { fin: false, rsv1: true }),
      serverFrame(OPCODE.ping, Buffer.from('p')),
      serverFrame(OPCODE.continuation, Buffer.from('cd'), { fin: false }),
      serverFrame(OPCODE.continuation, Buffer.from('e')),
    ]);
    const messages = read(bytes, 2);
    expect(messages.map((m) => [m.opcode, m.compressed, m.payload.toString()])).toEqual([
      [OPCODE.ping, false, 'p'],
      [OPCODE.text, true, 'abcde'],
    ]);
  });

  it.each([
    ['a masked server frame', Buffer.from([0x81, 0x81, 1, 2, 3, 4, 0x61])],
    ['RSV2', serverFrame(OPCODE.text, text(1), { extraBits: 0x20 })],
    ['RSV1 on a ping', serverFrame(OPCODE.ping, text(1), { rsv1: true })],
    ['a continuation first', serverFrame(OPCODE.continuation, text(1))],
    ['a reserved opcode', serverFrame(0x3, text(1))],
    ['a long ping', serverFrame(OPCODE.ping, text(126))],
  ])('refuses %s', (_name, bytes) => {
    expect(() => read(bytes)).toThrow(FrameError);
  });
});

describe('maskedFrame', () => {
  it.each([5, 126, 70_000])('masks a %i-byte payload that unmasks to itself', (length) => {
    const payload = Buffer.from(Array.from({ length }, (_, i) => i % 251));
    const key = Buffer.from([0x12, 0x34, 0x56, 0x78]);
    const frame = maskedFrame(OPCODE.text, payload, key);
    const headerLength = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
    expect(frame[0]).toBe(0x81);
    expect((frame[1] ?? 0) & 0x80).toBe(0x80);
    expect(frame.subarray(headerLength, headerLength + 4).equals(key)).toBe(true);
    const masked = frame.subarray(headerLength + 4);
    expect(masked.equals(payload)).toBe(false);
    const unmasked = masked.map((byte, i) => byte ^ (key[i % 4] ?? 0));
    expect(Buffer.from(unmasked).equals(payload)).toBe(true);
  });
});
