import { z } from 'zod';
import {
  AdminAgent,
  AgentIdInput,
  AgentInvite,
  AgentUpdate,
  DeactivateResult,
  TemporaryPasswordResult,
} from '@atendo/shared/schemas/admin/agents';
import {
  deactivateAgent,
  getAdminAgent,
  inviteAgent,
  listAdminAgents,
  reactivateAgent,
  resetAgentPassword,
  updateAgent,
} from '../../services/admin/agents';
import { adminProcedure, adminReadProcedure } from '../../trpc/admin-procedures';
import { router } from '../../trpc/trpc';

/** admin.agents: the company's accounts (see docs/admin-api.md). */
export const adminAgentsRouter = router({
  list: adminReadProcedure
    .output(z.array(AdminAgent))
    .query(({ ctx }) => listAdminAgents(ctx.deps)),

  get: adminReadProcedure
    .input(AgentIdInput)
    .output(AdminAgent)
    .query(({ ctx, input }) => getAdminAgent(ctx.deps, input.agentId)),

  /** Creates the account with a temporary password that must be changed at first sign-in. */
  invite: adminProcedure
    .input(AgentInvite)
    .output(TemporaryPasswordResult)
    .mutation(({ ctx, input }) => inviteAgent(ctx.deps, ctx.agent, input)),

  update: adminProcedure
    .input(AgentUpdate)
    .output(AdminAgent)
    .mutation(({ ctx, input }) => updateAgent(ctx.deps, ctx.agent, input)),

  /** Signs the agent out everywhere and sends their open conversations back to the queue. */
  deactivate: adminProcedure
    .input(AgentIdInput)
    .output(DeactivateResult)
    .mutation(({ ctx, input }) => deactivateAgent(ctx.deps, ctx.agent, input.agentId)),

  reactivate: adminProcedure
    .input(AgentIdInput)
    .output(AdminAgent)
    .mutation(({ ctx, input }) => reactivateAgent(ctx.deps, ctx.agent, input.agentId)),

  /** A new temporary password (shown once); the agent's sessions end. */
  resetPassword: adminProcedure
    .input(AgentIdInput)
    .output(TemporaryPasswordResult)
    .mutation(({ ctx, input }) => resetAgentPassword(ctx.deps, ctx.agent, input.agentId)),
});
