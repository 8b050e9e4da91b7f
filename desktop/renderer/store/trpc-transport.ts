import { TRPCClientError } from '@trpc/client';
import { z } from 'zod';
import { describeApiError } from '../api/api-error';
import { createApiClient, type ApiClient } from '../api/trpc-client';
import { realTimer, type SetTimer } from './stream-hub';
import { openStreamSocket, streamUrl, type WebSocketConstructor } from './stream-socket';
import { parsePullResult } from './sync-wire';
import { RefusalError, TransientError, type SyncTransport } from './transport';

/*
 * The store's transport: the app's tRPC client (batched HTTP) for pulls and actions, typed with
 * the server's AppRouter, and the plain websocket at STREAM_PATH for the live stream
 * (stream-socket.ts). Every answer is still parsed with the shared zod schemas (sync-wire.ts):
 * the network is a trust boundary whatever the types say.
 */

const HttpStatus = z.object({ httpStatus: z.number().int() });

/**
 * A refusal with a stable code becomes a `RefusalError`; a server that answered 5xx, 408 or
 * 429 without one a `TransientError`; anything else (no answer at all) is left as it is and
 * retried as a network failure.
 */
export function toTransportError(error: unknown): unknown {
  const failure = describeApiError(error);
  if (failure.kind === 'atendo') {
    return new RefusalError(failure.code, failure.message, failure.details);
  }
  const status = error instanceof TRPCClientError ? HttpStatus.safeParse(error.data) : null;
  if (status?.success !== true) return error;
  const code = status.data.httpStatus;
  if (code === 429) return new TransientError('rate-limited', code, failure.message);
  if (code >= 500 || code === 408) return new TransientError('server-error', code, failure.message);
  return new RefusalError('invalid-input', failure.message, { httpStatus: code });
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toTransportError(error);
  }
}

export type TrpcTransportOptions = {
  /** The server's base address, e.g. https://atendo.example.com. */
  serverUrl: string;
  /** Read on every request and every stream connection. */
  getToken: () => string | null;
  /** The app's API client, reused for pulls and actions; one is made when absent. */
  client?: ApiClient;
  /** The browser's WebSocket by default; tests pass the `ws` package's. */
  WebSocket?: WebSocketConstructor;
  setTimer?: SetTimer;
  /** Defaults to the protocol's STREAM_SILENCE_MS. */
  silenceMs?: number;
};

export function createTrpcTransport(options: TrpcTransportOptions): SyncTransport {
  const { serverUrl, getToken } = options;
  const client = options.client ?? createApiClient({ serverUrl, getToken });
  const stream = {
    url: streamUrl(serverUrl),
    getToken,
    WebSocket: options.WebSocket ?? globalThis.WebSocket,
    setTimer: options.setTimer ?? realTimer,
    silenceMs: options.silenceMs,
  };
  return {
    pull: (input) =>
      call(async () => parsePullResult(input.collection, await client.sync.pull.query(input))),
    stream: (onEvent, onError) => openStreamSocket(stream, onEvent, onError),
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
