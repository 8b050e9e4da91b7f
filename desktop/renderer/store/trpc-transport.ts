import { z } from 'zod';
import {
  Checkpoint,
  SYNC_DOCUMENT_SCHEMAS,
  SyncCollection,
  type PullResult,
  type StreamEvent,
  type SyncDocument,
} from '@atendo/shared/sync/protocol';
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from '@trpc/client';
import type { AppRouter } from '@atendo/server/router';
import { describeApiError } from '../api/api-error';
import type { ApiClient } from '../api/trpc-client';
import { RefusalError, type SyncTransport } from './transport';

/*
 * The store's transport over the app's one tRPC connection (desktop/renderer/api): batched HTTP
 * for pulls and actions, the websocket for `sync.stream`. The client is typed with the server's
 * AppRouter, and every answer is still parsed with the shared zod schemas: the network is a
 * trust boundary whatever the types say.
 */

const documentSchema = (collection: SyncCollection) =>
  SYNC_DOCUMENT_SCHEMAS[collection].and(z.object({ _deleted: z.boolean() }));

// Each collection's schema produces that collection's document type; zod cannot tie the two
// through a runtime key, hence the one assertion.
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

export function parsePullResult(collection: SyncCollection, raw: unknown): PullResult {
  const envelope = PullEnvelope.parse(raw);
  return { ...envelope, documents: parseDocuments(collection, envelope.documents) };
}

/** A refusal with a stable code becomes a `RefusalError`; anything else is left to retry. */
export function toTransportError(error: unknown): unknown {
  const failure = describeApiError(error);
  if (failure.kind !== 'atendo') return error;
  return new RefusalError(failure.code, failure.message, failure.details);
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toTransportError(error);
  }
}

/**
 * Either the app's existing client (one websocket for everything, preferred), or the addresses
 * to open a dedicated connection with lazy reconnect and the token as connectionParams.
 */
export type TrpcTransportOptions =
  | { client: ApiClient }
  | {
      /** e.g. https://atendo.example.com/trpc */
      httpUrl: string;
      /** e.g. wss://atendo.example.com/trpc */
      wsUrl: string;
      getToken: () => string | null;
    };

function clientFor(options: TrpcTransportOptions): ApiClient {
  if ('client' in options) return options.client;
  const token = () => options.getToken();
  const socket = createWSClient({
    url: options.wsUrl,
    lazy: { enabled: true, closeMs: 30_000 },
    connectionParams: () => {
      const value = token();
      return value === null ? {} : { token: value };
    },
  });
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: socket }),
        false: httpBatchLink({
          url: options.httpUrl,
          headers: (): Record<string, string> => {
            const value = token();
            return value === null ? {} : { authorization: `Bearer ${value}` };
          },
        }),
      }),
    ],
  });
}

export function createTrpcTransport(options: TrpcTransportOptions): SyncTransport {
  const client = clientFor(options);
  return {
    pull: (input) =>
      call(async () => parsePullResult(input.collection, await client.sync.pull.query(input))),
    stream(onEvent, onError) {
      const subscription = client.sync.stream.subscribe(undefined, {
        onData: (raw: unknown) => {
          try {
            onEvent(parseStreamEvent(raw));
          } catch (error) {
            // A malformed event means changes may be missing: end it, the store resubscribes.
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
        // tRPC would quietly reconnect and resubscribe by itself; reporting the lost socket
        // lets the store show "offline" and resync once it is back.
        onConnectionStateChange: (state) => {
          if (state.state === 'connecting' && state.error !== null) {
            subscription.unsubscribe();
            onError(toTransportError(state.error));
          }
        },
      });
      return () => {
        subscription.unsubscribe();
      };
    },
    sendMessage: (input) =>
      call(async () => {
        switch (input.kind) {
          case 'text': {
            const { conversationId, clientId, body } = input;
            await client.conversation.sendText.mutate({ conversationId, clientId, text: body });
            return;
          }
          case 'template': {
            const { conversationId, clientId, templateId, params } = input;
            await client.conversation.sendTemplate.mutate({
              conversationId,
              clientId,
              templateId,
              params,
            });
            return;
          }
          case 'attachment': {
            const { conversationId, clientId, attachmentId, caption } = input;
            await client.conversation.sendAttachment.mutate({
              conversationId,
              clientId,
              attachmentIds: [attachmentId],
              caption: caption ?? '',
            });
            return;
          }
        }
      }),
    updateContact: (input) =>
      call(async () => {
        await client.contact.update.mutate(input);
      }),
  };
}
