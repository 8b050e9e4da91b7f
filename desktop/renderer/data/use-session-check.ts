import { useEffect } from 'react';
import { describeApiError } from '../api/api-error';
import { useSession } from '../session/session-context';
import { useWorkspace } from './workspace-context';

/**
 * A stored token may have expired or belong to a server that was reset; the workspace would
 * then sync nothing and look empty. Asking the server who we are settles it at start and after
 * every reconnect, and the live stream says so whenever it refuses the token: an unknown token
 * sends the agent back to the login screen.
 */
export function useSessionCheck(): void {
  const { api, sessionRefused$ } = useWorkspace();
  const { signOut } = useSession();
  useEffect(() => {
    let cancelled = false;
    const check = () => {
      api.auth.me.query().catch((error: unknown) => {
        const failure = describeApiError(error);
        if (!cancelled && failure.kind === 'atendo' && failure.code === 'unauthenticated')
          signOut({ ended: 'unknown' });
      });
    };
    check();
    window.addEventListener('online', check);
    const refusals = sessionRefused$.subscribe((reason) => {
      signOut({ ended: reason });
    });
    return () => {
      cancelled = true;
      window.removeEventListener('online', check);
      refusals.unsubscribe();
    };
  }, [api, sessionRefused$, signOut]);
}
