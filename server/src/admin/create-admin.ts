import { AtendoError } from '@atendo/shared/errors';
import { ensure } from '@atendo/shared/rules/decision';
import {
  checkPasswordStrength,
  WEAK_PASSWORD_TEXT,
  type WeakPasswordReason,
} from '@atendo/shared/rules/password-policy';
import { AgentInvite } from '@atendo/shared/schemas/admin/agents';
import type { AdminAgent } from '@atendo/shared/schemas/admin/agents';
import { hashPassword } from '../auth/password';
import { createAccount } from '../services/admin/agents';
import type { Deps } from '../services/deps';

/**
 * The first admin of an empty database (or another one later): an `admin` in no team, with the
 * password given, usable at once (no change required). Refuses a weak password, a bad e-mail
 * and an e-mail already in use with a typed error.
 */
export async function createAdmin(
  deps: Deps,
  input: { email: string; name: string; password: string },
): Promise<AdminAgent> {
  const account = AgentInvite.safeParse({
    email: input.email.trim().toLowerCase(),
    name: input.name,
    role: 'admin',
    teamIds: [],
    capacity: 5,
    permissions: [],
  });
  if (!account.success) {
    const field = String(account.error.issues[0]?.path[0] ?? 'email');
    throw new AtendoError('invalid-input', `invalid ${field}`, { field });
  }
  ensure(checkPasswordStrength(input.password, account.data));
  return createAccount(deps, null, account.data, {
    passwordHash: await hashPassword(input.password),
    mustChangePassword: false,
    action: 'agent.create-admin',
  });
}

/** What the command line prints for a refusal. */
export function describeRefusal(error: unknown): string {
  if (!(error instanceof AtendoError))
    return error instanceof Error ? error.message : String(error);
  if (error.code === 'weak-password') {
    const reason = error.details.reason as WeakPasswordReason;
    return `weak password: ${WEAK_PASSWORD_TEXT[reason]}`;
  }
  if (error.code === 'already-exists') return 'an account with this e-mail already exists';
  if (error.code === 'invalid-input') return `${String(error.details.field)} is not valid`;
  return error.message;
}

/** Whether the database has no account yet: the server then says how to create the first admin. */
export async function hasNoAccounts(deps: Pick<Deps, 'db'>): Promise<boolean> {
  const row = await deps.db.selectFrom('agents').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

export const FIRST_ADMIN_HINT =
  'This database has no accounts yet. Create the first admin with\n' +
  '  npm run admin -- create-admin --email you@company.com --name "Your Name"\n' +
  'then sign in with that e-mail (docs/administration.md).';
