import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  splitLink,
  wsLink,
  type TRPCClient,
} from '@trpc/client';
import type { AppRouter } from '@atendo/server/router';

export type ApiClient = TRPCClient<AppRouter>;

export type ApiClientOptions = {
  /** The server's base address, e.g. https://atendo.example.com (no trailing slash needed). */
  serverUrl: string;
  /** Read on every request, so a renewed token is used without rebuilding the client. */
  getToken: () => string | null;
  /** Called when the websocket opens or closes, for the offline banner. */
  onSocketState?: (state: 'open' | 'closed') => void;
};

export type ApiConnection = { client: ApiClient; close: () => void };

export const trpcUrl = (serverUrl: string): string => `${serverUrl.replace(/\/+$/, '')}/trpc`;

export const websocketUrl = (serverUrl: string): string =>
  trpcUrl(serverUrl).replace(/^http/, 'ws');

/**
 * Queries and mutations go over batched HTTP; subscriptions (the live change stream) over a
 * websocket that reconnects by itself. Both carry the agent's bearer token.
 */
export function createApiConnection(options: ApiClientOptions): ApiConnection {
  const { serverUrl, getToken, onSocketState } = options;
  const authHeaders = (): Record<string, string> => {
    const token = getToken();
    return token === null ? {} : { authorization: `Bearer ${token}` };
  };
  const socket = createWSClient({
    url: websocketUrl(serverUrl),
    lazy: { enabled: true, closeMs: 30_000 },
    connectionParams: () => {
      const token = getToken();
      return token === null ? {} : { token };
    },
    onOpen: () => onSocketState?.('open'),
    onClose: () => onSocketState?.('closed'),
  });
  const client = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: socket }),
        false: httpBatchLink({ url: trpcUrl(serverUrl), headers: authHeaders }),
      }),
    ],
  });
  return { client, close: () => void socket.close() };
}
