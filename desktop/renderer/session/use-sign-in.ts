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
  /**
   * Set once the server answered `password-change-required` (a temporary password from an
   * invite or a reset): the sign-in then sets this password first.
   */
  newPassword?: string;
};

/**
 * Signs in against the given server and, on success, stores the session. A temporary password
 * turns `changeRequired` on: the screen asks for a new one and submits again with it.
 */
export function useSignIn() {
  const { signIn } = useSession();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [changeRequired, setChangeRequired] = useState(false);

  const submit = useCallback(
    async (input: SignInInput): Promise<boolean> => {
      setPending(true);
      setFailure(null);
      let token: string | null = null;
      const api = createApiClient({ serverUrl: input.serverUrl, getToken: () => token });
      try {
        const result =
          input.newPassword === undefined
            ? await api.auth.login.mutate({ email: input.email, password: input.password })
            : await api.auth.changePassword.mutate({
                email: input.email,
                currentPassword: input.password,
                newPassword: input.newPassword,
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
        const described = describeApiError(error);
        if (described.kind === 'atendo' && described.code === 'password-change-required') {
          setChangeRequired(true);
        } else {
          setFailure(described);
        }
        return false;
      } finally {
        setPending(false);
      }
    },
    [signIn],
  );

  return { submit, pending, failure, changeRequired };
}
