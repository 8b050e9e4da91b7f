import {
  createTRPCUntypedClient,
  createWSClient,
  httpBatchLink,
  splitLink,
  TRPCClientError,
  wsLink,
} from '@trpc/client';
import { z } from 'zod';
import {
  Checkpoint,
  SYNC_DOCUMENT_SCHEMAS,
  SyncCollection,
  type PullResult,
  type StreamEvent,
  type SyncDocument,
} from '@atendo/shared/sync/protocol';
import { RefusalError, type SyncTransport } from './transport';

/*
 * The client is untyped on purpose: `@atendo/server/router` (the AppRouter type) did not exist
 * when this was written. Every answer is parsed with the shared zod schemas instead, which is
 * what a trust boundary needs anyway. Once the router exists, `createTRPCClient<AppRouter>` can
 * replace the path strings below without changing the store.
 */

export type TrpcTransportOptions = {
  /** e.g. https://atendo.example.com/trpc */
  httpUrl: string;
  /** e.g. wss://atendo.example.com/trpc */
  wsUrl: string;
  getToken: () => string | Promise<string>;
};

const documentSchema = (collection: SyncCollection) =>
  SYNC_DOCUMENT_SCHEMAS[collection].and(z.object({ _deleted: z.boolean() }));

const parseDocuments = (collection: SyncCollection, documents: unknown) =>
  z.array(documentSchema(collection)).parse(documents) as SyncDocument<SyncCollection>[];

const PullEnvelope = z.object({
  documents: z.array(z.unknown()),
  checkpoint: Checkpoint,
  reset: z.boolean(),
});

const StreamEnvelope = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('changes'),
    collection: SyncCollection,
    documents: z.array(z.unknown()),
    checkpoint: Checkpoint,
  }),
  z.object({
    type: z.literal('resync'),
    reason: z.enum(['connected', 'lagging', 'scope-changed']),
  }),
]);

export function parseStreamEvent(raw: unknown): StreamEvent {
  const event = StreamEnvelope.parse(raw);
  if (event.type === 'resync') return event;
  return { ...event, documents: parseDocuments(event.collection, event.documents) };
}

const RefusalData = z.object({
  atendoCode: z.string(),
  details: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .optional(),
});

/** Turns a tRPC error that carries a stable Atendo code into a `RefusalError`. */
export function toTransportError(error: unknown): unknown {
  if (!(error instanceof TRPCClientError)) return error;
  const data = RefusalData.safeParse(error.data);
  if (!data.success) return error;
  return new RefusalError(data.data.atendoCode, error.message, data.data.details ?? {});
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toTransportError(error);
  }
}

export function createTrpcTransport(options: TrpcTransportOptions): SyncTransport {
  const wsClient = createWSClient({
    url: options.wsUrl,
    lazy: { enabled: true, closeMs: 0 },
    connectionParams: async () => ({ token: await options.getToken() }),
  });
  const client = createTRPCUntypedClient({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: wsClient }),
        false: httpBatchLink({
          url: options.httpUrl,
          headers: async () => ({ authorization: `Bearer ${await options.getToken()}` }),
        }),
      }),
    ],
  });

  return {
    pull: (input) =>
      call(async () => {
        const raw = PullEnvelope.parse(await client.query('sync.pull', input));
        const result: PullResult = {
          ...raw,
          documents: parseDocuments(input.collection, raw.documents),
        };
        return result;
      }),
    stream(onEvent, onError) {
      const subscription = client.subscription('sync.stream', undefined, {
        onData: (raw: unknown) => {
          try {
            onEvent(parseStreamEvent(raw));
          } catch (error) {
            // A malformed event means we may have missed changes: end and resubscribe.
            subscription.unsubscribe();
            onError(error);
          }
        },
        onError: (error: unknown) => {
          onError(toTransportError(error));
        },
        onComplete: () => {
          onError(new Error('The change stream ended.'));
        },
      });
      return () => {
        subscription.unsubscribe();
      };
    },
    sendMessage: (input) =>
      call(async () => {
        const { kind, ...rest } = input;
        const path = {
          text: 'conversation.sendText',
          template: 'conversation.sendTemplate',
          attachment: 'conversation.sendAttachment',
        }[kind];
        await client.mutation(path, rest);
      }),
    updateContact: (input) =>
      call(async () => {
        await client.mutation('contact.update', input);
      }),
  };
}
