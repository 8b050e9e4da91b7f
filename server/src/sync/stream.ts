import { WebSocket, type RawData } from 'ws';
import { STREAM_CLOSE, StreamHello } from '@atendo/shared/sync/protocol';
import type { Config } from '../config';
import type { Deps } from '../services/deps';
import { sessionForToken, sessionIdOf } from '../auth/sessions';
import { sessionHubFor, type LiveSession } from '../auth/session-hub';
import type { SyncFanout, SyncSubscription } from './fanout';
import type { OutgoingFrame } from './stream-frame';
import type { StreamSink } from './stream-outlet';
import type { SetTimer } from './stream-timer';
import { frameWriter, type FrameWriter } from './stream-ws-writer';

export type StreamContext = {
  deps: Deps;
  config: Config;
  fanout: SyncFanout;
  setTimer: SetTimer;
  helloTimeoutMs: number;
};

/** What the stream server does with one open connection besides what it does by itself. */
export type StreamConnection = {
  /** Pings the client and sends the heartbeat frame; ends a connection that ignored the last ping. */
  heartbeat(frame: OutgoingFrame): void;
};

/**
 * A websocket as the fan-out sees it: frames go out as text, the same bytes for every agent of
 * a group (deflated once for all who negotiated it). The writer is chosen once, after the
 * handshake settled the extensions.
 */
export const socketSink = (
  socket: WebSocket,
  write: FrameWriter = frameWriter(socket),
): StreamSink => ({
  send: (frame) => {
    if (socket.readyState === WebSocket.OPEN) write(frame);
  },
  get bufferedAmount() {
    return socket.bufferedAmount;
  },
});

/** The longest delay a Node timer takes; a later session expiry is re-armed from there. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * One agent's live stream. The client's first and only frame is its hello with the session
 * token; the socket is refused with a 44xx code when the hello is late, malformed or names no
 * valid session. Otherwise the agent is subscribed to the fan-out, which sends `connected` the
 * moment it registers, and the subscription ends with the socket.
 *
 * The stream lives no longer than its session: it is registered in the session hub from the
 * hello on, so sign-out and revocation close it at once (4401 with the reason), and a timer
 * closes it when the session expires. The heartbeat's session check (stream-socket.ts) catches
 * what this node was not told about.
 */
export function acceptStream(socket: WebSocket, context: StreamContext): StreamConnection {
  const { logger } = context.deps;
  let subscription: SyncSubscription | null = null;
  let answeredPing = true;
  // A function, not an inline comparison: the state changes across the awaits below.
  const isOpen = (): boolean => socket.readyState === WebSocket.OPEN;
  const refuse = (code: number, reason: string): void => {
    if (isOpen()) socket.close(code, reason);
  };
  const cancelHello = context.setTimer(() => {
    refuse(STREAM_CLOSE.helloTimeout, 'no hello');
  }, context.helloTimeoutMs);
  let unregister: () => void = () => undefined;
  let cancelExpiry: () => void = () => undefined;
  const { clock } = context.deps;
  const armExpiry = (expiresAt: number): void => {
    const delay = Math.min(Math.max(expiresAt - clock.now(), 0), MAX_TIMER_MS);
    cancelExpiry = context.setTimer(() => {
      if (clock.now() >= expiresAt) refuse(STREAM_CLOSE.unauthenticated, 'session-expired');
      else armExpiry(expiresAt);
    }, delay);
  };
  socket.on('pong', () => {
    answeredPing = true;
  });
  socket.on('error', (error) => {
    logger.debug({ err: error }, 'sync stream socket error');
  });
  socket.once('close', () => {
    cancelHello();
    cancelExpiry();
    unregister();
    subscription?.close();
    subscription = null;
  });
  socket.once('message', (data, isBinary) => {
    cancelHello();
    const start = async (): Promise<void> => {
      const token = isBinary ? null : helloToken(data);
      if (token === null) {
        refuse(STREAM_CLOSE.badHello, 'bad hello');
        return;
      }
      // Registered before the lookup, so a sign-out that lands while it runs still ends it.
      const live: LiveSession = {
        sessionId: sessionIdOf(token),
        agentId: null,
        end: (reason) => {
          refuse(STREAM_CLOSE.unauthenticated, reason);
        },
      };
      unregister = sessionHubFor(context.deps.db).register(live);
      // The session lookup loads the agent from the database, so the scope is current even
      // when the agent was moved between teams since signing in.
      const session = await sessionForToken(context.deps.db, token, clock.now());
      if (session === null) {
        refuse(STREAM_CLOSE.unauthenticated, 'unauthenticated');
        return;
      }
      live.agentId = session.agent.id;
      if (!isOpen()) return;
      armExpiry(session.expiresAt);
      const subscribed = await context.fanout.subscribe(session.agent, socketSink(socket));
      // A socket that closed meanwhile has already run its close handler: end it here.
      if (isOpen()) subscription = subscribed;
      else subscribed.close();
    };
    start().catch((error: unknown) => {
      logger.error({ err: error }, 'sync stream could not start');
      refuse(1011, 'server error');
    });
  });
  return {
    heartbeat: (frame) => {
      // Before the hello the deadline guards the socket; afterwards the ping does.
      if (subscription === null) return;
      if (!answeredPing) {
        socket.terminate();
        return;
      }
      answeredPing = false;
      socket.ping();
      subscription.heartbeat(frame);
    },
  };
}

/** The token of a valid hello, or null for anything else (not JSON, wrong shape). */
function helloToken(data: RawData): string | null {
  const bytes = Array.isArray(data)
    ? Buffer.concat(data)
    : Buffer.isBuffer(data)
      ? data
      : Buffer.from(new Uint8Array(data));
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  const hello = StreamHello.safeParse(json);
  return hello.success ? hello.data.token : null;
}
