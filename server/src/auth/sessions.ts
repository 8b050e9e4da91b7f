import { createHash, randomBytes } from 'node:crypto';
import type { Agent } from '@atendo/shared/schemas/agent';
import { AtendoError } from '@atendo/shared/errors';
import type { Database } from '../db/database';
import { loadAgent } from '../repo/directory';
import type { Deps } from '../services/deps';
import { verifyPassword } from './password';

// Only the token's hash is stored, so a copy of the database cannot be used to sign in.
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

// A fixed hash to verify against when the e-mail is unknown, so both failures take as long.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(86);

export type Login = { token: string; agent: Agent; expiresAt: number };

export async function login(
  db: Database,
  input: { email: string; password: string; now: number; ttlMs: number },
): Promise<Login> {
  const row = await db
    .selectFrom('agents')
    .select(['id', 'password_hash', 'active', 'must_change_password'])
    .where('email', '=', input.email.trim().toLowerCase())
    .executeTakeFirst();
  const valid = await verifyPassword(input.password, row?.password_hash ?? DUMMY_HASH);
  const agent = row && valid ? await loadAgent(db, row.id) : null;
  if (!agent) throw new AtendoError('unauthenticated', 'wrong e-mail or password');
  // Only past the password check, so the answers say nothing about accounts to a guesser.
  if (row?.active === 0) {
    throw new AtendoError('unauthenticated', 'this account is deactivated', {
      reason: 'deactivated',
    });
  }
  if (row?.must_change_password === 1) {
    // The temporary password of an invite or a reset: auth.changePassword sets the new one.
    throw new AtendoError('password-change-required', 'choose a new password to sign in', {
      field: 'newPassword',
    });
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = input.now + input.ttlMs;
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      agent_id: agent.id,
      created_at: input.now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, agent, expiresAt };
}

/** The agent a bearer token belongs to, or null when it is unknown or expired. */
export async function agentForToken(
  db: Database,
  token: string,
  now: number,
): Promise<Agent | null> {
  const session = await db
    .selectFrom('sessions')
    .select(['agent_id', 'expires_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!session || session.expires_at <= now) return null;
  const agent = await loadAgent(db, session.agent_id);
  // A deactivated agent's sessions are deleted; this refuses one that raced the deletion.
  return agent?.active === false ? null : agent;
}

export async function logout(db: Database, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** Reads `Authorization: Bearer <token>`; anything else is no token. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/**
 * Deletes the sessions that expired by `now`. An expired token is already refused
 * (`agentForToken`); this keeps the table from growing with every sign-in forever. Run with the
 * other timers.
 */
export async function purgeExpiredSessions(db: Database, now: number): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Ends every session of an agent (deactivation, password reset). Branch `sec` (issue 10) owns
 * this function and also closes the agent's live streams at once; until it is merged this
 * version deletes the session rows only, so the agent's next request and stream hello are
 * refused, and a deactivated agent's open stream stays until it reconnects.
 */
export async function revokeAgentSessions(deps: Pick<Deps, 'db'>, agentId: string): Promise<void> {
  await deps.db.deleteFrom('sessions').where('agent_id', '=', agentId).execute();
}
