import * as wsModule from 'ws';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { OutgoingFrame } from './stream-frame';

/*
 * The one place that reaches into `ws`'s internals. `ws` can compress a message itself, but
 * only per connection (its deflate runs once for every socket a frame goes to), and it has no
 * public way to send a payload that is already compressed. The fan-out deflates a group's
 * frame once, so this module frames that payload with RSV1 set through `ws`'s own Sender
 * (`Sender.frame` builds the header, `sender.sendFrame` writes header and payload to the
 * socket) — the same two calls `ws.send` ends in. The internals are checked once when the
 * module loads; without them every frame goes out plain through the public `ws.send`.
 *
 * Writing beside the Sender keeps frame order only because its queue is always empty here: it
 * queues only while it deflates or reads a Blob, and this server never lets `ws` compress
 * (the threshold is unreachable and every send says `compress: false`) and sends only Buffers.
 */

const TEXT_OPCODE = 0x01;

type FrameList = Buffer[];

/** The Sender internals, bound and checked: what framing a payload and writing it need. */
export type SenderInternals = {
  /** The header and payload of one final, unmasked text frame; rsv1 marks it compressed. */
  frame(payload: Buffer, rsv1: boolean): FrameList;
  /** The socket's own sendFrame, or null when this socket has no Sender we recognise. */
  sendFrameOf(socket: WebSocket): ((list: FrameList) => void) | null;
};

const isFrameList = (value: unknown): value is FrameList =>
  Array.isArray(value) && value.every((part) => Buffer.isBuffer(part));

function findSenderInternals(): SenderInternals | null {
  const sender: unknown = Reflect.get(wsModule, 'Sender');
  if (typeof sender !== 'function') return null;
  const frame: unknown = Reflect.get(sender, 'frame');
  const prototype: unknown = Reflect.get(sender, 'prototype');
  const sendFrame: unknown =
    typeof prototype === 'object' && prototype !== null
      ? Reflect.get(prototype, 'sendFrame')
      : undefined;
  if (typeof frame !== 'function' || typeof sendFrame !== 'function') return null;
  const internals: SenderInternals = {
    frame: (payload, rsv1) => {
      const options = { fin: true, rsv1, opcode: TEXT_OPCODE, mask: false, readOnly: false };
      const list: unknown = Reflect.apply(frame, sender, [payload, options]);
      if (!isFrameList(list)) throw new Error('ws Sender.frame returned an unexpected value');
      return list;
    },
    sendFrameOf: (socket) => {
      const own: unknown = Reflect.get(socket, '_sender');
      if (!(own instanceof sender)) return null;
      return (list) => {
        Reflect.apply(sendFrame, own, [list]);
      };
    },
  };
  // A two-byte probe: a final text frame with RSV1 has the header C1 02.
  const probe = internals.frame(Buffer.from('{}'), true)[0];
  return probe?.[0] === 0xc1 && probe[1] === 0x02 ? internals : null;
}

/** What this `ws` offers, found once at start-up; null means frames go out plain. */
export const WS_SENDER_INTERNALS = findSenderInternals();

/**
 * The stream server's permessage-deflate settings. A group's frame is deflated once and the
 * same payload written to every member, which is valid only when no connection carries a
 * compression context from one message to the next (server_no_context_takeover). `ws` itself
 * never compresses: its threshold cannot be reached, and the writer below sends the shared
 * payload instead.
 */
export const SHARED_DEFLATE_OPTIONS = {
  serverNoContextTakeover: true,
  threshold: Number.POSITIVE_INFINITY,
} as const;

/**
 * What the connection agreed to. One payload deflated with an empty 32 KiB window is valid
 * only for a peer whose inflater starts afresh for each message and allows that window:
 * server_no_context_takeover, and server_max_window_bits absent or 15.
 */
const SharedDeflateParams = z.object({
  server_no_context_takeover: z.literal(true),
  server_max_window_bits: z.literal(15).optional(),
});

/** Whether the peer negotiated permessage-deflate with parameters one shared payload suits. */
export function acceptsSharedDeflate(socket: WebSocket): boolean {
  const extensions: unknown = Reflect.get(socket, '_extensions');
  if (typeof extensions !== 'object' || extensions === null) return false;
  const deflate: unknown = Reflect.get(extensions, 'permessage-deflate');
  if (typeof deflate !== 'object' || deflate === null) return false;
  return SharedDeflateParams.safeParse(Reflect.get(deflate, 'params')).success;
}

/** Writes a frame to one socket; made once per socket, when the stream starts. */
export type FrameWriter = (frame: OutgoingFrame) => void;

/**
 * The writer for one open socket: the deflated payload with RSV1 when the peer accepts it,
 * otherwise the plain bytes. Header and payload lists are built once per payload and shared
 * by every socket that writes it.
 */
export function frameWriter(
  socket: WebSocket,
  internals: SenderInternals | null = WS_SENDER_INTERNALS,
): FrameWriter {
  const sendFrame = internals === null ? null : internals.sendFrameOf(socket);
  if (internals === null || sendFrame === null) {
    return (frame) => {
      socket.send(frame.bytes, { binary: false, compress: false });
    };
  }
  const framed = framedOnce(internals);
  if (!acceptsSharedDeflate(socket)) {
    return (frame) => {
      sendFrame(framed(frame.bytes, false));
    };
  }
  return (frame) => {
    const compressed = frame.deflated();
    sendFrame(compressed === null ? framed(frame.bytes, false) : framed(compressed, true));
  };
}

// Keyed by the payload, so a list lives exactly as long as the frame that owns the bytes.
const plainLists = new WeakMap<Buffer, FrameList>();
const compressedLists = new WeakMap<Buffer, FrameList>();

const framedOnce =
  (internals: SenderInternals) =>
  (payload: Buffer, rsv1: boolean): FrameList => {
    const lists = rsv1 ? compressedLists : plainLists;
    let list = lists.get(payload);
    if (list === undefined) {
      list = internals.frame(payload, rsv1);
      lists.set(payload, list);
    }
    return list;
  };
