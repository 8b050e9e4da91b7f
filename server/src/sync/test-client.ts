import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { Socket } from 'node:net';
import { WebSocket } from 'ws';
import {
  StreamFrame,
  type Checkpoint,
  type PullResult,
  type StreamEvent,
  type SyncCollection,
} from '@atendo/shared/sync/protocol';
import type { AppRouter } from '../router';
import type { TestServer } from './test-harness';

/*
 * A client the way the desktop app connects: queries over HTTP with a bearer token, the live
 * stream over a plain websocket that says hello with the token and reconnects quickly after
 * the server went away, so restart tests stay short.
 */

export type TestClient = {
  trpc: ReturnType<typeof createTRPCClient<AppRouter>>;
  streamUrl: string;
  token: string | null;
  /** Stops every stream this client opened. */
  close(): Promise<void>;
  readonly recorders: Set<StreamRecorder>;
};

export function connectClient(
  server: Pick<TestServer, 'streamUrl' | 'httpUrl'>,
  token: string | null,
): TestClient {
  const trpc = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: server.httpUrl,
        headers: () => (token === null ? {} : { authorization: `Bearer ${token}` }),
      }),
    ],
  });
  const recorders = new Set<StreamRecorder>();
  return {
    trpc,
    streamUrl: server.streamUrl,
    token,
    recorders,
    close: async () => {
      await Promise.all([...recorders].map((recorder) => recorder.stop()));
    },
  };
}

/** Pulls pages until a short one, the way the replica does, and returns all documents. */
export async function pullAll(
  client: TestClient,
  collection: SyncCollection,
  from: Checkpoint | null = null,
  limit = 500,
): Promise<PullResult & { pages: number }> {
  let checkpoint = from;
  const documents: PullResult['documents'] = [];
  for (let pages = 1; ; pages++) {
    const page = await client.trpc.sync.pull.query({ collection, checkpoint, limit });
    if (page.reset) return { ...page, pages };
    documents.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length < limit) return { documents, checkpoint, reset: false, pages };
  }
}

export type RecorderOptions = {
  /** What the recorder says first (null: nothing); by default a hello with the token. */
  hello?: string | null;
  /** False plays a client that never answers the server's pings. */
  autoPong?: boolean;
  /** False plays a client that refuses permessage-deflate; by default it negotiates it. */
  perMessageDeflate?: boolean;
  /** Called with each frame's events as it arrives (benchmarks note arrival times). */
  onEvents?: (events: readonly StreamEvent[]) => void;
};

/** Delay before reconnecting after the server went away (the desktop backs off longer). */
const RETRY_MS = 20;

/**
 * Opens the live stream and records its frames and events, reconnecting (with a new hello)
 * when the server goes away, until stopped or refused with a 44xx code. Lets a test wait for a
 * condition without sleeping.
 */
export class StreamRecorder {
  readonly events: StreamEvent[] = [];
  /** Every frame as received, heartbeats included. */
  readonly frames: string[] = [];
  /** Close codes, in order; 44xx ends the recorder. */
  readonly closes: number[] = [];
  /** The close reasons, beside `closes`. */
  readonly reasons: string[] = [];
  /** Connections opened (the server has accepted the socket when this counts it). */
  opens = 0;
  private waiters: (() => void)[] = [];
  private socket: WebSocket | null = null;
  private tcp: Socket | null = null;
  private stopped = false;
  private readonly hello: string | null;

  constructor(
    private readonly client: Pick<TestClient, 'streamUrl' | 'token' | 'recorders'>,
    private readonly options: RecorderOptions = {},
  ) {
    this.hello =
      options.hello === undefined
        ? JSON.stringify({ type: 'hello', token: client.token })
        : options.hello;
    client.recorders.add(this);
    this.open();
  }

  /** Resolves once `predicate` holds for what was received so far. */
  async until(predicate: (recorder: StreamRecorder) => boolean): Promise<void> {
    while (!predicate(this)) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Every document received in `changes` events of one collection. */
  documents(collection: SyncCollection): { id: string; _deleted: boolean }[] {
    return this.events.flatMap((event) =>
      event.type === 'changes' && event.collection === collection ? event.documents : [],
    );
  }

  /** Bytes the current connection has read from the network: what the frames cost on the wire. */
  get bytesRead(): number {
    return this.tcp?.bytesRead ?? 0;
  }

  count(reason: 'connected' | 'lagging' | 'scope-changed'): number {
    return this.events.filter((e) => e.type === 'resync' && e.reason === reason).length;
  }

  /**
   * Pings the server and resolves on its pong. Frames on one socket are handled in order, so
   * by then the server has also handled everything this client sent before, such as the pong
   * to the server's own last ping.
   */
  async roundTrip(): Promise<void> {
    const socket = this.socket;
    if (socket === null) throw new Error('the stream is not open');
    await new Promise<void>((resolve) => {
      socket.once('pong', () => {
        resolve();
      });
      socket.ping();
    });
  }

  /** Closes the stream for good and resolves once the socket is closed. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.client.recorders.delete(this);
    const socket = this.socket;
    if (socket === null || socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => {
        resolve();
      });
      socket.close();
    });
  }

  private open(): void {
    const socket = new WebSocket(this.client.streamUrl, {
      autoPong: this.options.autoPong ?? true,
      perMessageDeflate: this.options.perMessageDeflate ?? true,
    });
    this.socket = socket;
    socket.once('upgrade', (response) => {
      this.tcp = response.socket;
    });
    socket.on('open', () => {
      this.opens += 1;
      this.notify();
      if (this.hello !== null) socket.send(this.hello);
    });
    socket.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      this.frames.push(text);
      // The envelope is checked here; documents are the server's own, so they are trusted to
      // match their collection's schema (sync.test.ts parses pulled ones).
      const events = StreamFrame.parse(JSON.parse(text)) as StreamEvent[];
      this.events.push(...events);
      this.options.onEvents?.(events);
      this.notify();
    });
    // A failed connection emits an error and then close; only close decides what happens next.
    socket.on('error', () => undefined);
    socket.on('close', (code, reason) => {
      this.closes.push(code);
      this.reasons.push(reason.toString('utf8'));
      this.notify();
      if (this.stopped || (code >= 4400 && code < 4500)) return;
      setTimeout(() => {
        if (!this.stopped) this.open();
      }, RETRY_MS);
    });
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
