import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import {
  clearSession,
  loadSession,
  rememberServerUrl,
  saveSession,
  type Session,
} from './session-storage';

type SessionState = {
  session: Session | null;
  signIn: (session: Session) => void;
  signOut: () => void;
};

const SessionContext = createContext<SessionState | null>(null);

/** Holds who is signed in; the token survives a reload through session-storage. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const signIn = useCallback((next: Session) => {
    saveSession(next);
    rememberServerUrl(next.serverUrl);
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    clearSession();
    setSession(null);
  }, []);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}
