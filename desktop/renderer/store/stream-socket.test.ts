import { WebSocket, WebSocketServer } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SESSION_END_REASONS,
  STREAM_CLOSE,
  STREAM_PATH,
  type StreamEvent,
} from '@atendo/shared/sync/protocol';
import type { SetTimer } from './stream-hub';
import { streamUrl } from './stream-socket';
import { createTrpcTransport } from './trpc-transport';
import { isRefusal, RefusalError } from './transport';
import { conversation } from './testing/fixtures';

/*
 * The live stream against a real `ws` server on loopback that speaks the protocol
 * (shared/src/sync/protocol.ts). Time is manual: the silence timer runs when a test says so.
 */

type Peer = { socket: WebSocket; hello: Promise<unknown>; closed: Promise<number> };

/** A server that hands each connection to the test, with its first message parsed. */
async function startServer() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: STREAM_PATH });
  await new Promise((resolve) => server.once('listening', resolve));
  const waiting: ((peer: Peer) => void)[] = [];
  const arrived: Peer[] = [];
  server.on('connection', (socket) => {
    const hello = new Promise<unknown>((resolve) => {
      socket.once('message', (data: Buffer) => {
        resolve(JSON.parse(data.toString()));
      });
    });
    const closed = new Promise<number>((resolve) => {
      socket.once('close', resolve);
    });
    const peer = { socket, hello, closed };
    const next = waiting.shift();
    if (next) next(peer);
    else arrived.push(peer);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return {
    serverUrl: `http://127.0.0.1:${String(address.port)}`,
    peer: (): Promise<Peer> => {
      const first = arrived.shift();
      return first ? Promise.resolve(first) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** Silence timers the test runs by hand; `armed` resolves once the nth timer has been set. */
function silenceTimers() {
  const timers: { run: () => void; cancelled: boolean }[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const setTimer: SetTimer = (run) => {
    const timer = { run, cancelled: false };
    timers.push(timer);
    for (const waiter of waiters.filter((w) => w.count <= timers.length)) waiter.resolve();
    return () => {
      timer.cancelled = true;
    };
  };
  return {
    setTimer,
    timers,
    armed: (count: number) =>
      new Promise<void>((resolve) => {
        if (timers.length >= count) resolve();
        else waiters.push({ count, resolve });
      }),
    live: () => timers.filter((timer) => !timer.cancelled),
  };
}

/** The client's sockets, so a test can wait for the client side to see its close. */
const clientSockets: WebSocket[] = [];
class ClientSocket extends WebSocket {
  constructor(url: string) {
    super(url);
    clientSockets.push(this);
  }
}

let server: Awaited<ReturnType<typeof startServer>>;
beforeEach(async () => {
  server = await startServer();
  clientSockets.length = 0;
});
afterEach(async () => {
  await server.close();
});

function openStream(getToken: () => string | null = () => 'token-ana') {
  const timers = silenceTimers();
  const events: StreamEvent[] = [];
  const eventWaiters: { count: number; resolve: () => void }[] = [];
  let reportError: (error: unknown) => void = () => undefined;
  const error = new Promise<unknown>((resolve) => {
    reportError = resolve;
  });
  const errors: unknown[] = [];
  const transport = createTrpcTransport({
    serverUrl: server.serverUrl,
    getToken,
    WebSocket: ClientSocket,
    setTimer: timers.setTimer,
  });
  const unsubscribe = transport.stream(
    (event) => {
      events.push(event);
      for (const waiter of eventWaiters.filter((w) => w.count <= events.length)) waiter.resolve();
    },
    (failure) => {
      errors.push(failure);
      reportError(failure);
    },
  );
  const received = (count: number) =>
    new Promise<void>((resolve) => {
      if (events.length >= count) resolve();
      else eventWaiters.push({ count, resolve });
    });
  return { timers, events, errors, error, received, unsubscribe };
}

const doc = { ...conversation('c1'), _deleted: false };
const changes = {
  type: 'changes',
  collection: 'conversations',
  documents: [doc],
  checkpoint: { seq: 7, epoch: 'e1' },
};
const resync = (reason: string) => ({ type: 'resync', reason });

describe('the live stream over the plain websocket', () => {
  it('says hello with the current token first', async () => {
    openStream(() => 'token-ana');
    const peer = await server.peer();
    expect(await peer.hello).toEqual({ type: 'hello', token: 'token-ana' });
  });

  it('delivers the events of several frames in order', async () => {
    const stream = openStream();
    const peer = await server.peer();
    await peer.hello;
    const tags = {
      ...changes,
      collection: 'tags',
      documents: [],
      checkpoint: { seq: 8, epoch: 'e1' },
    };
    peer.socket.send(JSON.stringify([resync('connected'), changes, tags]));
    peer.socket.send(JSON.stringify([resync('lagging')]));
    await stream.received(4);
    expect(stream.events).toEqual([resync('connected'), changes, tags, resync('lagging')]);
    expect(stream.errors).toEqual([]);
  });

  it('takes a heartbeat as a sign of life that delivers nothing', async () => {
    const stream = openStream();
    const peer = await server.peer();
    await peer.hello;
    expect(stream.timers.timers).toHaveLength(1);
    peer.socket.send('[]');
    await stream.timers.armed(2);
    expect(stream.timers.timers[0]?.cancelled).toBe(true);
    expect(stream.timers.live()).toHaveLength(1);
    expect(stream.events).toEqual([]);
  });

  it('ends a silent stream with an error and closes the socket', async () => {
    const stream = openStream();
    const peer = await server.peer();
    await peer.hello;
    peer.socket.send('[]');
    await stream.timers.armed(2);
    for (const timer of stream.timers.live()) timer.run();
    expect(String(await stream.error)).toMatch(/silent/);
    expect(await peer.closed).toBe(1000);
    expect(stream.errors).toHaveLength(1);
  });

  it.each([
    ['text that is not JSON', 'hello?'],
    ['an object, not an array', JSON.stringify(resync('connected'))],
    ['an unknown resync reason', JSON.stringify([resync('because')])],
    ['an unknown collection', JSON.stringify([{ ...changes, collection: 'secrets' }])],
    [
      'a document that fails its schema, after a good event',
      JSON.stringify([resync('connected'), { ...changes, documents: [{ ...doc, state: 'x' }] }]),
    ],
    ['a binary frame', Buffer.from('[]')],
  ])('ends the stream on a malformed frame: %s', async (_label, frame) => {
    const stream = openStream();
    const peer = await server.peer();
    await peer.hello;
    peer.socket.send(frame);
    await stream.error;
    expect(await peer.closed).toBe(1000);
    // The frame is checked whole: not even its valid first event is delivered.
    expect(stream.events).toEqual([]);
    expect(stream.errors).toHaveLength(1);
  });

  it.each([
    [4401, 'unauthenticated'],
    [4400, 'invalid-input'],
    [4408, 'invalid-input'],
  ])('reports close code %i as a refusal (%s)', async (code, refusal) => {
    const stream = openStream();
    const peer = await server.peer();
    await peer.hello;
    peer.socket.close(code, 'refused');
    const error = await stream.error;
    expect(error).toBeInstanceOf(RefusalError);
    expect(error instanceof RefusalError ? error.code : null).toBe(refusal);
  });

  it.each(SESSION_END_REASONS)(
    'reports an open stream closed as its session ended (%s) as unauthenticated',
    async (reason) => {
      const stream = openStream();
      const peer = await server.peer();
      await peer.hello;
      peer.socket.send(JSON.stringify([resync('connected')]));
      await stream.received(1);
      peer.socket.close(STREAM_CLOSE.unauthenticated, reason);
      const error = await stream.error;
      // What makes the workspace sign the agent out (watchSessionRefusal, useSessionCheck).
      expect(error instanceof RefusalError ? [error.code, error.details.reason] : null).toEqual([
        'unauthenticated',
        reason,
      ]);
    },
  );

  it.each([
    ['the server going away', 1001],
    ['an internal error', 1011],
  ])('reports %s as a retryable failure', async (_label, code) => {
    const stream = openStream();
    const peer = await server.peer();
    await peer.hello;
    peer.socket.send(JSON.stringify([resync('connected')]));
    await stream.received(1);
    peer.socket.close(code);
    const error = await stream.error;
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(RefusalError);
    expect(isRefusal(error)).toBe(false);
  });

  it('reports a lost connection as a retryable failure', async () => {
    const stream = openStream();
    const peer = await server.peer();
    await peer.hello;
    peer.socket.terminate();
    expect(await stream.error).not.toBeInstanceOf(RefusalError);
  });

  it('refuses to connect without a token, and says nothing to the server', async () => {
    const stream = openStream(() => null);
    const peer = await server.peer();
    const error = await stream.error;
    expect(error instanceof RefusalError ? error.code : null).toBe('unauthenticated');
    expect(await peer.closed).toBe(1000);
  });

  it('closes normally on unsubscribe and reports nothing', async () => {
    const stream = openStream();
    const peer = await server.peer();
    await peer.hello;
    stream.unsubscribe();
    expect(await peer.closed).toBe(1000);
    const [client] = clientSockets;
    if (client && client.readyState !== WebSocket.CLOSED)
      await new Promise((resolve) => client.once('close', resolve));
    expect(stream.events).toEqual([]);
    expect(stream.errors).toEqual([]);
  });

  it.each([
    ['http://localhost:4000', 'ws://localhost:4000/sync/stream'],
    ['https://atendo.example.com/', 'wss://atendo.example.com/sync/stream'],
  ])('serves the stream of %s at %s', (serverUrl, url) => {
    expect(streamUrl(serverUrl)).toBe(url);
  });
});
