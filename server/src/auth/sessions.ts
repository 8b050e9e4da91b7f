import { createHash, randomBytes } from 'node:crypto';
import type { Agent } from '@atendo/shared/schemas/agent';
import { AtendoError } from '@atendo/shared/errors';
import type { Database } from '../db/database';
import { loadAgent } from '../repo/directory';
import type { Deps } from '../services/deps';
import { verifyPassword } from './password';
import { sessionHubFor } from './session-hub';

/**
 * A session's id: its token's hash. Only the hash is stored, so a copy of the database cannot
 * be used to sign in; the live streams are registered under it too (session-hub.ts).
 */
export const sessionIdOf = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
const hashToken = sessionIdOf;

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

export type ValidSession = { sessionId: string; agent: Agent; expiresAt: number };

/** The session a bearer token names, or null when it is unknown, expired or revoked. */
export async function sessionForToken(
  db: Database,
  token: string,
  now: number,
): Promise<ValidSession | null> {
  const sessionId = hashToken(token);
  const session = await db
    .selectFrom('sessions')
    .select(['agent_id', 'expires_at'])
    .where('token_hash', '=', sessionId)
    .executeTakeFirst();
  if (!session || session.expires_at <= now) return null;
  const agent = await loadAgent(db, session.agent_id);
  // A deactivated agent's sessions are deleted; this refuses one that raced the deletion.
  if (!agent || agent.active === false) return null;
  return { sessionId, agent, expiresAt: session.expires_at };
}

/** The agent a bearer token belongs to, or null when it is unknown or expired. */
export async function agentForToken(
  db: Database,
  token: string,
  now: number,
): Promise<Agent | null> {
  return (await sessionForToken(db, token, now))?.agent ?? null;
}

/** Ends a session: its token is refused from now on and its open streams close at once. */
export async function logout(db: Database, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
  sessionHubFor(db).endSession(hashToken(token), 'signed-out');
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
 * Ends every session of an agent (deactivation, password reset, password change): the rows are
 * deleted, so every procedure and stream hello refuses the tokens, and the agent's open streams
 * on this node close at once (on other nodes at their next heartbeat, see session-hub.ts).
 */
export async function revokeAgentSessions(deps: Pick<Deps, 'db'>, agentId: string): Promise<void> {
  const rows = await deps.db
    .selectFrom('sessions')
    .select('token_hash')
    .where('agent_id', '=', agentId)
    .execute();
  await deps.db.deleteFrom('sessions').where('agent_id', '=', agentId).execute();
  const hub = sessionHubFor(deps.db);
  // By id too: a stream whose hello is being checked is registered under its session only.
  for (const row of rows) hub.endSession(row.token_hash, 'session-revoked');
  hub.endAgent(agentId, 'session-revoked');
}

/**
 * The session check of the live streams' heartbeat: ends, with the fitting reason, every stream
 * of this node whose session is gone (signed out, revoked, possibly on another node), expired,
 * or whose agent was deactivated. One read for all the node's sessions.
 */
export async function revalidateLiveSessions(db: Database, now: number): Promise<number> {
  const hub = sessionHubFor(db);
  const ids = hub.sessionIds();
  let ended = 0;
  // Chunks keep each query under the databases' bound-parameter limits.
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const rows = await db
      .selectFrom('sessions')
      .innerJoin('agents', 'agents.id', 'sessions.agent_id')
      .select(['sessions.token_hash', 'sessions.expires_at', 'agents.active'])
      .where('sessions.token_hash', 'in', chunk)
      .execute();
    const found = new Map(rows.map((row) => [row.token_hash, row]));
    for (const id of chunk) {
      const row = found.get(id);
      if (row === undefined || row.active === 0) ended += hub.endSession(id, 'session-revoked');
      else if (row.expires_at <= now) ended += hub.endSession(id, 'session-expired');
    }
  }
  return ended;
}
