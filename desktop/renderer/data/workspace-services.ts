import { createApiConnection, trpcUrl, websocketUrl, type ApiClient } from '../api/trpc-client';
import { createLocalStore, type LocalStore } from '../store/local-store';
import { createTrpcTransport } from '../store/trpc-transport';
import type { Session } from '../session/session-storage';

export type WorkspaceServices = {
  session: Session;
  api: ApiClient;
  store: LocalStore;
  close: () => Promise<void>;
};

/** A short stable tag for the server address, so two servers never share a local database. */
export function serverTag(serverUrl: string): string {
  let hash = 5381;
  for (const char of serverUrl) hash = ((hash * 33) ^ char.charCodeAt(0)) >>> 0;
  return hash.toString(36);
}

export const localDatabaseName = (session: Session): string =>
  `atendo-${serverTag(session.serverUrl)}-${session.agent.id}`
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '');

/**
 * The signed-in agent's services: the typed tRPC client for actions and the local store, which
 * replicates the agent's part of the server and delivers the outbox.
 */
export async function openWorkspace(session: Session): Promise<WorkspaceServices> {
  const getToken = () => session.token;
  const connection = createApiConnection({ serverUrl: session.serverUrl, getToken });
  const transport = createTrpcTransport({
    httpUrl: trpcUrl(session.serverUrl),
    wsUrl: websocketUrl(session.serverUrl),
    getToken,
  });
  const store = await createLocalStore({
    name: localDatabaseName(session),
    transport,
    now: () => Date.now(),
  });
  return {
    session,
    api: connection.client,
    store,
    close: async () => {
      connection.close();
      await store.close();
    },
  };
}
