import { z } from 'zod';
import { Agent, Presence } from '@atendo/shared/schemas/agent';

const STORAGE_KEY = 'atendo.session';

/** Who is signed in, to which server, with which bearer token. */
export const Session = z.object({
  serverUrl: z.url(),
  token: z.string().min(1),
  /** Chosen at sign-in and changed from the header; the server holds the truth. */
  presence: Presence.default('available'),
  agent: Agent.pick({
    id: true,
    name: true,
    email: true,
    role: true,
    teamIds: true,
    permissions: true,
  }),
});
export type Session = z.infer<typeof Session>;
export type SessionAgent = Session['agent'];

/**
 * In the browser build the token lives in localStorage; what is read back is untrusted (another
 * version of the app may have written it), so it is parsed and dropped when it does not fit.
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

export function saveSession(session: Session, storage: Storage = localStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage = localStorage): void {
  storage.removeItem(STORAGE_KEY);
}

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
