import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import { FrameError, FrameReader, maskedFrame, OPCODE, type WireMessage } from './ingest-ws-frames';

/*
 * The ingest benchmark's websocket client, on node:net rather than `ws`. The server deflates
 * each fan-out frame once and writes it with RSV1 to every agent that negotiated
 * permessage-deflate, as browsers (and so the desktop) always do; the benchmark must take that
 * path. `ws` would inflate every compressed message before handing it over, and two hundred
 * agents inflating on this machine's two cores would measure the benchmark, not the server.
 * This client negotiates the extension like Chromium and hands each message on as received,
 * RSV1 reported, so the scanning agents can keep a digest of the compressed bytes and only the
 * few validating agents inflate (on a real floor every agent inflates on its own machine).
 */

/** Chromium's offer, which is what the desktop (Electron) sends. */
export const CHROMIUM_DEFLATE_OFFER = 'permessage-deflate; client_max_window_bits';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export const acceptFor = (key: string): string =>
  createHash('sha1')
    .update(key + GUID)
    .digest('base64');

export type DeflateParams = Record<string, string | true>;

const WINDOW_BITS = /^(?:[89]|1[0-5])$/;
const PARAMS: Record<string, (value: string | true) => boolean> = {
  server_no_context_takeover: (value) => value === true,
  client_no_context_takeover: (value) => value === true,
  server_max_window_bits: (value) => value !== true && WINDOW_BITS.test(value),
  client_max_window_bits: (value) => value !== true && WINDOW_BITS.test(value),
};

/**
 * The permessage-deflate parameters in the server's Sec-WebSocket-Extensions (null when it
 * accepted none). The server must agree to server_no_context_takeover: every compressed
 * message then inflates on its own, and every agent in a group receives the same bytes.
 */
export function acceptedDeflate(header: string | undefined): DeflateParams | null {
  if (header === undefined || header.trim() === '') return null;
  const [extension, ...more] = header.split(',');
  const [name, ...params] = (extension ?? '').split(';').map((part) => part.trim());
  if (more.length > 0 || name !== 'permessage-deflate') {
    throw new Error(`the server accepted extensions we did not offer: ${header}`);
  }
  const accepted: DeflateParams = {};
  for (const param of params) {
    const [key = '', value] = param.split('=').map((part) => part.trim().replace(/^"|"$/g, ''));
    const valid = PARAMS[key];
    if (valid === undefined || key in accepted || !valid(value ?? true)) {
      throw new Error(`a permessage-deflate parameter we cannot accept: ${param}`);
    }
    accepted[key] = value ?? true;
  }
  if (accepted.server_no_context_takeover !== true) {
    throw new Error('the server kept its compression context (no server_no_context_takeover)');
  }
  return accepted;
}

export type StreamHandlers = {
  /** A whole text or binary message, its payload as received (still compressed if RSV1). */
  onMessage(message: WireMessage): void;
  /** Once, with the close code (1006 when the connection ended without a close frame). */
  onClose(code: number): void;
};

export type RawStream = {
  /** What the server agreed to, or null: then every frame comes plain. */
  deflate: DeflateParams | null;
  sendText(text: string): void;
  close(code: number): void;
  /** Bytes received after the handshake: frame headers and payloads, as on the wire. */
  wireBytes(): number;
};

type Handshake = { key: string; offer: string | null };

function upgradeRequest(url: URL, { key, offer }: Handshake): string {
  const lines = [
    `GET ${url.pathname}${url.search} HTTP/1.1`,
    `Host: ${url.host}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${key}`,
    'Sec-WebSocket-Version: 13',
    ...(offer === null ? [] : [`Sec-WebSocket-Extensions: ${offer}`]),
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Checks the server's answer to the upgrade; returns what it agreed to or throws why not. */
export function checkUpgradeResponse(head: string, { key, offer }: Handshake) {
  const [status = '', ...lines] = head.split('\r\n');
  if (!/^HTTP\/1\.1 101 /.test(status)) throw new Error(`the stream refused to upgrade: ${status}`);
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers.set(name, headers.has(name) ? `${headers.get(name) ?? ''}, ${value}` : value);
  }
  if (headers.get('upgrade')?.toLowerCase() !== 'websocket') throw new Error('no Upgrade');
  if (!/\bupgrade\b/i.test(headers.get('connection') ?? '')) throw new Error('no Connection');
  if (headers.get('sec-websocket-accept') !== acceptFor(key)) {
    throw new Error('Sec-WebSocket-Accept does not match our key');
  }
  const deflate = acceptedDeflate(headers.get('sec-websocket-extensions'));
  if (deflate !== null && offer === null) throw new Error('deflate accepted but never offered');
  return deflate;
}

/** Opens the stream and resolves once the server's 101 has been checked. */
export function openStream(
  streamUrl: string,
  handlers: StreamHandlers,
  offer: string | null = CHROMIUM_DEFLATE_OFFER,
): Promise<RawStream> {
  const url = new URL(streamUrl);
  const handshake = { key: randomBytes(16).toString('base64'), offer };
  const socket = net.connect({ host: url.hostname, port: Number(url.port) });
  socket.setNoDelay(true);
  return new Promise((resolve, reject) => {
    let head = Buffer.alloc(0);
    const onHead = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.off('data', onHead);
      socket.off('error', reject);
      socket.off('close', beforeUpgrade);
      try {
        const deflate = checkUpgradeResponse(head.toString('latin1', 0, end), handshake);
        const connection = new Connection(socket, deflate, handlers);
        const rest = head.subarray(end + 4);
        if (rest.length > 0) connection.read(rest);
        resolve(connection);
      } catch (error) {
        socket.destroy();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const beforeUpgrade = (): void => {
      reject(new Error('the stream closed before answering the upgrade'));
    };
    socket.on('data', onHead);
    socket.once('error', reject);
    socket.once('close', beforeUpgrade);
    socket.write(upgradeRequest(url, handshake));
  });
}

/** The open connection: frames read as they come, pings answered, the close handshake done. */
class Connection implements RawStream {
  private received = 0;
  private closeSent = false;
  /** 1006 until a close frame says otherwise (RFC 6455 §7.1.5). */
  private closeCode = 1006;
  private readonly reader = new FrameReader((message) => {
    this.onWireMessage(message);
  });

  constructor(
    private readonly socket: net.Socket,
    readonly deflate: DeflateParams | null,
    private readonly handlers: StreamHandlers,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.read(chunk);
    });
    socket.on('error', () => socket.destroy());
    socket.once('close', () => {
      handlers.onClose(this.closeCode);
    });
  }

  read(chunk: Buffer): void {
    this.received += chunk.length;
    try {
      this.reader.push(chunk);
    } catch (error) {
      if (!(error instanceof FrameError)) throw error;
      this.close(1002);
      this.socket.destroy();
    }
  }

  sendText(text: string): void {
    this.socket.write(maskedFrame(OPCODE.text, Buffer.from(text)));
  }

  close(code: number): void {
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    this.closeCode = code;
    this.sendClose(payload);
  }

  wireBytes(): number {
    return this.received;
  }

  private onWireMessage(message: WireMessage): void {
    const { opcode, payload } = message;
    if (opcode === OPCODE.ping) this.socket.write(maskedFrame(OPCODE.pong, payload));
    else if (opcode === OPCODE.close) {
      this.closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      this.sendClose(payload.subarray(0, 2));
    } else if (opcode !== OPCODE.pong) {
      if (message.compressed && this.deflate === null) throw new FrameError('RSV1 unnegotiated');
      this.handlers.onMessage(message);
    }
  }

  private sendClose(payload: Buffer): void {
    if (this.closeSent || this.socket.destroyed) return;
    this.closeSent = true;
    this.socket.end(maskedFrame(OPCODE.close, payload));
  }
}
