import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer, type ClientOptions } from 'ws';
import { deflateMessage, OutgoingFrame } from './stream-frame';
import {
  acceptsSharedDeflate,
  frameWriter,
  SHARED_DEFLATE_OPTIONS,
  WS_SENDER_INTERNALS,
} from './stream-ws-writer';

/*
 * The writer against real `ws` sockets on loopback: a server configured as the stream's, and
 * clients that negotiate (or refuse) permessage-deflate the way `ws` and browsers do. The
 * client's TCP byte count tells what actually crossed the wire.
 */

type Peer = {
  /** The server's end, which the writer writes to. */
  server: WebSocket;
  client: WebSocket;
  /** The client's TCP socket: `bytesRead` is the wire size, `pause` plays a slow reader. */
  tcp: Socket;
  messages: string[];
  /** Resolves once the client has received `count` messages in all. */
  received(count: number): Promise<void>;
};

let wss: WebSocketServer;
let port: number;

beforeEach(async () => {
  wss = new WebSocketServer({
    port: 0,
    host: '127.0.0.1',
    perMessageDeflate: SHARED_DEFLATE_OPTIONS,
  });
  await new Promise<void>((resolve) => {
    wss.once('listening', resolve);
  });
  const address = wss.address();
  if (address === null || typeof address === 'string') throw new Error('no test server port');
  port = address.port;
});

afterEach(async () => {
  for (const client of wss.clients) client.terminate();
  await new Promise<void>((resolve) => {
    wss.close(() => {
      resolve();
    });
  });
});

async function connect(options: ClientOptions = {}): Promise<Peer> {
  const accepted = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${port}`, options);
  const tcp = new Promise<Socket>((resolve) => {
    client.once('upgrade', (response) => {
      resolve(response.socket);
    });
  });
  await new Promise((resolve) => client.once('open', resolve));
  const messages: string[] = [];
  let waiters: (() => void)[] = [];
  client.on('message', (data: Buffer) => {
    messages.push(data.toString('utf8'));
    for (const wake of waiters) wake();
    waiters = [];
  });
  return {
    server: await accepted,
    client,
    tcp: await tcp,
    messages,
    received: async (count) => {
      while (messages.length < count) await new Promise<void>((r) => waiters.push(r));
    },
  };
}

/** JSON events of about `size` bytes, repetitive the way stream frames are. */
const eventsFrame = (size: number): Buffer => {
  const documents = Array.from({ length: Math.ceil(size / 90) }, (_, i) => ({
    id: `msg-${i}`,
    conversationId: 'conv-1',
    body: `bench ${i}`,
    status: 'delivered',
  }));
  return Buffer.from(JSON.stringify([{ type: 'changes', collection: 'messages', documents }]));
};

/** Sends one frame through a fresh writer and returns the bytes the client read for it. */
async function wireBytes(peer: Peer, frame: OutgoingFrame): Promise<number> {
  const before = peer.tcp.bytesRead;
  frameWriter(peer.server)(frame);
  await peer.received(peer.messages.length + 1);
  return peer.tcp.bytesRead - before;
}

describe('the stream frame writer', () => {
  it('finds the ws Sender internals it relies on', () => {
    expect(WS_SENDER_INTERNALS).not.toBeNull();
  });

  it('sends a large frame deflated to a client that negotiated it, which inflates it exactly', async () => {
    const peer = await connect();
    expect(acceptsSharedDeflate(peer.server)).toBe(true);
    const bytes = eventsFrame(20_000);
    const wire = await wireBytes(peer, new OutgoingFrame(bytes));
    expect(peer.messages).toEqual([bytes.toString('utf8')]);
    expect(wire).toBeLessThan(bytes.length / 4);
  });

  it.each([
    ['refuses deflate', { perMessageDeflate: false }],
    ['asks for a smaller server window', { perMessageDeflate: { serverMaxWindowBits: 10 } }],
  ])('sends plain bytes to a client that %s', async (_, options: ClientOptions) => {
    const peer = await connect(options);
    expect(acceptsSharedDeflate(peer.server)).toBe(false);
    const bytes = eventsFrame(5_000);
    const wire = await wireBytes(peer, new OutgoingFrame(bytes));
    expect(peer.messages).toEqual([bytes.toString('utf8')]);
    // A payload of 126 to 65535 bytes has a four-byte header.
    expect(wire).toBe(bytes.length + 4);
  });

  it.each([
    ['a heartbeat', '[]'],
    ['a resync', '[{"type":"resync","reason":"lagging"}]'],
  ])('sends %s plain and never deflates it', async (_, text) => {
    let deflated = 0;
    const frame = new OutgoingFrame(Buffer.from(text), (bytes) => {
      deflated += 1;
      return deflateMessage(bytes);
    });
    const peer = await connect();
    expect(await wireBytes(peer, frame)).toBe(text.length + 2);
    expect(peer.messages).toEqual([text]);
    expect(deflated).toBe(0);
  });

  it('deflates a frame once however many sockets it goes to', async () => {
    let deflated = 0;
    const bytes = eventsFrame(8_000);
    const frame = new OutgoingFrame(bytes, (plain) => {
      deflated += 1;
      return deflateMessage(plain);
    });
    const peers = [await connect(), await connect(), await connect({ perMessageDeflate: false })];
    for (const peer of peers) frameWriter(peer.server)(frame);
    await Promise.all(peers.map((peer) => peer.received(1)));
    for (const peer of peers) expect(peer.messages).toEqual([bytes.toString('utf8')]);
    expect(deflated).toBe(1);
  });

  it('falls back to ws.send with plain bytes when the internals are missing', async () => {
    const peer = await connect();
    const bytes = eventsFrame(5_000);
    const before = peer.tcp.bytesRead;
    frameWriter(peer.server, null)(new OutgoingFrame(bytes));
    await peer.received(1);
    expect(peer.messages).toEqual([bytes.toString('utf8')]);
    expect(peer.tcp.bytesRead - before).toBe(bytes.length + 4);
  });

  it('counts compressed writes in bufferedAmount, so backpressure still sees them', async () => {
    const peer = await connect();
    const write = frameWriter(peer.server);
    peer.tcp.pause();
    // Random bytes do not compress: a few such frames fill the kernel's buffers, after which
    // every write waits in the socket's own buffer, where bufferedAmount counts it.
    const filler = (): OutgoingFrame => new OutgoingFrame(randomBytes(256 * 1024));
    for (let i = 0; i < 400 && peer.server.bufferedAmount === 0; i++) write(filler());
    const before = peer.server.bufferedAmount;
    expect(before).toBeGreaterThan(0);
    const frame = new OutgoingFrame(eventsFrame(20_000));
    write(frame);
    const compressed = frame.deflated();
    if (compressed === null) throw new Error('the events frame did not compress');
    // The deflated payload and its four-byte header, not the plain bytes.
    expect(peer.server.bufferedAmount - before).toBe(compressed.length + 4);
  });
});
