import { AtendoError } from '@atendo/shared/errors';
import type { Agent } from '@atendo/shared/schemas/agent';
import type {
  AdminAgent,
  AgentInvite,
  AgentUpdate,
  DeactivateResult,
  TemporaryPasswordResult,
} from '@atendo/shared/schemas/admin/agents';
import { hashPassword } from '../../auth/password';
import { revokeAgentSessions } from '../../auth/sessions';
import { generateTemporaryPassword } from '../../auth/temporary-password';
import { toJson } from '../../db/json';
import { loadAdminAgent, loadAdminAgents } from '../../repo/admin-directory';
import { inTransaction, type Deps, type Tx } from '../deps';
import { insertAgent } from '../directory-writer';
import { recordAudit } from './audit';
import { releaseAgentConversations } from './agent-release';
import { recordAgentChange } from './directory-changes';
import { notFound, requireFreeEmail, requireUsableTeams, setAgentTeams } from './guards';

export const listAdminAgents = (deps: Deps): Promise<AdminAgent[]> => loadAdminAgents(deps.db);

export async function getAdminAgent(deps: Pick<Deps, 'db'>, id: string): Promise<AdminAgent> {
  const agent = await loadAdminAgent(deps.db, id);
  if (agent === null) throw notFound('agent', id);
  return agent;
}

/** Creates the account with a temporary password the agent must change at first sign-in. */
export async function inviteAgent(
  deps: Deps,
  actor: Agent | null,
  input: AgentInvite,
): Promise<TemporaryPasswordResult> {
  const temporaryPassword = generateTemporaryPassword();
  // scrypt is slow: hash before the transaction, which should stay short.
  const agent = await createAccount(deps, actor, input, {
    passwordHash: await hashPassword(temporaryPassword),
    mustChangePassword: true,
    action: 'agent.invite',
  });
  return { agent, temporaryPassword };
}

/** The insert behind an invite and the command line's create-admin (own password, no change). */
export async function createAccount(
  deps: Deps,
  actor: Agent | null,
  input: AgentInvite,
  account: { passwordHash: string; mustChangePassword: boolean; action: string },
): Promise<AdminAgent> {
  const now = deps.clock.now();
  const id = deps.newId();
  return inTransaction(deps, async (trx) => {
    await requireFreeEmail(trx, input.email, null);
    await requireUsableTeams(trx, input.teamIds, 'teamIds');
    const fields = { ...input, teamIds: [...new Set(input.teamIds)] };
    await insertAgent(
      trx,
      { id, ...fields, presence: 'offline', updatedAt: now },
      account.passwordHash,
    );
    if (account.mustChangePassword) {
      await trx
        .updateTable('agents')
        .set({ must_change_password: 1 })
        .where('id', '=', id)
        .execute();
    }
    const after = await getAdminAgent({ db: trx }, id);
    await recordAudit(trx, deps, actor, {
      action: account.action,
      entityType: 'agent',
      entityId: id,
      before: null,
      after,
    });
    return after;
  });
}

/** Refuses what would leave the organisation without an active admin. */
async function keepAnAdmin(trx: Tx, before: AdminAgent, losesAdmin: boolean): Promise<void> {
  if (!losesAdmin || before.role !== 'admin' || !before.active) return;
  const others = await trx
    .selectFrom('agents')
    .select('id')
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .where('id', '<>', before.id)
    .executeTakeFirst();
  if (others === undefined) {
    throw new AtendoError('forbidden', 'the organisation needs at least one active admin', {
      reason: 'last-admin',
      field: 'role',
    });
  }
}

export async function updateAgent(
  deps: Deps,
  actor: Agent,
  input: AgentUpdate,
): Promise<AdminAgent> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await getAdminAgent({ db: trx }, input.agentId);
    if (input.email !== undefined) await requireFreeEmail(trx, input.email, before.id);
    if (input.teamIds !== undefined) await requireUsableTeams(trx, input.teamIds, 'teamIds');
    await keepAnAdmin(trx, before, input.role !== undefined && input.role !== 'admin');
    await trx
      .updateTable('agents')
      .set({
        ...(input.email === undefined ? {} : { email: input.email.toLowerCase() }),
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.role === undefined ? {} : { role: input.role }),
        ...(input.capacity === undefined ? {} : { capacity: input.capacity }),
        ...(input.permissions === undefined
          ? {}
          : { permissions: toJson([...new Set(input.permissions)]) }),
        updated_at: now,
      })
      .where('id', '=', before.id)
      .execute();
    if (input.teamIds !== undefined) await setAgentTeams(trx, before.id, input.teamIds);
    await recordAgentChange(trx, before.id, now);
    const after = await getAdminAgent({ db: trx }, before.id);
    await recordAudit(trx, deps, actor, {
      action: 'agent.update',
      entityType: 'agent',
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}

/**
 * Deactivates the account: it cannot sign in, its sessions end and its live streams close at
 * once (revokeAgentSessions), its active conversations go back to their team's queue and it leaves
 * the conversations it was invited into, each with a line in the timeline.
 */
export async function deactivateAgent(
  deps: Deps,
  actor: Agent,
  agentId: string,
): Promise<DeactivateResult> {
  if (agentId === actor.id) {
    throw new AtendoError('forbidden', 'you cannot deactivate yourself', {
      reason: 'self',
      field: 'agentId',
    });
  }
  const now = deps.clock.now();
  const result = await inTransaction(deps, async (trx) => {
    const before = await getAdminAgent({ db: trx }, agentId);
    if (!before.active) return { before, after: before, requeued: [] };
    await keepAnAdmin(trx, before, true);
    await trx
      .updateTable('agents')
      .set({ active: 0, deactivated_at: now, presence: 'offline', updated_at: now })
      .where('id', '=', agentId)
      .execute();
    const requeued = await releaseAgentConversations(deps, trx, actor, agentId);
    await recordAgentChange(trx, agentId, now);
    const after = await getAdminAgent({ db: trx }, agentId);
    await recordAudit(trx, deps, actor, {
      action: 'agent.deactivate',
      entityType: 'agent',
      entityId: agentId,
      before,
      after,
    });
    return { before, after, requeued };
  });
  const sessions = await deps.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agent_id', '=', agentId)
    .executeTakeFirst();
  await revokeAgentSessions(deps, agentId);
  return {
    agent: result.after,
    requeuedConversationIds: result.requeued,
    revokedSessions: sessions?.n ?? 0,
  };
}

export async function reactivateAgent(
  deps: Deps,
  actor: Agent,
  agentId: string,
): Promise<AdminAgent> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await getAdminAgent({ db: trx }, agentId);
    if (before.active) return before;
    await trx
      .updateTable('agents')
      .set({ active: 1, deactivated_at: null, updated_at: now })
      .where('id', '=', agentId)
      .execute();
    await recordAgentChange(trx, agentId, now);
    const after = await getAdminAgent({ db: trx }, agentId);
    await recordAudit(trx, deps, actor, {
      action: 'agent.reactivate',
      entityType: 'agent',
      entityId: agentId,
      before,
      after,
    });
    return after;
  });
}

/** A new temporary password, to change at the next sign-in; every session of the agent ends. */
export async function resetAgentPassword(
  deps: Deps,
  actor: Agent,
  agentId: string,
): Promise<TemporaryPasswordResult> {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const agent = await inTransaction(deps, async (trx) => {
    const before = await getAdminAgent({ db: trx }, agentId);
    await trx
      .updateTable('agents')
      .set({ password_hash: passwordHash, must_change_password: 1 })
      .where('id', '=', agentId)
      .execute();
    const after = await getAdminAgent({ db: trx }, agentId);
    await recordAudit(trx, deps, actor, {
      action: 'agent.reset-password',
      entityType: 'agent',
      entityId: agentId,
      before,
      after,
    });
    return after;
  });
  await revokeAgentSessions(deps, agentId);
  return { agent, temporaryPassword };
}
