import { INVOKE_CONTRACT, type AtendoBridge } from '@atendo/shared/ipc/contract';
import { clearSession, hasStoredSession, loadSession, type Session } from './session-storage';

/**
 * Where the workspace keeps the session between starts: always through the bridge. In the
 * desktop app main stores it encrypted with safeStorage (main/session-vault.ts); in the browser
 * build the bridge keeps it in localStorage (bridge/browser-fallback.ts).
 */
export type SessionStore = {
  load: () => Promise<Session | null>;
  save: (session: Session) => Promise<void>;
  clear: () => Promise<void>;
};

export function bridgeSessionStore(bridge: AtendoBridge): SessionStore {
  return {
    load: async () => {
      // Main checked the session already; the answer is parsed again because a stored value
      // written by another version of the app is untrusted on this side too.
      const answer = INVOKE_CONTRACT['session:load'].response.safeParse(
        await bridge.invoke('session:load'),
      );
      return answer.success ? answer.data.session : null;
    },
    save: async (session) => {
      await bridge.invoke('session:save', session);
    },
    clear: async () => {
      await bridge.invoke('session:clear');
    },
  };
}

/**
 * Earlier desktop versions kept the session in the renderer's localStorage, in the clear. On the first start of this version it moves into main's store (unless main already
 * holds one, which is newer) and leaves localStorage; if main cannot take it this time it stays
 * where it is for the next start and is used as it is for this one.
 */
export async function migrateLegacySession(
  store: SessionStore,
  storage: Storage,
): Promise<Session | null> {
  if (!hasStoredSession(storage)) return store.load();
  const legacy = loadSession(storage);
  const current = await store.load();
  if (current !== null || legacy === null) {
    clearSession(storage);
    return current;
  }
  try {
    await store.save(legacy);
  } catch {
    return legacy;
  }
  clearSession(storage);
  return store.load();
}

/** The session at start: migrated first in the desktop app, as it is in the browser build. */
export function restoreSession(input: {
  store: SessionStore;
  desktop: boolean;
  storage: Storage;
}): Promise<Session | null> {
  return input.desktop ? migrateLegacySession(input.store, input.storage) : input.store.load();
}
