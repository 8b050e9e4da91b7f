import { StoredSession, type StoredSessionInput } from '@atendo/shared/ipc/session';

const STORAGE_KEY = 'atendo.session';

/** Who is signed in, to which server, with which bearer token (shared/src/ipc/session.ts). */
export const Session = StoredSession;
export type Session = StoredSession;
export type SessionAgent = Session['agent'];

/**
 * In the browser build the token lives in localStorage (the desktop keeps it encrypted in main,
 * see session-store.ts; desktop versions before that kept it here too). What is read back is
 * untrusted (another version of the app may have written it), so it is parsed and dropped when
 * it does not fit.
 */
export function loadSession(storage: Storage = localStorage): Session | null {
  const raw = storage.getItem(STORAGE_KEY);
  if (raw === null) return null;
  try {
    const parsed = Session.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveSession(session: StoredSessionInput, storage: Storage = localStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(Session.parse(session)));
}

export function clearSession(storage: Storage = localStorage): void {
  storage.removeItem(STORAGE_KEY);
}

/** Whether localStorage holds a session at all (valid or not), e.g. one left to migrate. */
export const hasStoredSession = (storage: Storage = localStorage): boolean =>
  storage.getItem(STORAGE_KEY) !== null;

const LAST_SERVER_KEY = 'atendo.lastServerUrl';

export const rememberServerUrl = (url: string, storage: Storage = localStorage): void => {
  storage.setItem(LAST_SERVER_KEY, url);
};

/**
 * The address shown on the login screen: the machine policy's when IT set one, the last one
 * used, or the page's own origin when the server itself serves the workspace.
 */
export function defaultServerUrl(input: {
  policyUrl: string | null;
  lastUrl: string | null;
  location: Pick<Location, 'protocol' | 'origin'>;
}): string {
  if (input.policyUrl !== null) return input.policyUrl;
  if (input.lastUrl !== null) return input.lastUrl;
  const served = input.location.protocol === 'http:' || input.location.protocol === 'https:';
  return served ? input.location.origin : 'http://127.0.0.1:4310';
}

export const lastServerUrl = (storage: Storage = localStorage): string | null =>
  storage.getItem(LAST_SERVER_KEY);
