import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import {
  STREAM_HEARTBEAT_MS,
  STREAM_HELLO_TIMEOUT_MS,
  STREAM_PATH,
} from '@atendo/shared/sync/protocol';
import type { Config } from '../config';
import { revalidateLiveSessions } from '../auth/sessions';
import type { Deps } from '../services/deps';
import { fanoutFor, type FanoutOptions } from './fanout';
import { acceptStream, type StreamConnection } from './stream';
import { every, realTimer, type SetTimer } from './stream-timer';
import { SHARED_DEFLATE_OPTIONS, WS_SENDER_INTERNALS } from './stream-ws-writer';

export type StreamServerOptions = {
  /** Heartbeats, hello deadlines and the shutdown grace; tests pass a manual timer. */
  setTimer?: SetTimer;
  heartbeatMs?: number;
  helloTimeoutMs?: number;
  fanout?: Partial<FanoutOptions>;
};

export type StreamServer = {
  /** Takes the HTTP server's upgrade requests: STREAM_PATH becomes a stream, others get 404. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every stream with 1001 (going away), so clients reconnect and resync. */
  close(): Promise<void>;
};

/** How long a client may take to answer the shutdown's close frame before it is cut off. */
const CLOSE_GRACE_MS = 2000;

/** The only frame a client sends is its small hello; anything larger is not a client of ours. */
const MAX_INCOMING_BYTES = 4096;

/**
 * The live sync stream: a plain websocket beside the HTTP API on the same port. It is not a
 * tRPC subscription because tRPC serialises every event once per connection; here the fan-out
 * serialises once per group of agents and every socket writes the same bytes.
 */
export function createStreamServer(
  deps: Deps,
  config: Config,
  options: StreamServerOptions = {},
): StreamServer {
  const setTimer = options.setTimer ?? realTimer;
  if (WS_SENDER_INTERNALS === null) {
    deps.logger.warn('this ws has no usable Sender internals: stream frames go out uncompressed');
  }
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_INCOMING_BYTES,
    perMessageDeflate: WS_SENDER_INTERNALS === null ? false : SHARED_DEFLATE_OPTIONS,
  });
  const fanout = fanoutFor(deps.db, deps.feed, deps.logger, {
    roundSpacingMs: config.streamRoundMs,
    ...options.fanout,
  });
  const connections = new Map<WebSocket, StreamConnection>();
  const context = {
    deps,
    config,
    fanout,
    setTimer,
    helloTimeoutMs: options.helloTimeoutMs ?? STREAM_HELLO_TIMEOUT_MS,
  };
  wss.on('connection', (socket: WebSocket) => {
    connections.set(socket, acceptStream(socket, context));
    socket.once('close', () => connections.delete(socket));
  });
  const beat = async (): Promise<void> => {
    if (connections.size === 0) return;
    // Every stream's session is checked again at every heartbeat: how a sign-out, revocation
    // or deactivation on another server node reaches this node's streams (session-hub.ts).
    await revalidateLiveSessions(deps.db, deps.clock.now()).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'sync stream heartbeat could not check the sessions');
    });
    const frame = await fanout.heartbeat();
    for (const connection of connections.values()) connection.heartbeat(frame);
  };
  const stopHeartbeat = every(setTimer, options.heartbeatMs ?? STREAM_HEARTBEAT_MS, () => {
    beat().catch((error: unknown) => {
      deps.logger.error({ err: error }, 'sync stream heartbeat could not read the feed');
    });
  });
  let closing = false;
  return {
    handleUpgrade: (request, socket, head) => {
      if (closing || pathOf(request.url) !== STREAM_PATH) {
        refuseUpgrade(socket, closing ? '503 Service Unavailable' : '404 Not Found');
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => {
        wss.emit('connection', ws, request);
      });
    },
    close: async () => {
      closing = true;
      stopHeartbeat();
      await Promise.all([...connections.keys()].map((ws) => goAway(ws, setTimer)));
      await new Promise<void>((resolve) => {
        wss.close(() => {
          resolve();
        });
      });
    },
  };
}

const pathOf = (url: string | undefined): string =>
  new URL(url ?? '/', 'http://localhost').pathname;

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Closes one stream with 1001 and resolves once it is closed, cutting it off after a grace. */
function goAway(ws: WebSocket, setTimer: SetTimer): Promise<void> {
  return new Promise<void>((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) {
      resolve();
      return;
    }
    const cancel = setTimer(() => {
      ws.terminate();
    }, CLOSE_GRACE_MS);
    ws.once('close', () => {
      cancel();
      resolve();
    });
    ws.close(1001, 'server shutting down');
  });
}
