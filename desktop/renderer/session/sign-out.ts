import type { LocalDataOnSignOut } from '@atendo/shared/ipc/settings';

/** How a sign-out went, for the login screen's notice. */
export type SignOutOutcome = {
  /** The server revoked the token (auth.logout answered). */
  serverEnded: boolean;
  localData: 'kept' | 'erased' | 'erase-failed';
  /** When the server session ends on its own (epoch ms), if known. */
  expiresAt: number | null;
};

/**
 * Why the server ended a session the agent did not sign out of here: the live stream's 4401
 * close reason (server/src/auth/session-hub.ts), or a token `auth.me` no longer knows.
 */
export type SessionEndReason = 'signed-out' | 'session-expired' | 'session-revoked' | 'unknown';

export const sessionEndReason = (reason: unknown): SessionEndReason =>
  reason === 'signed-out' || reason === 'session-expired' || reason === 'session-revoked'
    ? reason
    : 'unknown';

/** What the login screen says: how the agent's own sign-out went, or why the server ended it. */
export type LoginNotice = SignOutOutcome | { ended: SessionEndReason };

/** What the sign-out dialog offers about this computer's local data. */
export type EraseChoice = {
  /** Ticked when the dialog opens. */
  initial: boolean;
  /** The agent may change it (not when IT made erasing mandatory). */
  changeable: boolean;
};

export function eraseChoice(policy: LocalDataOnSignOut): EraseChoice {
  switch (policy) {
    case 'always':
      return { initial: true, changeable: false };
    case 'default':
      return { initial: true, changeable: true };
    case 'offer':
      return { initial: false, changeable: true };
  }
}

export type SignOutSteps = {
  /** Stops replication and the outbox, so nothing uses the token while it is revoked. */
  stopSync: () => Promise<void>;
  /** auth.logout on the server; aborted after `timeoutMs`. */
  logout: (signal: AbortSignal) => Promise<unknown>;
  /** Removes the local store (conversations, contacts, drafts, outbox); null keeps it. */
  eraseLocalData: (() => Promise<void>) | null;
  /** Forgets the token on this computer and shows the login screen. */
  forget: (outcome: SignOutOutcome) => Promise<void>;
  expiresAt: number | null;
  timeoutMs?: number;
};

/** Long enough for a slow network, short enough that "Sair" never seems stuck. */
export const LOGOUT_TIMEOUT_MS = 8_000;

/**
 * Signs the agent out: the server revokes the token first, while this computer still has it,
 * so a copy of the token (a stolen profile, a shared browser) is worthless afterwards. When the
 * server cannot be reached or refuses, the agent is signed out here all the same and told that
 * the server session ends only when it expires. The token is forgotten last, so a failure in
 * between leaves the agent signed in rather than half signed out.
 */
export async function endSession(steps: SignOutSteps): Promise<SignOutOutcome> {
  await steps.stopSync().catch(() => undefined);
  const signal = AbortSignal.timeout(steps.timeoutMs ?? LOGOUT_TIMEOUT_MS);
  const serverEnded = await steps.logout(signal).then(
    () => true,
    () => false,
  );
  let localData: SignOutOutcome['localData'] = 'kept';
  if (steps.eraseLocalData !== null) {
    localData = await steps.eraseLocalData().then(
      () => 'erased' as const,
      () => 'erase-failed' as const,
    );
  }
  const outcome = { serverEnded, localData, expiresAt: steps.expiresAt };
  await steps.forget(outcome);
  return outcome;
}
