import { useCallback, useState } from 'react';
import type { Presence } from '@atendo/shared/schemas/agent';
import { describeApiError, type ApiFailure } from '../api/api-error';
import { createApiClient } from '../api/trpc-client';
import { Session } from './session-storage';
import { useSession } from './session-context';

export type SignInInput = {
  serverUrl: string;
  email: string;
  password: string;
  presence: Extract<Presence, 'available' | 'away'>;
};

/** Signs in against the given server and, on success, stores the session. */
export function useSignIn() {
  const { signIn } = useSession();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const submit = useCallback(
    async (input: SignInInput): Promise<boolean> => {
      setPending(true);
      setFailure(null);
      let token: string | null = null;
      const api = createApiClient({ serverUrl: input.serverUrl, getToken: () => token });
      try {
        const result = await api.auth.login.mutate({
          email: input.email,
          password: input.password,
        });
        token = result.token;
        // Always: the server keeps the presence of the last session (offline after a sign-out),
        // and the badge must not say "Disponível" while the server routes nothing here.
        await api.auth.setPresence.mutate({ presence: input.presence });
        await signIn(
          Session.parse({
            serverUrl: input.serverUrl,
            token,
            presence: input.presence,
            agent: result.agent,
            expiresAt: result.expiresAt,
          }),
        );
        return true;
      } catch (error) {
        setFailure(describeApiError(error));
        return false;
      } finally {
        setPending(false);
      }
    },
    [signIn],
  );

  return { submit, pending, failure };
}
