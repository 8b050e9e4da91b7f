import { AtendoError } from '@atendo/shared/errors';
import { ensure } from '@atendo/shared/rules/decision';
import { checkPasswordStrength } from '@atendo/shared/rules/password-policy';
import type { Config } from '../config';
import { recordAudit } from '../services/admin/audit';
import { inTransaction, type Deps } from '../services/deps';
import { hashPassword, verifyPassword } from './password';
import { login, revokeAgentSessions, type Login } from './sessions';

export type ChangePasswordInput = { email: string; currentPassword: string; newPassword: string };

/**
 * Sets a new password after checking the current one (the temporary password of an invite or a
 * reset, or the agent's own), ends the account's other sessions and signs in with the new one.
 * A weak or unchanged password is refused with `weak-password` and the reason.
 */
export async function changePassword(
  deps: Deps,
  config: Config,
  input: ChangePasswordInput,
): Promise<Login> {
  const email = input.email.trim().toLowerCase();
  const row = await deps.db
    .selectFrom('agents')
    .select(['id', 'name', 'email', 'password_hash', 'active'])
    .where('email', '=', email)
    .executeTakeFirst();
  const valid =
    row !== undefined && (await verifyPassword(input.currentPassword, row.password_hash));
  if (row === undefined || !valid || row.active === 0) {
    throw new AtendoError('unauthenticated', 'wrong e-mail or password', {
      field: 'currentPassword',
    });
  }
  ensure(checkPasswordStrength(input.newPassword, { email: row.email, name: row.name }));
  if (input.newPassword === input.currentPassword) {
    throw new AtendoError('weak-password', 'choose a password other than the current one', {
      reason: 'unchanged',
      field: 'newPassword',
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await revokeAgentSessions(deps, row.id);
  await inTransaction(deps, async (trx) => {
    await trx
      .updateTable('agents')
      .set({ password_hash: passwordHash, must_change_password: 0 })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(
      trx,
      deps,
      { id: row.id, name: row.name },
      {
        action: 'agent.change-password',
        entityType: 'agent',
        entityId: row.id,
        before: null,
        after: null,
      },
    );
  });
  return login(deps.db, {
    email,
    password: input.newPassword,
    now: deps.clock.now(),
    ttlMs: config.sessionTtlMs,
  });
}
