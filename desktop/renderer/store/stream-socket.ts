import {
  STREAM_CLOSE,
  STREAM_PATH,
  STREAM_SILENCE_MS,
  type StreamEvent,
  type StreamHello,
} from '@atendo/shared/sync/protocol';
import type { SetTimer } from './stream-hub';
import { parseStreamFrame } from './sync-wire';
import { RefusalError, type Unsubscribe } from './transport';

/*
 * The live change stream over the plain websocket at STREAM_PATH (shared/src/sync/protocol.ts):
 * one hello with the token, then frames of events until the socket closes. Reconnecting is not
 * done here: the stream reports its end once and the stream hub resubscribes and resyncs.
 */

/**
 * What the stream needs of a websocket. The browser's `WebSocket` and the `ws` package's both
 * fit, so the app passes the former and the tests the latter against a real server.
 */
export type WebSocketLike = {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(
    type: 'close',
    listener: (event: { code: number; reason: string }) => void,
  ): void;
};
export type WebSocketConstructor = new (url: string) => WebSocketLike;

export type StreamSocketOptions = {
  /** e.g. wss://atendo.example.com/sync/stream, see streamUrl(). */
  url: string;
  /** Read when the socket opens, so a renewed token is used on the next connection. */
  getToken: () => string | null;
  WebSocket: WebSocketConstructor;
  setTimer: SetTimer;
  /** How long without any frame (heartbeats included) before the stream counts as dead. */
  silenceMs?: number;
};

/** The stream's address on the API's server: http(s) becomes ws(s). */
export const streamUrl = (serverUrl: string): string =>
  `${serverUrl.replace(/\/+$/, '').replace(/^http/, 'ws')}${STREAM_PATH}`;

const REFUSALS: Record<number, { code: string; message: string }> = {
  [STREAM_CLOSE.badHello]: { code: 'invalid-input', message: 'The server refused the hello.' },
  [STREAM_CLOSE.unauthenticated]: {
    code: 'unauthenticated',
    message: 'The session is no longer valid.',
  },
  [STREAM_CLOSE.helloTimeout]: { code: 'invalid-input', message: 'The hello came too late.' },
};

/**
 * A 44xx close is a refusal: the same token would be refused again, and 4401 tells the app to
 * sign the agent out. Any other close (1001 on a server shutdown, 1006 on a lost network) is
 * an ordinary failure the hub retries.
 */
export function closeError(code: number, reason: string): Error {
  const refusal = REFUSALS[code];
  if (refusal) return new RefusalError(refusal.code, refusal.message, { closeCode: code, reason });
  return new Error(
    `The change stream closed (code ${String(code)}${reason ? `: ${reason}` : ''}).`,
  );
}

/**
 * Opens the stream. `onEvent` gets every event in order; `onError` is called once when the
 * stream ends for any reason: a close, a malformed frame, or STREAM_SILENCE_MS without a frame.
 * The returned function closes the socket normally and reports nothing.
 */
export function openStreamSocket(
  options: StreamSocketOptions,
  onEvent: (event: StreamEvent) => void,
  onError: (error: unknown) => void,
): Unsubscribe {
  const silenceMs = options.silenceMs ?? STREAM_SILENCE_MS;
  const socket = new options.WebSocket(options.url);
  let ended = false;
  let cancelSilence: () => void = () => undefined;
  const isOpen = () => !ended;

  const finish = (error: unknown) => {
    if (ended) return;
    ended = true;
    cancelSilence();
    // Closing a socket that is still connecting aborts it, which is what is wanted here.
    socket.close(1000);
    if (error !== null) onError(error);
  };
  // Armed from the start, so a connection that hangs before opening also counts as dead.
  const armSilence = () => {
    cancelSilence();
    cancelSilence = options.setTimer(() => {
      finish(new Error(`The change stream was silent for ${String(silenceMs)} ms.`));
    }, silenceMs);
  };
  armSilence();

  socket.addEventListener('open', () => {
    const token = options.getToken();
    if (token === null) {
      finish(new RefusalError('unauthenticated', 'Not signed in.'));
      return;
    }
    const hello: StreamHello = { type: 'hello', token };
    socket.send(JSON.stringify(hello));
  });
  socket.addEventListener('message', (event) => {
    if (ended) return;
    armSilence();
    let events: StreamEvent[];
    try {
      events = parseStreamFrame(event.data);
    } catch (error) {
      // Changes may be missing: end the stream, the hub resubscribes and resyncs.
      finish(error);
      return;
    }
    // A handler may unsubscribe (the store closing) part-way through a frame.
    for (const streamEvent of events) if (isOpen()) onEvent(streamEvent);
  });
  socket.addEventListener('close', (event) => {
    finish(closeError(event.code, event.reason));
  });
  // A failed socket always closes too, but the close carries the code worth reporting; the
  // silence timer covers a close that never comes.
  socket.addEventListener('error', () => undefined);

  return () => {
    finish(null);
  };
}
