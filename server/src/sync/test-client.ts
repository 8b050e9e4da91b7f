import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from '@trpc/client';
import { WebSocket } from 'ws';
import type {
  Checkpoint,
  PullResult,
  StreamEvent,
  SyncCollection,
} from '@atendo/shared/sync/protocol';
import type { AppRouter } from '../router';
import type { TestServer } from './test-harness';

/*
 * A client the way the desktop app connects: queries over HTTP with a bearer token, the stream
 * over a real websocket with the token in connectionParams, reconnecting quickly so restart
 * tests stay short.
 */

export type TestClient = ReturnType<typeof connectClient>;

export function connectClient(server: Pick<TestServer, 'wsUrl' | 'httpUrl'>, token: string | null) {
  const ws = createWSClient({
    url: server.wsUrl,
    WebSocket: WebSocket as unknown as NonNullable<
      Parameters<typeof createWSClient>[0]['WebSocket']
    >,
    connectionParams: token === null ? {} : { token },
    retryDelayMs: () => 20,
  });
  const trpc = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: ws }),
        false: httpBatchLink({
          url: server.httpUrl,
          headers: () => (token === null ? {} : { authorization: `Bearer ${token}` }),
        }),
      }),
    ],
  });
  return { trpc, close: () => ws.close() };
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

/** Records a stream's events and lets a test wait for one, without sleeping. */
export class StreamRecorder {
  readonly events: StreamEvent[] = [];
  readonly errors: unknown[] = [];
  private waiters: (() => void)[] = [];
  private unsubscribe: () => void = () => undefined;

  constructor(client: TestClient) {
    const subscription = client.trpc.sync.stream.subscribe(undefined, {
      onData: (event) => {
        this.events.push(event);
        this.notify();
      },
      onError: (error) => {
        this.errors.push(error);
        this.notify();
      },
    });
    this.unsubscribe = () => {
      subscription.unsubscribe();
    };
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

  count(reason: 'connected' | 'lagging' | 'scope-changed'): number {
    return this.events.filter((e) => e.type === 'resync' && e.reason === reason).length;
  }

  stop(): void {
    this.unsubscribe();
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
