import net, { type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { frameDigest, inflateMessage } from './ingest-frame-digests';
import {
  acceptedDeflate,
  acceptFor,
  checkUpgradeResponse,
  openStream,
  type RawStream,
} from './ingest-ws-client';
import type { WireMessage } from './ingest-ws-frames';

/*
 * Our client against a real `ws` server on loopback, configured as the stream server is:
 * permessage-deflate with server_no_context_takeover (and a zero threshold, so `ws` itself
 * compresses what the test sends with `compress: true`).
 */

type Client = { stream: RawStream; messages: WireMessage[]; closed: Promise<number> };

let wss: WebSocketServer;
let url: string;
let serverSockets: WebSocket[];
let nextServerSocket: (() => void) | null;

beforeEach(async () => {
  serverSockets = [];
  nextServerSocket = null;
  wss = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    perMessageDeflate: { serverNoContextTakeover: true, threshold: 0 },
  });
  wss.on('connection', (socket) => {
    serverSockets.push(socket);
    nextServerSocket?.();
  });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/sync/stream`;
});

afterEach(async () => {
  for (const socket of wss.clients) socket.terminate();
  await new Promise<void>((resolve) => {
    wss.close(() => {
      resolve();
    });
  });
});

/** Connects a client and waits until the server holds its socket. */
async function connect(offer?: string | null): Promise<Client & { server: WebSocket }> {
  const messages: WireMessage[] = [];
  const waiting: (() => void)[] = [];
  let onClose: (code: number) => void = () => undefined;
  const closed = new Promise<number>((resolve) => (onClose = resolve));
  const serverSide = new Promise<void>((resolve) => (nextServerSocket = resolve));
  const handlers = {
    onMessage: (message: WireMessage) => {
      messages.push(message);
      waiting.shift()?.();
    },
    onClose: (code: number) => {
      onClose(code);
    },
  };
  const stream = await openStream(url, handlers, offer);
  await serverSide;
  const server = serverSockets.at(-1);
  if (server === undefined) throw new Error('no server socket');
  return { stream, messages, closed, server };
}

/** Sends from the server and resolves with the client's next `count` messages. */
async function received(client: Client & { server: WebSocket }, count: number, send: () => void) {
  const before = client.messages.length;
  const polled = new Promise<void>((resolve) => {
    const check = (): void => {
      if (client.messages.length >= before + count) resolve();
      else setImmediate(check);
    };
    check();
  });
  send();
  await polled;
  return client.messages.slice(before, before + count);
}

const bigFrame = JSON.stringify(
  Array.from({ length: 200 }, (_, i) => ({
    type: 'changes',
    body: `bench ${i}`,
    pad: 'x'.repeat(20),
  })),
);

describe('the benchmark’s websocket client against ws', () => {
  it('negotiates permessage-deflate with server_no_context_takeover as Chromium offers it', async () => {
    const { stream } = await connect();
    expect(stream.deflate).toMatchObject({ server_no_context_takeover: true });
  });

  it('connects without the extension when it offers none, and frames come plain', async () => {
    const client = await connect(null);
    expect(client.stream.deflate).toBeNull();
    const [message] = await received(client, 1, () => {
      client.server.send(bigFrame);
    });
    expect(message?.compressed).toBe(false);
    expect(message?.payload.toString()).toBe(bigFrame);
  });

  it('sends the hello as a masked text frame the server reads', async () => {
    const client = await connect();
    const hello = new Promise<string>((resolve) => {
      client.server.once('message', (data: Buffer, isBinary: boolean) => {
        resolve(isBinary ? 'binary' : data.toString());
      });
    });
    client.stream.sendText(JSON.stringify({ type: 'hello', token: 't' }));
    expect(await hello).toBe('{"type":"hello","token":"t"}');
  });

  it('keeps a compressed frame compressed; inflated it is the text the server sent', async () => {
    const client = await connect();
    const [compressed, plain] = await received(client, 2, () => {
      client.server.send(bigFrame, { compress: true });
      client.server.send('[]', { compress: false });
    });
    expect(compressed?.compressed).toBe(true);
    expect(compressed?.payload.length).toBeLessThan(bigFrame.length / 3);
    expect(inflateMessage(compressed?.payload ?? Buffer.alloc(0)).toString()).toBe(bigFrame);
    expect([plain?.compressed, plain?.payload.toString()]).toEqual([false, '[]']);
  });

  it('gives the same frame the same digest on every send and every connection', async () => {
    const [a, b] = [await connect(), await connect()];
    const [first, second] = await received(a, 2, () => {
      a.server.send(bigFrame, { compress: true });
      a.server.send(bigFrame, { compress: true });
    });
    const [other] = await received(b, 1, () => {
      b.server.send(bigFrame, { compress: true });
    });
    const digests = [first, second, other].map((m) => frameDigest(m?.payload ?? Buffer.alloc(0)));
    expect(new Set(digests).size).toBe(1);
    const [changed] = await received(a, 1, () => {
      a.server.send(`${bigFrame} `, { compress: true });
    });
    expect(frameDigest(changed?.payload ?? Buffer.alloc(0))).not.toBe(digests[0]);
  });

  it('answers a ping with a pong carrying its payload', async () => {
    const client = await connect();
    const pong = new Promise<string>((resolve) => {
      client.server.once('pong', (data) => {
        resolve(data.toString());
      });
    });
    client.server.ping('beat');
    expect(await pong).toBe('beat');
  });

  it('reports the server’s close code and answers the close', async () => {
    const client = await connect();
    const serverClosed = new Promise<number>((resolve) => client.server.once('close', resolve));
    client.server.close(4401, 'signed out');
    expect(await client.closed).toBe(4401);
    expect(await serverClosed).toBe(4401);
  });
});

describe('a server that does not upgrade', () => {
  it.each([
    ['answers 404', 'HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n', /refused/],
    ['hangs up', '', /closed before/],
  ])('rejects the connection when it %s', async (_name, answer, error) => {
    const server = net.createServer((socket) => {
      socket.once('data', () => socket.end(answer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const handlers = { onMessage: () => undefined, onClose: () => undefined };
    await expect(openStream(`ws://127.0.0.1:${port}/sync/stream`, handlers)).rejects.toThrow(error);
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  });
});

describe('the upgrade response', () => {
  const key = 'dGhlIHNhbXBsZSBub25jZQ==';
  const head = (extensions: string, accept = acceptFor(key)) =>
    [
      'HTTP/1.1 101 Switching Protocols',
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Accept: ${accept}`,
      ...(extensions === '' ? [] : [`Sec-WebSocket-Extensions: ${extensions}`]),
    ].join('\r\n');

  it('computes RFC 6455’s sample accept value', () => {
    expect(acceptFor(key)).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  it.each([
    ['a wrong accept', head('', 'AAAA'), /Accept/],
    ['a context kept', head('permessage-deflate'), /server_no_context_takeover/],
    ['an unknown parameter', head('permessage-deflate; server_no_context_takeover; x=1'), /x=1/],
    ['another extension', head('x-webkit-deflate-frame'), /did not offer/],
    ['a refusal', 'HTTP/1.1 404 Not Found', /refused/],
  ])('refuses %s', (_name, response, error) => {
    expect(() => checkUpgradeResponse(response, { key, offer: 'permessage-deflate' })).toThrow(
      error,
    );
  });

  it.each([
    ['', null],
    ['permessage-deflate; server_no_context_takeover', { server_no_context_takeover: true }],
    [
      'permessage-deflate; server_no_context_takeover; client_max_window_bits=15',
      { server_no_context_takeover: true, client_max_window_bits: '15' },
    ],
  ])('accepts %j', (extensions, expected) => {
    expect(acceptedDeflate(extensions)).toEqual(expected);
  });
});
