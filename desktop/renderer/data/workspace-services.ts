import { Subject, type Observable } from 'rxjs';
import { createApiClient, type ApiClient } from '../api/trpc-client';
import { wipeDatabase } from '../store/database';
import { createLocalStore, type LocalStore } from '../store/local-store';
import { createTrpcTransport } from '../store/trpc-transport';
import { RefusalError, type SyncTransport } from '../store/transport';
import type { Session } from '../session/session-storage';
import { sessionEndReason, type SessionEndReason } from '../session/sign-out';

export type WorkspaceServices = {
  session: Session;
  api: ApiClient;
  store: LocalStore;
  /** Emits when the live stream refuses the session (token unknown, expired or revoked). */
  /** The server refused the session on the live stream, and why (its close reason). */
  sessionRefused$: Observable<SessionEndReason>;
  /** Stops sync and closes the store; safe to call more than once (sign-out, then unmount). */
  close: () => Promise<void>;
  /** Closes the store and deletes this agent's local database from this computer. */
  eraseLocalData: () => Promise<void>;
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
 * Reports a stream that the server closed as unauthenticated (STREAM_CLOSE 4401) before the
 * store retries it: the same token will never be accepted, so the app signs the agent out.
 */
export function watchSessionRefusal(
  transport: SyncTransport,
  onRefused: (reason: SessionEndReason) => void,
): SyncTransport {
  return {
    ...transport,
    stream: (onEvent, onError) =>
      transport.stream(onEvent, (error) => {
        if (error instanceof RefusalError && error.code === 'unauthenticated')
          onRefused(sessionEndReason(error.details.reason));
        onError(error);
      }),
  };
}

/**
 * The signed-in agent's services: the typed tRPC client for actions and the local store, which
 * replicates the agent's part of the server over HTTP pulls and the live stream's websocket,
 * and delivers the outbox. The store's `status$` follows that stream, so it is what says
 * "offline" when the server goes away.
 */
export async function openWorkspace(session: Session): Promise<WorkspaceServices> {
  const getToken = () => session.token;
  const api = createApiClient({ serverUrl: session.serverUrl, getToken });
  const refused = new Subject<SessionEndReason>();
  const transport = watchSessionRefusal(
    createTrpcTransport({ serverUrl: session.serverUrl, getToken, client: api }),
    (reason) => {
      refused.next(reason);
    },
  );
  const name = localDatabaseName(session);
  const store = await createLocalStore({
    name,
    transport,
    now: () => Date.now(),
    agent: session.agent,
  });
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= store.close().finally(() => {
      refused.complete();
    });
    return closing;
  };
  return {
    session,
    api,
    store,
    sessionRefused$: refused.asObservable(),
    close,
    eraseLocalData: async () => {
      await close();
      await wipeDatabase(name);
    },
  };
}
