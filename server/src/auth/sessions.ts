import { createHash, randomBytes } from 'node:crypto';
import type { Agent } from '@atendo/shared/schemas/agent';
import { AtendoError } from '@atendo/shared/errors';
import type { Database } from '../db/database';
import { loadAgent } from '../repo/directory';
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
    .select(['id', 'password_hash'])
    .where('email', '=', input.email.trim().toLowerCase())
    .executeTakeFirst();
  const valid = await verifyPassword(input.password, row?.password_hash ?? DUMMY_HASH);
  const agent = row && valid ? await loadAgent(db, row.id) : null;
  if (!agent) throw new AtendoError('unauthenticated', 'wrong e-mail or password');
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
  return loadAgent(db, session.agent_id);
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
