import { describe, expect, it } from 'vitest';
import { migrateLegacySession, restoreSession, type SessionStore } from './session-store';
import { saveSession, type Session } from './session-storage';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => {
      map.clear();
    },
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => {
      map.delete(key);
    },
    setItem: (key, value) => {
      map.set(key, value);
    },
  };
}

/** Main's vault as the renderer sees it through the bridge: one session, or none. */
function mainStore(initial: Session | null = null, failSaves = false) {
  let held = initial;
  const store: SessionStore = {
    load: () => Promise.resolve(held),
    save: (session) => {
      if (failSaves) return Promise.reject(new Error('ipc down'));
      held = session;
      return Promise.resolve();
    },
    clear: () => {
      held = null;
      return Promise.resolve();
    },
  };
  return { store, held: () => held };
}

const session = (token: string): Session => ({
  serverUrl: 'https://atendo.example.com',
  token,
  presence: 'available',
  agent: {
    id: 'agent-ana',
    name: 'Ana',
    email: 'ana@example.com',
    role: 'agent',
    teamIds: ['t'],
    permissions: [],
  },
});

describe('migrateLegacySession (desktop, first start of this version)', () => {
  it('moves a session from localStorage into main and leaves nothing behind', async () => {
    const storage = memoryStorage();
    saveSession(session('legacy'), storage);
    const main = mainStore();
    expect(await migrateLegacySession(main.store, storage)).toEqual(session('legacy'));
    expect(main.held()).toEqual(session('legacy'));
    expect(storage.length).toBe(0);
  });

  it('keeps the session main already holds and still clears localStorage', async () => {
    const storage = memoryStorage();
    saveSession(session('legacy'), storage);
    const main = mainStore(session('current'));
    expect(await migrateLegacySession(main.store, storage)).toEqual(session('current'));
    expect(storage.length).toBe(0);
  });

  it('clears a broken legacy value without signing anyone in', async () => {
    const storage = memoryStorage();
    storage.setItem('atendo.session', '{broken');
    expect(await migrateLegacySession(mainStore().store, storage)).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('keeps the legacy value for the next start when main cannot take it', async () => {
    const storage = memoryStorage();
    saveSession(session('legacy'), storage);
    expect(await migrateLegacySession(mainStore(null, true).store, storage)).toEqual(
      session('legacy'),
    );
    expect(storage.getItem('atendo.session')).not.toBeNull();
  });

  it('reads main only when there is nothing to migrate', async () => {
    const main = mainStore(session('current'));
    expect(await migrateLegacySession(main.store, memoryStorage())).toEqual(session('current'));
  });
});

describe('restoreSession', () => {
  it('does not migrate in the browser build, where localStorage is the store', async () => {
    const storage = memoryStorage();
    saveSession(session('browser'), storage);
    const main = mainStore();
    expect(await restoreSession({ store: main.store, desktop: false, storage })).toBeNull();
    expect(storage.getItem('atendo.session')).not.toBeNull();
  });
});
