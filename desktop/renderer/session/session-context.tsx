import { Center, Loader } from '@mantine/core';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge, isDesktopShell } from '../bridge/get-bridge';
import type { LoginNotice } from './sign-out';
import { bridgeSessionStore, restoreSession } from './session-store';
import { rememberServerUrl, type Session } from './session-storage';

type SessionState = {
  session: Session | null;
  /** How the last sign-out went (or why the server ended it), for the login screen. */
  lastSignOut: LoginNotice | null;
  signIn: (session: Session) => Promise<void>;
  /**
   * Forgets the session on this computer and shows the login screen. It does not revoke the
   * token on the server: the sign-out dialog does that first (sign-out.ts); used alone when the
   * server already refused the token.
   */
  signOut: (outcome?: LoginNotice) => void;
  /** The same, awaited: the token is gone from this computer when it resolves. */
  forget: (outcome: LoginNotice | null) => Promise<void>;
};

const SessionContext = createContext<SessionState | null>(null);

type Restored = { restored: false } | { restored: true; session: Session | null };

/** Holds who is signed in; the token survives a restart through the bridge's session store. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const store = useMemo(() => bridgeSessionStore(getBridge()), []);
  const [state, setState] = useState<Restored>({ restored: false });
  const [lastSignOut, setLastSignOut] = useState<LoginNotice | null>(null);

  useEffect(() => {
    let cancelled = false;
    void restoreSession({ store, desktop: isDesktopShell(), storage: localStorage })
      .catch(() => null)
      .then((session) => {
        if (!cancelled) setState({ restored: true, session });
      });
    return () => {
      cancelled = true;
    };
  }, [store]);

  const signIn = useCallback(
    async (next: Session) => {
      await store.save(next);
      rememberServerUrl(next.serverUrl);
      setLastSignOut(null);
      setState({ restored: true, session: next });
    },
    [store],
  );
  const forget = useCallback(
    async (outcome: LoginNotice | null) => {
      // Signed out on screen even when the store cannot be reached: the server check at the
      // next start sends a revoked token back to the login screen anyway.
      await store.clear().catch(() => undefined);
      setLastSignOut(outcome);
      setState({ restored: true, session: null });
    },
    [store],
  );
  const signOut = useCallback(
    (outcome?: LoginNotice) => {
      void forget(outcome ?? null);
    },
    [forget],
  );

  const session = state.restored ? state.session : null;
  const value = useMemo(
    () => ({ session, lastSignOut, signIn, signOut, forget }),
    [session, lastSignOut, signIn, signOut, forget],
  );
  if (!state.restored) {
    return (
      <Center mih="100vh" aria-busy="true">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}
