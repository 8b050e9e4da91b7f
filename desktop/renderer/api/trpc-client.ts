import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '@atendo/server/router';

export type ApiClient = TRPCClient<AppRouter>;

export type ApiClientOptions = {
  /** The server's base address, e.g. https://atendo.example.com (no trailing slash needed). */
  serverUrl: string;
  /** Read on every request, so a renewed token is used without rebuilding the client. */
  getToken: () => string | null;
};

/** Calls per batched request: below the server's default limit, with room to spare. */
export const MAX_BATCH_ITEMS = 20;

export const trpcUrl = (serverUrl: string): string => `${serverUrl.replace(/\/+$/, '')}/trpc`;

/**
 * Queries and mutations over batched HTTP with the agent's bearer token. The live change stream
 * is not tRPC: the local store opens its own websocket (store/stream-socket.ts), and the
 * workspace's connection state ("offline") comes from that stream, through the store's status.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const { serverUrl, getToken } = options;
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: trpcUrl(serverUrl),
        // The server refuses larger batches (ATENDO_TRPC_MAX_BATCH, 25 by default).
        maxItems: MAX_BATCH_ITEMS,
        headers: (): Record<string, string> => {
          const token = getToken();
          return token === null ? {} : { authorization: `Bearer ${token}` };
        },
      }),
    ],
  });
}
